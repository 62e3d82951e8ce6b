package io.github.portcheck.poll;

import java.util.Objects;

/** What one look at a thing waited for found: ready, not yet (with why), or never, which ends the wait. */
public final class Readiness {
    /** The states a look finds. */
    public enum State {
        READY,
        /** Not yet, and nothing answers at all: a connection was refused. */
        REFUSED,
        /** Not yet, for the reason given. */
        NOT_YET,
        /** It cannot become ready: the wait ends at once, for {@link #cause()}. */
        NEVER
    }

    private final State state;
    private final String reason;
    private final Exception cause;

    private Readiness(State state, String reason, Exception cause) {
        this.state = state;
        this.reason = Objects.requireNonNull(reason);
        this.cause = cause;
    }

    /** @param reason what was seen, e.g. "open", "HTTP 200" */
    public static Readiness ready(String reason) {
        return new Readiness(State.READY, reason, null);
    }

    public static Readiness refused(String reason) {
        return new Readiness(State.REFUSED, reason, null);
    }

    /** @param reason what was seen instead, e.g. "HTTP 503 (expected 200-299)" */
    public static Readiness notYet(String reason) {
        return new Readiness(State.NOT_YET, reason, null);
    }

    /** @param cause why it never will, e.g. a listener this build did not start */
    public static Readiness never(Exception cause) {
        return new Readiness(State.NEVER, cause.getMessage() == null ? "never" : cause.getMessage(), cause);
    }

    public State state() {
        return state;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    public String reason() {
        return reason;
    }

    /** Why the wait must end, for {@link State#NEVER}; null otherwise. */
    public Exception cause() {
        return cause;
    }

    @Override
    public String toString() {
        return state + " (" + reason + ")";
    }
}
