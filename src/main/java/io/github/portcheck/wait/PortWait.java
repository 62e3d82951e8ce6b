package io.github.portcheck.wait;

import io.github.portcheck.holder.ForwarderCheck;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.DetectorChoice;
import io.github.portcheck.spec.HttpCheck;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.RawSettings;
import io.github.portcheck.spec.Setting;
import io.github.portcheck.spec.WaitFor;
import io.github.portcheck.spec.WaitSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Waits until every entry's port is open (a service accepts connections, or its URL answers) or free (released). */
public final class PortWait {
    private final HostResolver resolver;
    private final Predicate<Verdict> ready;
    private final WaitFor goal;
    private final HttpCheck http;
    private final int connectTimeoutMillis;
    private final ServerPidFile pidFile;
    private final OwnListener owner;

    PortWait(HostResolver resolver, WaitFor goal, HttpCheck http, int connectTimeoutMillis, ServerPidFile pidFile,
            OwnListener owner) {
        this.resolver = resolver;
        this.goal = goal;
        this.ready = goal == WaitFor.OPEN ? v -> v.status() == Status.IN_USE : Verdict::isFree;
        this.http = http;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.pidFile = pidFile;
        this.owner = owner;
    }

    /**
     * A wait for TCP ports alone.
     *
     * @param detector    for {@code free}: how to see that a port is released (bind for local addresses under
     *                    auto); {@code open} always connects
     * @param acceptProxy count a connection that is accepted and closed at once as open
     */
    public static PortWait of(WaitFor goal, DetectorChoice detector, int connectTimeoutMillis, boolean acceptProxy) {
        return new PortWait(resolver(goal, detector, connectTimeoutMillis, acceptProxy), goal, null,
                connectTimeoutMillis, null, null);
    }

    /**
     * The wait its settings ask for: URLs, the owner of each open port, the server's pid file.
     *
     * @param buildStartMillis when the build started: a pid file written since then is this build's server's
     * @param warning          told once, where ownListener cannot see a listener
     */
    public static PortWait of(WaitSettings settings, long buildStartMillis, Consumer<String> warning) {
        ProcessTree tree = ProcessTree.forThisSystem();
        ServerPidFile pidFile = settings.pidFile().map(f -> new ServerPidFile(f, buildStartMillis, tree))
                .orElse(null);
        OwnListener owner = settings.ownListener() ? new OwnListener(tree, ProcNetHolderLookup.forThisSystem(),
                ForwarderCheck.forThisSystem(), pidFile == null ? () -> -1 : pidFile::pid, warning) : null;
        return new PortWait(resolver(settings.waitFor(), settings.detector(), settings.connectTimeoutMillis(),
                settings.acceptProxy()), settings.waitFor(), settings.http(), settings.connectTimeoutMillis(), pidFile,
                owner);
    }

    private static HostResolver resolver(WaitFor goal, DetectorChoice detector, int connectTimeoutMillis,
            boolean acceptProxy) {
        return goal == WaitFor.OPEN
                ? HostResolver.connecting(
                        new OpenDetector(connectTimeoutMillis, acceptProxy, ForwarderCheck.forThisSystem()))
                : new HostResolver(detector, new BindDetector(), new ConnectDetector(connectTimeoutMillis));
    }

    /**
     * Waits for every entry at once. Every entry is checked before the wait starts and says so through {@code
     * progress}: a mistake is reported before any waiting.
     *
     * @return the entries still not ready at the deadline, each with the last verdict seen
     * @throws WaitStoppedException when an open port is held by a process this build did not start, or the
     *                              server's process ended before every port was ready
     */
    public List<PortWaiter.Pending> run(List<PortSpec> specs, String defaultHost, long timeoutMillis,
            long intervalMillis, Consumer<String> progress)
            throws ConfigurationException, InterruptedException, WaitStoppedException {
        // The probes of a round, and the addresses of a host, run at once, on threads that end with this goal.
        ExecutorService pool = Executors.newCachedThreadPool(PortWait::daemon);
        try {
            List<PortWaiter.Pending> pending = new ArrayList<>();
            for (PortSpec spec : specs) {
                pending.add(pending(spec, defaultHost, pool));
            }
            progress.accept("Waiting up to " + seconds(timeoutMillis) + " for " + specs.size()
                    + (specs.size() == 1 ? " port" : " ports") + " to be " + goal);
            return new PortWaiter(pool).await(pending, timeoutMillis, intervalMillis, progress,
                    pidFile == null ? PortWaiter.Watch.NONE : pidFile);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "portcheck-wait");
        thread.setDaemon(true);
        return thread;
    }

