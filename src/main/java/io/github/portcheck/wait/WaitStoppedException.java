package io.github.portcheck.wait;

/**
 * Ends a wait before its deadline, with the whole message for the user: a port opened by a process this build did
 * not start, or the server's process died before every port was ready.
 */
public final class WaitStoppedException extends Exception {
    private static final long serialVersionUID = 1L;

    public WaitStoppedException(String message) {
        super(message);
    }
}
