package io.github.portcheck.allocation;

import java.nio.file.Path;

/**
 * A lock file that {@link LeaseDirectory} checked: where it is, and which file it is (device and inode), so that
 * every path to one file leads to one {@link LeaseBook}, and a file replaced since the check is never used.
 */
public final class LeaseFile {
    private final Path path;
    private final String identity;
    private final boolean own;

    LeaseFile(Path path, String identity, boolean own) {
        this.path = path;
        this.identity = identity;
        this.own = own;
    }

    public Path path() {
        return path;
    }

    public Path directory() {
        return path.getParent();
    }

    String identity() {
        return identity;
    }

    /** This user's own file, in a directory of this user: the only kind a build writes into. */
    boolean own() {
        return own;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
