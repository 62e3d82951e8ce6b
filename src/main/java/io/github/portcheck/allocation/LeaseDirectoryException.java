package io.github.portcheck.allocation;

/**
 * A lease directory or its lock file that cannot be used: another user could tamper with it, it is missing or
 * cannot be locked. The message names the path, what is wrong (owner, mode) and what to do.
 */
public final class LeaseDirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    LeaseDirectoryException(String message) {
        super(message);
    }
}
