package io.github.portcheck.server;

import io.github.portcheck.allocation.LeaseOwner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * The servers this plugin realm started and has not stopped yet. A server ends with the module that started it,
 * like its leases: by {@code stop}, else when the module ends (the build failed, the tests failed before {@code
 * post-integration-test}, no {@code stop} was declared), at the latest when the build ends, also in a JVM that lives
 * on, and when the JVM shuts down (Ctrl+C).
 */
public final class Servers {
    private static final List<RunningServer> RUNNING = new ArrayList<>();
    private static Thread shutdownHook;

    private Servers() {
    }

    static synchronized void add(RunningServer server) {
        RUNNING.add(server);
        if (shutdownHook == null) {
            // What the hook runs is loaded now: a JVM that shuts down may have closed this plugin's class loader.
            ServerStopper stopper = ServerStopper.ofThisSystem();
            StopResult.How.values();
            shutdownHook = new Thread(() -> stopAll(stopper), "portcheck-stop-servers");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Stops the servers of {@code module}: those started by the named executions of {@code start}, or all.
     *
     * @param told receives each server and how it ended
     */
    public static void stop(LeaseOwner module, List<String> names, long timeoutMillis,
            BiConsumer<RunningServer, StopResult> told) {
        for (RunningServer server : take(s -> s.module().sameModule(module)
                && (names.isEmpty() || names.contains(s.name())))) {
            told.accept(server, stop(server, timeoutMillis));
        }
    }

    /**
     * Stops every server of {@code module} that no {@code stop} stopped, telling each one's own log how it ended.
     *
     * @param told words the end of a server no stop goal stopped, for the log of the goal that started it
     */
    public static void endModule(LeaseOwner module, BiConsumer<RunningServer, StopResult> told) {
        for (RunningServer server : take(s -> s.module().sameModule(module))) {
            told.accept(server, stop(server, server.stopTimeoutMillis()));
        }
    }

    /** Stops every server of {@code build} that is still running. */
    public static void endBuild(LeaseOwner build, BiConsumer<RunningServer, StopResult> told) {
        for (RunningServer server : take(s -> s.module().sameBuild(build))) {
            told.accept(server, stop(server, server.stopTimeoutMillis()));
        }
    }

    /** The names of the servers {@code module} has running now. */
    public static synchronized List<String> running(LeaseOwner module) {
        List<String> names = new ArrayList<>();
        for (RunningServer s : RUNNING) {
            if (s.module().sameModule(module)) {
                names.add(s.name());
            }
        }
        return names;
    }

    static StopResult stop(RunningServer server, long timeoutMillis) {
        StopResult result = ServerStopper.ofThisSystem().stop(server.process(), server.pid(), server.started(),
                server.cookie(), server.ports(), timeoutMillis);
        RecordFiles.remove(server.record());
        return result;
    }

    private static synchronized List<RunningServer> take(Predicate<RunningServer> which) {
        List<RunningServer> taken = new ArrayList<>();
        for (Iterator<RunningServer> it = RUNNING.iterator(); it.hasNext(); ) {
            RunningServer s = it.next();
            if (which.test(s)) {
                it.remove();
                taken.add(s);
            }
        }
        return taken;
    }

    /** At the JVM's end: each server gets a short polite stop, then force. */
    private static void stopAll(ServerStopper stopper) {
        for (RunningServer server : take(s -> true)) {
            stopper.stop(server.process(), server.pid(), server.started(), server.cookie(), server.ports(),
                    Math.min(server.stopTimeoutMillis(), 3000));
            RecordFiles.remove(server.record());
        }
    }

    /** Removes record files; a record that stays is found stale by the next build. */
    private static final class RecordFiles {
        static void remove(java.nio.file.Path record) {
            if (record == null) {
                return;
            }
            try {
                java.nio.file.Files.deleteIfExists(record);
            } catch (java.io.IOException e) {
                // stale: the next build sees that its process is gone
            }
        }
    }
}
