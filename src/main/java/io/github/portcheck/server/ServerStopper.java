package io.github.portcheck.server;

import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.system.Signals;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stops a server and every process it started: the processes below it, and on Linux every process of this user that
 * carries the server's cookie in its environment (one that its parent left to init keeps it). First politely
 * (SIGTERM, the JDK's destroy), then, after the stop timeout, by force; each process is signalled only while it is
 * provably the one found (the same PID and start time). Then it waits until the server's ports are free again.
 */
final class ServerStopper {
    /** How long the ports may take to be released once every process is gone: the kernel's own cleanup. */
    static final long RELEASE_MILLIS = 5000;
    private static final long LOOK_MILLIS = 20;

    private final ProcessTree tree;
    private final Signals signals;

    ServerStopper(ProcessTree tree, Signals signals) {
        this.tree = tree;
        this.signals = signals;
    }

    static ServerStopper ofThisSystem() {
        return new ServerStopper(ProcessTree.forThisSystem(), Signals.ofThisSystem());
    }

    /**
     * @param root    the server's process as this JVM started it, or null (an orphan of an earlier build)
     * @param pid     the server's PID
     * @param started its start time, as recorded
     * @param ports   the ports it held, waited for until free
     */
    StopResult stop(Process root, long pid, String started, String cookie, List<Integer> ports, long timeoutMillis) {
        long begin = System.nanoTime();
        Map<Long, String> victims = victims(pid, started, cookie);
        if (victims.isEmpty() && (root == null || !root.isAlive())) {
            return new StopResult(pid, exitCode(root), StopResult.How.ALREADY_ENDED, 0, 0, releasedAll(ports));
        }
        for (Map.Entry<Long, String> v : victims.entrySet()) {
            if (root != null && v.getKey() == pid) {
                root.destroy(); // SIGTERM, on Java 8 too
            } else if (same(v)) {
                signals.terminate(v.getKey());
            }
        }
        boolean gone = awaitGone(victims, root, timeoutMillis);
        StopResult.How how = StopResult.How.ENDED;
        if (!gone) {
            how = StopResult.How.KILLED;
            killRemaining(victims, root);
            awaitGone(victims, root, RELEASE_MILLIS);
        }
        // children started while it was ending, or missed: the cookie still names them
        Map<Long, String> late = victims(-1, null, cookie);
        if (!late.isEmpty()) {
            killRemaining(late, null);
            awaitGone(late, null, RELEASE_MILLIS);
        }
        return new StopResult(pid, exitCode(root), how, victims.size() + late.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), releasedAll(ports));
    }

    /** The processes to stop, each with its start time now: the root, its descendants, the cookie's holders. */
    private Map<Long, String> victims(long pid, String started, String cookie) {
        Map<Long, String> victims = new LinkedHashMap<>();
        if (pid > 0) {
            String now = tree.startTime(pid);
            if (now != null && (started == null || started.equals(now)) || now == null && tree.alive(pid) == 1) {
                victims.put(pid, now);
                for (long child : tree.descendants(pid)) {
                    victims.put(child, tree.startTime(child));
                }
            }
        }
        if (cookie != null && !cookie.isEmpty()) {
            for (long holder : tree.withEnvironment(ServerStart.COOKIE, cookie)) {
                victims.putIfAbsent(holder, tree.startTime(holder));
            }
        }
        return victims;
    }

    /**
     * Still the process that was found, and running: alive (a zombie waiting for its parent to collect it has ended)
     * and its start time unchanged, where one can be told.
     */
    private boolean same(Map.Entry<Long, String> victim) {
        if (tree.alive(victim.getKey()) == 0) {
            return false;
        }
        return victim.getValue() == null || victim.getValue().equals(tree.startTime(victim.getKey()));
    }

    private void killRemaining(Map<Long, String> victims, Process root) {
        for (Map.Entry<Long, String> v : victims.entrySet()) {
            if (root != null && root.isAlive() && v.getKey() == Signals.pidOf(root)) {
                root.destroyForcibly();
            } else if (same(v)) {
                signals.kill(v.getKey());
            }
        }
    }

    private boolean awaitGone(Map<Long, String> victims, Process root, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            boolean any = root != null && root.isAlive();
            for (Map.Entry<Long, String> v : victims.entrySet()) {
                any |= same(v);
            }
            if (!any) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(LOOK_MILLIS);
        }
    }

    /** Whether every port can be bound again (asked on the wildcard address, as the check does), within a while. */
    private static boolean releasedAll(List<Integer> ports) {
        BindDetector bind = new BindDetector();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_MILLIS);
        List<Integer> left = new ArrayList<>(ports);
        while (true) {
            left.removeIf(port -> bind.probe(new InetSocketAddress(0).getAddress(), port).status() == Verdict.Status.FREE);
            if (left.isEmpty()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(LOOK_MILLIS);
        }
    }

    private static int exitCode(Process root) {
        return root != null && !root.isAlive() ? root.exitValue() : StopResult.NO_EXIT_CODE;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
