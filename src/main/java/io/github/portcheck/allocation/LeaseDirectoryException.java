package io.github.portcheck.allocation;

/**
 * A lease directory or its lock file that cannot be used: another user could tamper with it, it is missing or
 * cannot be locked. The message names the path, what is wrong (owner, mode) and what to do.
 */
public final class LeaseDirectoryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean placement;

    LeaseDirectoryException(String message) {
        this(message, false);
    }

    /** @param placement true where only the place is wrong (a network or FUSE file system), nothing another did */
    LeaseDirectoryException(String message, boolean placement) {
        super(message);
        this.placement = placement;
    }

    /** The directory is in the wrong place (a network or FUSE file system), which no other user brought about. */
    public boolean placement() {
        return placement;
    }
}
