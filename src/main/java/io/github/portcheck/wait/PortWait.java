package io.github.portcheck.wait;

import io.github.portcheck.holder.ForwarderCheck;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.DetectorChoice;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.WaitFor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits until every entry's port is open (a service accepts connections) or free (released). */
public final class PortWait {
    private final HostResolver resolver;
    private final Predicate<Verdict> ready;
    private final WaitFor goal;
    private final PortWaiter waiter;

    PortWait(HostResolver resolver, WaitFor goal, PortWaiter waiter) {
        this.resolver = resolver;
        this.goal = goal;
        this.ready = goal == WaitFor.OPEN ? v -> v.status() == Status.IN_USE : Verdict::isFree;
        this.waiter = waiter;
    }

    /**
     * @param detector    for {@code free}: how to see that a port is released (bind for local addresses under
     *                    auto); {@code open} always connects
     * @param acceptProxy count a connection that is accepted and closed at once as open
     */
    public static PortWait of(WaitFor goal, DetectorChoice detector, int connectTimeoutMillis, boolean acceptProxy) {
        HostResolver resolver = goal == WaitFor.OPEN
                ? HostResolver.connecting(
                        new OpenDetector(connectTimeoutMillis, acceptProxy, ForwarderCheck.forThisSystem()))
                : new HostResolver(detector, new BindDetector(), new ConnectDetector(connectTimeoutMillis));
        return new PortWait(resolver, goal, new PortWaiter());
    }

    /**
     * Waits for every entry at once.
     *
     * @return the entries still not ready at the deadline, each with the last verdict seen
     */
    public List<PortWaiter.Pending> run(List<PortSpec> specs, String defaultHost, long timeoutMillis,
            long intervalMillis, Consumer<String> progress) throws ConfigurationException, InterruptedException {
        // The addresses of a host are probed at once where a probe may wait (an open port watched for a
        // forwarder), on threads that end with this goal.
        ExecutorService pool = goal == WaitFor.OPEN ? Executors.newCachedThreadPool(PortWait::daemon) : null;
        try {
            return await(specs, defaultHost, timeoutMillis, intervalMillis, progress, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "portcheck-wait");
        thread.setDaemon(true);
        return thread;
    }

    private List<PortWaiter.Pending> await(List<PortSpec> specs, String defaultHost, long timeoutMillis,
            long intervalMillis, Consumer<String> progress, ExecutorService pool)
            throws ConfigurationException, InterruptedException {
        List<PortWaiter.Pending> pending = new ArrayList<>();
        for (PortSpec spec : specs) {
            if (!spec.range().isPresent() || !spec.range().get().isSingle()) {
                throw ConfigurationException.inEntry(spec.text(), spec.text(),
                        "wait-ports waits for one known port per entry",
                        "PORT, NAME=PORT, HOST:PORT, or NAME alone for a port that an earlier goal exported as NAME");
            }
            String host = spec.host().orElse(defaultHost);
            int port = spec.range().get().first();
            String label = "port " + port + spec.name().map(n -> " (" + n + ")").orElse("") + " on " + host;
            pending.add(new PortWaiter.Pending(label, prober(spec, defaultHost, port, pool), ready));
        }
        return waiter.await(pending, timeoutMillis, intervalMillis, progress);
    }

    /**
     * Probes the port. A host that waits for a service may not resolve yet (a container's name, say): it is
     * looked up again each round, "unknown host" until it resolves. Only a detector that cannot work on the
     * host at all is a configuration error, reported before any waiting.
     */
    private Supplier<Verdict> prober(PortSpec spec, String defaultHost, int port, ExecutorService pool)
            throws ConfigurationException {
        ProbeTarget[] target = new ProbeTarget[1];
        try {
            target[0] = resolver.resolve(spec, defaultHost);
        } catch (HostNotFoundException e) {
            // not yet: asked again each round
        }
        return () -> {
            if (target[0] == null) {
                target[0] = resolveOrNull(spec, defaultHost);
            }
            return target[0] == null ? new Verdict(Status.UNREACHABLE, null, port, "unknown host")
                    : pool == null ? target[0].probe(port) : target[0].probe(port, pool);
        };
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