    private PortWaiter.Pending pending(PortSpec spec, String defaultHost, ExecutorService pool)
            throws ConfigurationException {
        if (!spec.range().isPresent() || !spec.range().get().isSingle()) {
            throw ConfigurationException.inEntry(spec.text(), spec.text(),
                    "wait-ports waits for one known port per entry", RawSettings.WAIT_ENTRIES);
        }
        String host = spec.host().orElse(defaultHost);
        int port = spec.range().get().first();
        String name = spec.name().map(n -> " (" + n + ")").orElse("");
        // A host that waits for a service may not resolve yet (a container's name, say): it is looked up again each
        // round, "unknown host" until it resolves. Only a detector that cannot work on the host at all is a
        // configuration error, reported before any waiting.
        ProbeTarget[] target = new ProbeTarget[1];
        try {
            target[0] = resolver.resolve(spec, defaultHost);
        } catch (HostNotFoundException e) {
            // not yet: asked again each round
        }
        if (pidFile != null && target[0] != null && !target[0].isLocal()) {
            throw new ConfigurationException(Setting.PID_FILE, pidFile.file().toString(), "entry '" + spec.text()
                    + "' is on host " + host + ", where this machine cannot see the process of a pid file",
                    "a pid file only with entries on this machine (localhost or one of its addresses)");
        }
        if (spec.url().isPresent() && http == null) {
            throw new IllegalStateException("a wait for URLs is made from its settings");
        }
        String label = spec.url().map(u -> u + name).orElse("port " + port + name + " on " + host);
        // a URL answers when open; to see its port released, the port's own probe serves
        HttpProbe httpProbe = goal == WaitFor.FREE ? null
                : spec.url().map(u -> new HttpProbe(u, http, connectTimeoutMillis)).orElse(null);
        return new PortWaiter.Pending(label, () -> {
            if (target[0] == null) {
                target[0] = resolveOrNull(spec, defaultHost);
            }
            Verdict v = httpProbe != null ? httpProbe.probe()
                    : target[0] == null ? new Verdict(Status.UNREACHABLE, null, port, "unknown host")
                    : target[0].probe(port, pool);
            if (owner != null && ready.test(v)) {
                owner.check(label, port, target[0] != null && target[0].isLocal());
            }
            return v;
        }, ready);
    }

    private ProbeTarget resolveOrNull(PortSpec spec, String defaultHost) {
        try {
            return resolver.resolve(spec, defaultHost);
        } catch (ConfigurationException e) {
            return null; // only HostNotFoundException: anything else was thrown at the first resolution
        }
    }

    /**
     * The failure message: every port that did not get ready, with the last thing seen of it, and where nothing
     * listens at all, the usual cause: the server was started after this goal, or not at all.
     */
    public String timeoutMessage(List<PortWaiter.Pending> left, int total, long timeoutMillis) {
        StringBuilder text = new StringBuilder(total == 1 ? "The port" : left.size() + " of " + total + " ports");
        text.append(" did not become ").append(goal).append(" within ").append(seconds(timeoutMillis)).append(':');
        List<Integer> refused = new ArrayList<>();
        for (PortWaiter.Pending p : left) {
            text.append("\n  ").append(p.label()).append(": ").append(p.last().reason());
            if (goal == WaitFor.OPEN && p.last().status() == Status.FREE) {
                refused.add(p.last().port());
            }
        }
        if (!refused.isEmpty()) {
            text.append("\nNothing accepted connections on ").append(refused.size() == 1 ? "port " : "ports ")
                    .append(refused.toString().replaceAll("[\\[\\]]", "")).append(": was the server started before"
                    + " this goal ran? Within one phase Maven runs plugins in the order the pom declares them.");
        }
        return text.toString();
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
