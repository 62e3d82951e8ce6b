package io.github.portcheck.wait;

import io.github.portcheck.probe.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls every pending port, all under one deadline, until each is ready or time runs out. Each round probes
 * every port still pending with a fresh connection; between rounds it sleeps {@code interval}.
 */
public final class PortWaiter {
    /** How often the user hears which ports are still pending. */
    static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One port to wait for. */
    public static final class Pending {
        final String label;
        final Supplier<Verdict> probe;
        final Predicate<Verdict> ready;
        Verdict last;

        /**
         * @param label names the port in messages, e.g. "port 5432 (db) on localhost"
         * @param probe one fresh probe of the port
         * @param ready whether a verdict is the state waited for
         */
        public Pending(String label, Supplier<Verdict> probe, Predicate<Verdict> ready) {
            this.label = label;
            this.probe = probe;
            this.ready = ready;
        }

        public String label() {
            return label;
        }

        /** The verdict of the last probe: for a port that never became ready, the last error seen. */
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

    public PortWaiter() {
        this(System::nanoTime, Thread::sleep);
    }

    PortWaiter(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * @param progress receives a line every few seconds while ports are pending
     * @return the ports that were not ready at the deadline; empty when all became ready
     */
    public List<Pending> await(List<Pending> ports, long timeoutMillis, long intervalMillis, Consumer<String> progress)
            throws InterruptedException {
        long start = nanoTime.getAsLong();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        List<Pending> pending = new ArrayList<>(ports);
        while (true) {
            pending.removeIf(p -> p.ready.test(p.last = p.probe.get()));
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
