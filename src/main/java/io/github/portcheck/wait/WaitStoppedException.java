package io.github.portcheck.wait;

/** The wait ended before its timeout because what it waits for can never become ready; the report words why. */
public abstract class WaitStoppedException extends Exception {
    private static final long serialVersionUID = 1L;

    protected WaitStoppedException(String summary) {
        super(summary, null, false, false);
    }
}
