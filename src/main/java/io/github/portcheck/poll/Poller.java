package io.github.portcheck.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Looks at every pending thing, all under one deadline, until each is ready, one can never be, or time runs out.
 * Each round looks at every pending thing at once (one look each in flight), so that a round lasts as long as its
 * slowest look, whatever the number of silent ports; between rounds it sleeps the interval. The wait therefore ends
 * by the deadline plus one look.
 */
public final class Poller {
    /** How often the user hears what is still pending. */
    static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Looked at after every round with what is still pending; {@link Readiness#never} ends the wait. */
    @FunctionalInterface
    public interface Watch {
        Watch NONE = pending -> null;

        /** Null to go on. */
        Readiness check(List<Awaited> pending);

        /** Both watches, each after every round; the first that ends the wait ends it. */
        default Watch and(Watch other) {
            return pending -> {
                Readiness first = check(pending);
                return first != null ? first : other.check(pending);
            };
        }
    }

    /** How long to sleep after each round. */
    @FunctionalInterface
    public interface Pace {
        /** @param round 0 after the first round */
        long afterRound(int round);

        static Pace every(long millis) {
            return round -> millis;
        }

        /**
         * From {@code firstMillis}, doubling each round up to {@code mostMillis}: what becomes ready soon is seen at
         * once, and what takes long costs a look every {@code mostMillis}.
         */
        static Pace doubling(long firstMillis, long mostMillis) {
            return round -> round >= 30 ? mostMillis : Math.min(mostMillis, firstMillis << round);
        }
    }

    /** Sleeps; a test may replace it. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Ends a poller's sleep early, when something it waits for may have changed (a process ended, a line came). */
    public static final class Wakeup implements Sleeper {
        private boolean woken;

        public synchronized void wake() {
            woken = true;
            notifyAll();
        }

        @Override
        public synchronized void sleep(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            long left = millis;
            while (!woken && left > 0) {
                wait(left);
                left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            }
            woken = false;
        }
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final ExecutorService looks;

    /** @param looks runs the looks of a round at once; null runs them one after the other, in this thread */
    public Poller(ExecutorService looks) {
        this(System::nanoTime, Thread::sleep, looks);
    }

    /** @param wakeup ends a sleep between rounds early */
    public Poller(ExecutorService looks, Wakeup wakeup) {
        this(System::nanoTime, wakeup, looks);
    }

    Poller(LongSupplier nanoTime, Sleeper sleeper, ExecutorService looks) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.looks = looks;
    }

    /**
     * @param progress receives a line every few seconds while things are pending
     * @param watch    looked at after every round
     */
    public Result await(List<Awaited> things, long timeoutMillis, long intervalMillis, Consumer<String> progress,
            Watch watch) throws InterruptedException {
        return await(things, timeoutMillis, Pace.every(intervalMillis), progress, watch);
    }

    /** @param pace how long to sleep after each round */
    public Result await(List<Awaited> things, long timeoutMillis, Pace pace, Consumer<String> progress, Watch watch)
            throws InterruptedException {
        long start = nanoTime.getAsLong();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        List<Awaited> pending = new ArrayList<>(things);
        for (int round = 0; ; round++) {
            Readiness never = lookAtAll(pending);
            pending.removeIf(a -> a.last().isReady());
            if (never == null) {
                never = watch.check(pending);
            }
            long now = nanoTime.getAsLong();
            if (never != null || pending.isEmpty() || now - deadline >= 0) {
                return new Result(pending, never, now - start);
            }
            if (now - nextProgress >= 0) {
                progress.accept(progressLine(pending, deadline - now));
                nextProgress = now + PROGRESS_EVERY_NANOS;
            }
            sleeper.sleep(Math.max(1, Math.min(pace.afterRound(round), TimeUnit.NANOSECONDS.toMillis(deadline - now))));
        }
    }

    /** Looks at every pending thing; the first that can never be ready, or null. */
    private Readiness lookAtAll(List<Awaited> pending) throws InterruptedException {
        if (looks == null || pending.size() == 1) {
            for (Awaited a : pending) {
                if (a.lookAgain().state() == Readiness.State.NEVER) {
                    return a.last();
                }
            }
            return null;
        }
        List<Future<Readiness>> answers = new ArrayList<>(pending.size());
        try {
            for (Awaited a : pending) {
                answers.add(looks.submit(a::lookAgain));
            }
            Readiness never = null;
            for (Future<Readiness> answer : answers) {
                Readiness r = answer.get();
                if (never == null && r.state() == Readiness.State.NEVER) {
                    never = r;
                }
            }
            return never;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        } finally {
            for (Future<Readiness> answer : answers) {
                answer.cancel(true);
            }
        }
    }

    private static String progressLine(List<Awaited> pending, long leftNanos) {
        StringBuilder line = new StringBuilder("Still waiting for ");
        for (int i = 0; i < pending.size(); i++) {
            Awaited a = pending.get(i);
            line.append(i == 0 ? "" : "; ").append(a.label()).append(" (").append(a.last().reason()).append(')');
        }
        return line.append(", ").append(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(leftNanos + 999_999_999L)))
                .append(" s left").toString();
    }

    /** How a wait ended: what is still pending (empty when all became ready), or what can never be. */
    public static final class Result {
        private final List<Awaited> pending;
        private final Readiness never;
        private final long elapsedNanos;

        Result(List<Awaited> pending, Readiness never, long elapsedNanos) {
            this.pending = pending;
            this.never = never;
            this.elapsedNanos = elapsedNanos;
        }

        /** What was not ready at the end, each with its last look. */
        public List<Awaited> pending() {
            return pending;
        }

        public boolean allReady() {
            return never == null && pending.isEmpty();
        }

        /** What ended the wait before its deadline: a {@link Readiness.State#NEVER}; null otherwise. */
        public Readiness stoppedBy() {
            return never;
        }

        public long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        }
    }
}
