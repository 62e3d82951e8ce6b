package io.github.portcheck.allocation;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a lease directory against the other users of the machine before any lock file is touched. The owner
 * of a directory can delete and rename every entry in it, so it must be this user or root; other users may
 * write it only with the sticky bit set, which keeps them from deleting or replacing files they do not own; a
 * symbolic link on the way must belong to this user or root, or its owner could point it anywhere; and a
 * directory above it that others may write must have the sticky bit too. A directory this plugin did not
 * create keeps its mode.
 */
public final class LeaseDirectory {
    /** Shared: every user may add leases, only their owner can remove them (like /tmp). */
    static final int SHARED_MODE = 01777;
    static final int PRIVATE_MODE = 0700;

    private LeaseDirectory() {
    }

    /**
     * The real path of {@code directory}, checked, and created if it is missing.
     *
     * @param shared whether a directory created here is open to every user (mode 1777) or private (0700)
     * @throws UnsafeLeaseDirectoryException naming the path, its owner and what to do
     */
    public static Path open(Path directory, boolean shared) throws UnsafeLeaseDirectoryException {
        Path path = directory.toAbsolutePath().normalize();
        try {
            checkLinksOn(path);
            if (!exists(path)) {
                create(path, shared);
            }
            Path real = path.toRealPath();
            FileFacts facts = FileFacts.of(real);
            if (!facts.isDirectory()) {
                throw new UnsafeLeaseDirectoryException(real + " is not a directory");
            }
            if (!facts.ownedByThisUserOrRoot()) {
                throw new UnsafeLeaseDirectoryException(real + " belongs to user " + facts.owner() + ", who could"
                        + " replace any lock file in it; use a directory of your own, or ask root to replace it with one"
                        + " of root's own (install -d -m 1777 " + real + ")");
            }
            checkNotReplaceable(real, facts, real);
            for (Path above = real.getParent(); above != null; above = above.getParent()) {
                checkNotReplaceable(above, FileFacts.of(above), real);
            }
            if (!Files.isWritable(real)) {
                throw new UnsafeLeaseDirectoryException(real + " is not writable by user "
                        + System.getProperty("user.name") + " (" + facts.ownerAndMode() + ")");
            }
            return real;
        } catch (UnsafeLeaseDirectoryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnsafeLeaseDirectoryException(path + " cannot be created or read (" + Problems.of(e) + ")");
        }
    }

    /** Every symbolic link on the way to {@code path} must belong to this user or root. */
    private static void checkLinksOn(Path path) throws IOException {
        Path prefix = path.getRoot();
        for (Path name : path) {
            prefix = prefix.resolve(name);
            FileFacts facts;
            try {
                facts = FileFacts.of(prefix);
            } catch (NoSuchFileException e) {
                return; // created below, as a directory
            }
            if (facts.isSymbolicLink() && !facts.ownedByThisUserOrRoot()) {
                throw new UnsafeLeaseDirectoryException(prefix + " is a symbolic link owned by user " + facts.owner()
                        + ", who could point it anywhere; remove it, or use another directory");
            }
        }
    }

    /** A directory that others may write without the sticky bit lets them replace what is in it. */
    private static void checkNotReplaceable(Path dir, FileFacts facts, Path leases) throws UnsafeLeaseDirectoryException {
        if (facts.othersMayWrite() && !facts.sticky()) {
            String what = dir.equals(leases) ? dir.toString() : dir + ", above " + leases + ",";
            throw new UnsafeLeaseDirectoryException(what + " may be written by other users and has no sticky bit ("
                    + facts.ownerAndMode() + "), so they could delete or replace the lock files; set the sticky bit"
                    + " (chmod +t " + dir + "), or use another directory");
        }
    }

    private static boolean exists(Path path) throws IOException {
        try {
            FileFacts.of(path);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static void create(Path path, boolean shared) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        try {
            Files.createDirectory(path);
        } catch (FileAlreadyExistsException e) {
            return; // another build made it first: checked like any other directory
        }
        if (FileFacts.of(path).posix()) {
            // Past the umask; no link to follow: the entry is the directory just made.
            Files.setAttribute(path, "unix:mode", shared ? SHARED_MODE : PRIVATE_MODE, LinkOption.NOFOLLOW_LINKS);
        }
    }
}
