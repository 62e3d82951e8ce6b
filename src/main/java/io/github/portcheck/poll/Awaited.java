package io.github.portcheck.poll;

/** One thing to wait for: a name for messages, and one fresh look at it each round. */
public final class Awaited {
    /** One fresh look. */
    @FunctionalInterface
    public interface Look {
        Readiness look();
    }

    private final String label;
    private final Look look;
    private volatile Readiness last;

    /** @param label names it in messages, e.g. "port 5432 (db) on localhost" */
    public Awaited(String label, Look look) {
        this.label = label;
        this.look = look;
    }

    public String label() {
        return label;
    }

    /** What the last look found: for one that never became ready, the last answer seen; null before any. */
    public Readiness last() {
        return last;
    }

    Readiness lookAgain() {
        last = look.look();
        return last;
    }
}
