package io.github.portcheck.wait;

import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.domain.WaitTarget;
import io.github.portcheck.holder.ForwarderCheck;
import io.github.portcheck.holder.HolderLookups;
import io.github.portcheck.poll.Awaited;
import io.github.portcheck.poll.Poller;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.system.ProcessTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Waits until every target is open (a service accepts connections, or its URL answers as expected) or free
 * (released). Every target is checked when the wait is made, so that a mistake is reported before any waiting; a
 * host that does not resolve yet (a container's name, say) is looked up again each round.
 */
public final class PortWait {
    private final WaitSettings settings;
    private final List<Target> targets;
    private final ServerPidFile pidFile;

    private PortWait(WaitSettings settings, List<Target> targets, ServerPidFile pidFile) {
        this.settings = settings;
        this.targets = targets;
        this.pidFile = pidFile;
    }

    /**
     * The wait its settings ask for, on this machine.
     *
     * @param buildStartMillis when the build started: a pid file written since then is this build's server's
     * @param cannotSee        told once why ownListener cannot see a listener
     * @param debug            told what a user needs only when asking why, e.g. why a holder could not be named
     * @throws NotLocalHostException where {@code free} is to be seen with the bind detector on another machine
     * @throws PidFileHostException  where a pid file goes with a target on another host
     */
    public static PortWait forThisMachine(WaitSettings settings, long buildStartMillis, Consumer<String> cannotSee,
            Consumer<String> debug) throws NotLocalHostException, PidFileHostException {
        ProcessTree tree = ProcessTree.forThisSystem();
        ServerPidFile pidFile = settings.pidFile().map(f -> new ServerPidFile(f, buildStartMillis, tree)).orElse(null);
        OwnListener owner = settings.ownListener() ? new OwnListener(tree, HolderLookups.forThisSystem(debug),
                ForwarderCheck.forThisSystem(), pidFile == null ? () -> -1 : pidFile::pid, cannotSee) : null;
        boolean open = settings.waitFor() == WaitFor.OPEN;
        HostResolver resolver = open
                ? new HostResolver(new BindDetector(), new OpenDetector(settings.connectTimeoutMillis(),
                        settings.acceptProxy(), ForwarderCheck.forThisSystem()))
                : new HostResolver(new BindDetector(), new ConnectDetector(settings.connectTimeoutMillis()));
        List<Target> targets = new ArrayList<>();
        for (WaitTarget t : settings.targets()) {
            // open always connects; free is seen with the entry's detector, or the setting's
            DetectorChoice detector = open ? DetectorChoice.CONNECT : t.detector().orElse(settings.detector());
            Target target = new Target(t, t.host().orElse(settings.host()), resolver, detector, owner,
                    open ? t.url().map(u -> new UrlReadiness(u, settings.http(), settings.connectTimeoutMillis()))
                            .orElse(null) : null);
            if (pidFile != null && target.resolved != null && !target.resolved.isLocal()) {
                throw new PidFileHostException(pidFile.file(), t.text(), target.host);
            }
            targets.add(target);
        }
        return new PortWait(settings, targets, pidFile);
    }

    /**
     * Waits for every target at once, until all are ready, one never can be, or the timeout.
     *
     * @param progress receives a line every few seconds while targets are pending
     * @throws WaitStoppedException when an open port is held by a process this build did not start, or the
     *                              server's process ended before every target was ready
     */
    public WaitResult run(Consumer<String> progress) throws WaitStoppedException, InterruptedException {
        return run(progress, Collections.<Awaited>emptyList(), Poller.Watch.NONE,
                Poller.Pace.every(settings.intervalMillis()), new ChildrenWatch(ProcessTree.forThisSystem()), null);
    }

    /**
     * Waits for every target and {@code more} at once, {@code watch} looked at after every round.
     *
     * @param more  further things to wait for, e.g. a line in a server's output
     * @param watch may end the wait, e.g. when a server's process ended; its cause must be a {@link
     *              WaitStoppedException}
     * @param pace  how long to sleep after each round
     */
    public WaitResult run(Consumer<String> progress, List<Awaited> more, Poller.Watch watch, Poller.Pace pace,
            Poller.Wakeup wakeup) throws WaitStoppedException, InterruptedException {
        return run(progress, more, watch, pace, null, wakeup);
    }

    /** @param children watched to name a process of this build that ended during a wait that timed out; or null */
    private WaitResult run(Consumer<String> progress, List<Awaited> more, Poller.Watch watch, Poller.Pace pace,
            ChildrenWatch children, Poller.Wakeup wakeup) throws WaitStoppedException, InterruptedException {
        // The looks of a round, and the addresses of a host, run at once, on threads that end with this goal.
        ExecutorService pool = Executors.newCachedThreadPool(PortWait::daemon);
        try {
            Map<Awaited, Target> awaited = new LinkedHashMap<>();
            for (Target target : targets) {
                awaited.put(new Awaited(target.label, () -> target.look(settings.waitFor(), pool)), target);
            }
            List<Awaited> all = new ArrayList<>(awaited.keySet());
            all.addAll(more);
            Poller.Watch watches = pidFile == null ? watch : pidFile.and(watch);
            if (children != null) {
                watches = watches.and(children);
            }
            Poller poller = wakeup == null ? new Poller(pool) : new Poller(pool, wakeup);
            Poller.Result result = poller.await(all, settings.timeoutMillis(), pace, progress, watches);
            if (result.stoppedBy() != null) {
                throw (WaitStoppedException) result.stoppedBy().cause();
            }
            List<WaitResult.Left> left = new ArrayList<>();
            for (Awaited a : result.pending()) {
                Target t = awaited.get(a);
                left.add(new WaitResult.Left(a.label(), t == null ? -1 : t.port, t != null && t.url != null, a.last()));
            }
            return new WaitResult(settings.waitFor(), all.size(), settings.timeoutMillis(), left,
                    result.elapsedMillis(), result.pending().isEmpty() || children == null
                    ? Collections.<String>emptyList() : children.exited());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "portcheck-wait");
        thread.setDaemon(true);
        return thread;
    }

    /** One target: its host resolved now if it resolves, else at each look until it does. */
    private static final class Target {
        final String label;
        final String host;
        final int port;
        final HostResolver resolver;
        final DetectorChoice detector;
        final OwnListener owner;
        final UrlReadiness url;
        volatile ProbeTarget resolved;

        Target(WaitTarget target, String host, HostResolver resolver, DetectorChoice detector, OwnListener owner,
                UrlReadiness url) throws NotLocalHostException {
            String name = target.name().map(n -> " (" + n + ")").orElse("");
            this.label = target.url().map(u -> u + name).orElse("port " + target.port() + name + " on " + host);
            this.host = host;
            this.port = target.port();
            this.resolver = resolver;
            this.detector = detector;
            this.owner = owner;
            this.url = url;
            this.resolved = resolve();
        }

        private ProbeTarget resolve() throws NotLocalHostException {
            try {
                return resolver.resolve(host, detector);
            } catch (HostNotFoundException e) {
                return null; // not yet: asked again each round
            }
        }

        Readiness look(WaitFor goal, ExecutorService pool) {
            Readiness seen;
            if (url != null) {
                seen = url.look();
            } else {
                if (resolved == null) {
                    try {
                        resolved = resolve();
                    } catch (NotLocalHostException e) {
                        return Readiness.notYet("not an address of this machine"); // checked when made: not here
                    }
                }
                seen = resolved == null ? Readiness.notYet("unknown host") : judge(resolved.probe(port, pool), goal);
            }
            if (owner != null && seen.isReady()) {
                Readiness foreign = owner.check(label, port, resolved != null && resolved.isLocal());
                return foreign != null ? foreign : seen;
            }
            return seen;
        }

        private static Readiness judge(Verdict v, WaitFor goal) {
            if (goal == WaitFor.FREE) {
                return v.isFree() ? Readiness.ready("free") : Readiness.notYet(v.reason());
            }
            switch (v.status()) {
                case IN_USE:
                    return Readiness.ready("open");
                case FREE:
                    return Readiness.refused("refused");
                default:
                    return Readiness.notYet(v.reason());
            }
        }
    }
}
