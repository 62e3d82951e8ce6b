package io.github.portcheck.allocation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One port's lease file, locked with an OS file lock that dies with the process (even on kill -9). It never
 * follows a symbolic link, never truncates or changes the mode of a file it did not create, and writes only to
 * a file it created. After the lock is granted it proves that the path still names the locked file, so a file
 * deleted or replaced meanwhile can never give two holders one port.
 */
final class LeaseFile {
    private static final OpenOption[] EXISTING = {StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS};
    private static final OpenOption[] NEW = {StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};
    /** Lock races with builds that create and delete the same file; each lost race costs one more try. */
    private static final int ATTEMPTS = 16;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    /** Proved the path names the locked file; closing it before the lease ends would drop the OS lock. */
    private final FileChannel proof;

    private LeaseFile(Path path, FileChannel channel, FileLock lock, FileChannel proof) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.proof = proof;
    }

    /** Refused: another process holds the lease, or the file at the path is not a lease file. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /**
     * Locks the lease file at {@code path}, creating it with {@code record} (who holds it) if it is missing.
     * An unlocked file that a build left behind is removed and made anew where this user may remove it.
     */
    static LeaseFile lock(Path path, String record) throws Unavailable, IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // Most ports have no lease file: create it first, look at what is there only when something is.
            FileChannel channel = create(path);
            boolean created = channel != null;
            if (!created) {
                channel = openExisting(path);
                if (channel == null) {
                    continue; // removed or replaced meanwhile
                }
            }
            LeaseFile lease = lockOpened(path, channel, created, record);
            if (lease != null) {
                return lease;
            }
        }
        throw new Unavailable("lease file " + path + " kept changing while it was being locked");
    }

    /** A new lease file of this build, or null if something is at the path already. */
    private static FileChannel create(Path path) throws Unavailable, IOException {
        try {
            return FileChannel.open(path, NEW);
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new Unavailable("lease file " + path + " cannot be created by user " + System.getProperty("user.name"));
        }
    }

    /**
     * The lease file at the path, if it is one: a regular file with one link, opened without following a link;
     * null if it went meanwhile.
     */
    private static FileChannel openExisting(Path path) throws Unavailable, IOException {
        FileFacts facts;
        try {
            facts = FileFacts.of(path);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!facts.isRegularFile() || facts.links() != 1) {
            throw new Unavailable("lease file " + path + " is " + (facts.isSymbolicLink() ? "a symbolic link"
                    : facts.isRegularFile() ? "a file with " + facts.links() + " links" : "not a regular file")
                    + " (" + facts.ownerAndMode() + "), not a lease; remove it");
        }
        try {
            return openNoFollow(path);
        } catch (AccessDeniedException e) {
            throw new Unavailable("lease file " + path + " cannot be locked by user " + System.getProperty("user.name")
                    + " (" + facts.ownerAndMode() + ")");
        }
    }

    /** The file at the path, opened without following a link; null if it went, or became a link, meanwhile. */
    private static FileChannel openNoFollow(Path path) throws IOException {
        try {
            return FileChannel.open(path, EXISTING);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            if (FileFacts.of(path).isSymbolicLink()) {
                return null; // refused as a link on the next round
            }
            throw e;
        }
    }

    /** The lease, or null to start over: the path no longer names the file, or a stale file was removed. */
    private static LeaseFile lockOpened(Path path, FileChannel channel, boolean created, String record)
            throws Unavailable, IOException {
        FileLock lock = null;
        FileChannel proof = null;
        try {
            if (created) {
                // Past the umask, so that other users' builds can lock it too. Before the lock: setting a mode
                // opens and closes the file, and closing any descriptor of a file drops this process's lock on it.
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (view != null) {
                    view.setPermissions(PosixFilePermissions.fromString("rw-rw-rw-"));
                }
            }
            lock = channel.tryLock();
            if (lock == null) {
                throw new Unavailable("leased by another build (" + holder(channel) + ")");
            }
            proof = sameFile(path);
            if (proof == null) {
                return closeAll(null, lock, channel);
            }
            if (!created) {
                // Nobody holds it: a build that ended without removing it. Remove it where this user may.
                if (delete(path)) {
                    return closeAll(proof, lock, channel);
                }
            } else {
                channel.write(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)), 0);
            }
            return new LeaseFile(path, channel, lock, proof);
        } catch (Unavailable | IOException | RuntimeException e) {
            closeAll(proof, lock, channel);
            throw e;
        }
    }

    /**
     * A channel on the file the path names now, if that is the file this JVM has locked: the JDK refuses a second
     * lock on a file this JVM holds locked, and no other realm holds this path (see {@link JvmLeases}).
     */
    private static FileChannel sameFile(Path path) throws IOException {
        FileChannel other;
        try {
            other = openNoFollow(path);
        } catch (AccessDeniedException e) {
            return null;
        }
        if (other == null) {
            return null;
        }
        try {
            FileLock lock = other.tryLock();
            if (lock != null) {
                lock.release();
            }
            other.close(); // another file: closing it cannot touch our lock
            return null;
        } catch (OverlappingFileLockException e) {
            return other;
        } catch (IOException | RuntimeException e) {
            other.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** Removes the file if it is still the one locked here, then drops the lock. */
    void release() {
        try {
            FileChannel still = sameFile(path);
            if (still != null) {
                delete(path);
                still.close(); // our lock goes with it; released just below anyway
            }
        } catch (IOException | RuntimeException e) {
            // the file stays; the next build that finds it unlocked removes it
        }
        closeAll(proof, lock, channel);
    }

    private static boolean delete(Path path) {
        try {
            Files.delete(path);
            return true;
        } catch (IOException e) {
            return false; // another user's file in a sticky directory
        }
    }

    /** Who holds the lock, as its lease file says: "PID 4242", or "PID unknown". */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            int space = text.indexOf(' ', 4);
            return text.startsWith("PID ") ? (space > 0 ? text.substring(0, space) : text) : "PID unknown";
        } catch (IOException e) {
            return "PID unknown";
        }
    }

    private static LeaseFile closeAll(FileChannel proof, FileLock lock, FileChannel channel) {
        for (AutoCloseable c : new AutoCloseable[] {lock, channel, proof}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // the lock goes with the process at the latest
                }
            }
        }
        return null;
    }
}
