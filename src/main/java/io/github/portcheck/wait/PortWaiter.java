package io.github.portcheck.wait;

import io.github.portcheck.probe.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Polls every pending port, all under one deadline, until each is ready or time runs out. Each round probes every
 * port still pending at once, one probe per port in flight, so that a round lasts as long as its slowest probe
 * (at most one probe timeout) whatever the number of silent ports; between rounds it sleeps {@code interval}.
 * The wait therefore ends by the deadline plus one probe timeout.
 */
public final class PortWaiter {
    /** How often the user hears which ports are still pending. */
    static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One fresh probe of a port; it may end the whole wait, e.g. on finding a listener this build did not start. */
    public interface Probe {
        Verdict probe() throws WaitStoppedException;
    }

    /** Looked at after every round; it may end the whole wait, e.g. when the server's process died. */
    public interface Watch {
        Watch NONE = pending -> { };

        void check(List<Pending> pending) throws WaitStoppedException;
    }

    /** One port to wait for. */
    public static final class Pending {
        final String label;
        final Probe probe;
        final Predicate<Verdict> ready;
        volatile Verdict last;

        /**
         * @param label names the port in messages, e.g. "port 5432 (db) on localhost"
         * @param probe one fresh probe of the port
         * @param ready whether a verdict is the state waited for
         */
        public Pending(String label, Probe probe, Predicate<Verdict> ready) {
            this.label = label;
            this.probe = probe;
            this.ready = ready;
        }

        public String label() {
            return label;
        }

        /** The verdict of the last probe: for a port that never became ready, the last answer seen. */
        public Verdict last() {
            return last;
        }
    }

    /** Sleeps; a test may replace it. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final ExecutorService probes;

    /** @param probes runs the probes of a round at once; null runs them one after the other, in this thread */
    public PortWaiter(ExecutorService probes) {
        this(System::nanoTime, Thread::sleep, probes);
    }

    PortWaiter(LongSupplier nanoTime, Sleeper sleeper, ExecutorService probes) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.probes = probes;
    }

    /** {@link #await(List, long, long, Consumer, Watch)} with nothing to watch. */
    public List<Pending> await(List<Pending> ports, long timeoutMillis, long intervalMillis, Consumer<String> progress)
            throws InterruptedException, WaitStoppedException {
        return await(ports, timeoutMillis, intervalMillis, progress, Watch.NONE);
    }

    /**
     * @param progress receives a line every few seconds while ports are pending
     * @param watch    looked at after every round, with the ports still pending
     * @return the ports that were not ready at the deadline; empty when all became ready
     * @throws WaitStoppedException when a probe or the watch ended the wait before the deadline
     */
    public List<Pending> await(List<Pending> ports, long timeoutMillis, long intervalMillis, Consumer<String> progress,
            Watch watch) throws InterruptedException, WaitStoppedException {
        long start = nanoTime.getAsLong();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        List<Pending> pending = new ArrayList<>(ports);
        while (true) {
            probeAll(pending);
            pending.removeIf(p -> p.ready.test(p.last));
            watch.check(pending);
            long now = nanoTime.getAsLong();
            if (pending.isEmpty() || now - deadline >= 0) {
                return pending;
            }
            if (now - nextProgress >= 0) {
                progress.accept(progressLine(pending, deadline - now));
                nextProgress = now + PROGRESS_EVERY_NANOS;
            }
            sleeper.sleep(Math.max(1, Math.min(intervalMillis, TimeUnit.NANOSECONDS.toMillis(deadline - now))));
        }
    }

    private void probeAll(List<Pending> pending) throws InterruptedException, WaitStoppedException {
        if (probes == null || pending.size() == 1) {
            for (Pending p : pending) {
                p.last = p.probe.probe();
            }
            return;
        }
        List<Future<Verdict>> answers = new ArrayList<>(pending.size());
        try {
            for (Pending p : pending) {
                answers.add(probes.submit(p.probe::probe));
            }
            for (int i = 0; i < pending.size(); i++) {
                pending.get(i).last = answers.get(i).get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WaitStoppedException) {
                throw (WaitStoppedException) e.getCause();
            }
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } finally {
            for (Future<Verdict> answer : answers) {
                answer.cancel(true);
            }
        }
    }

    private static String progressLine(List<Pending> pending, long leftNanos) {
        StringBuilder line = new StringBuilder("Still waiting for ");
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            line.append(i == 0 ? "" : "; ").append(p.label).append(" (").append(p.last.reason()).append(')');
        }
        return line.append(", ").append(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(leftNanos + 999_999_999L)))
                .append(" s left").toString();
    }
}
