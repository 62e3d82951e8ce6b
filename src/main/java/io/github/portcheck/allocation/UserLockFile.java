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
import java.util.List;

/**
 * One user's lock file in a lease directory: port p owns the {@value #RECORD} bytes at p x {@value #RECORD}, which
 * a lease locks and, in the holder's own file only, fills with the holder's PID. Opened without following a link;
 * written only where it is this user's own file (one link, mode 0666, owned by this user); never truncated, and its
 * mode set only right after this build created it. Locks only: nothing here ever closes a channel, since closing any
 * descriptor of a file drops every lock this process holds on it ({@link LeaseTable} closes, when none is held).
 */
final class UserLockFile {
    /** Bytes per port: its lock range and its holder's record, "PID" padded with spaces and ended by a newline. */
    static final int RECORD = 16;
    static final String PREFIX = "leases-";
    static final String SUFFIX = ".lock";
    private static final OpenOption[] EXISTING = {StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS};
    private static final OpenOption[] NEW = {StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS};
    private static final int OPEN_TO_ALL = 0666;

    private final Path path;
    private final FileChannel channel;
    private final boolean own;

    private UserLockFile(Path path, FileChannel channel, boolean own) {
        this.path = path;
        this.channel = channel;
        this.own = own;
    }

    /**
     * This user's own file at {@code path}, created if missing (mode 0666, so that every user's builds can lock
     * it). An existing file is this user's own only if it is a regular file of this user (or root) with one link
     * and mode 0666: anything else is some other user's, or planted, and is never written.
     *
     * @param opened where every channel opened here goes, to be closed by the caller when no lock is held
     */
    static UserLockFile own(Path path, List<FileChannel> opened) throws LeaseTable.Unavailable, IOException {
        FileChannel created = create(path);
        if (created != null) {
            opened.add(created);
            // Past the umask. Setting a mode opens and closes the file, so it comes before any lock.
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                view.setPermissions(PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            return new UserLockFile(path, created, true);
        }
        FileChannel channel;
        try {
            channel = open(path);
        } catch (IOException e) {
            channel = null; // a directory, or another user's file: described below
        }
        if (channel == null) {
            throw notOwn(path);
        }
        opened.add(channel);
        FileFacts facts = FileFacts.of(path);
        if (!facts.isRegularFile() || facts.links() != 1 || !facts.ownedByThisUserOrRoot()
                || facts.posix() && facts.permissions() != OPEN_TO_ALL) {
            throw notOwn(path);
        }
        // Only this user may replace a file of this user in the checked directory: prove the path still names the
        // file opened, so that no record of this build is ever written into a file that was swapped meanwhile.
        FileLock anchor = channel.tryLock(0, RECORD, true);
        FileChannel proof = open(path);
        if (proof != null) {
            opened.add(proof); // kept open: closing it would drop this process's locks on the file
        }
        if (anchor == null || proof == null || !lockedHere(proof)) {
            throw new LeaseTable.Unavailable(path + " changed while it was opened");
        }
        anchor.release();
        return new UserLockFile(path, channel, true);
    }

    /** Whether {@code other} names a file this JVM holds a lock on at 0: the JDK refuses a second one. */
    private static boolean lockedHere(FileChannel other) throws IOException {
        try {
            other.tryLock(0, RECORD, true); // another file: its lock goes when the table closes
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** Another user's file, to be locked but never written; null if it is not a regular file or cannot be opened. */
    static UserLockFile other(Path path, List<FileChannel> opened) throws IOException {
        try {
            if (!FileFacts.of(path).isRegularFile()) {
                return null;
            }
            FileChannel channel = open(path);
            if (channel == null) {
                return null;
            }
            opened.add(channel);
            return new UserLockFile(path, channel, false);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return null;
        }
    }

    /** Why the file at {@code path} is not this user's lock file: what it is, its owner and its mode. */
    private static LeaseTable.Unavailable notOwn(Path path) throws IOException {
        FileFacts facts;
        try {
            facts = FileFacts.of(path);
        } catch (NoSuchFileException e) {
            return new LeaseTable.Unavailable(path + " went while it was opened");
        }
        String kind = facts.isSymbolicLink() ? "a symbolic link" : facts.isDirectory() ? "a directory"
                : !facts.isRegularFile() ? "not a regular file" : facts.links() + " link(s)";
        return new LeaseTable.Unavailable(path + " is not this user's lock file (" + kind + ", " + facts.ownerAndMode() + ")");
    }

    private static FileChannel create(Path path) throws LeaseTable.Unavailable, IOException {
        try {
            return FileChannel.open(path, NEW);
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw new LeaseTable.Unavailable(path + " cannot be created by user " + System.getProperty("user.name"));
        }
    }

    /** Opened without following a link (O_RDWR: a FIFO planted here does not block the build); null if gone. */
    private static FileChannel open(Path path) throws IOException {
        try {
            return FileChannel.open(path, EXISTING);
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw e;
        } catch (IOException e) {
            if (FileFacts.of(path).isSymbolicLink()) {
                return null;
            }
            throw e;
        }
    }

    Path path() {
        return path;
    }

    boolean isOwn() {
        return own;
    }

    /**
     * The lock of {@code port}'s bytes, or null where another process holds them.
     *
     * @throws OverlappingFileLockException where this JVM holds them already
     */
    FileLock tryLock(int port) throws IOException {
        return channel.tryLock((long) port * RECORD, RECORD, false);
    }

    /** A holder's record: "PID n", padded with spaces to {@value #RECORD} bytes, the last a newline. */
    static byte[] record(String pid) {
        StringBuilder text = new StringBuilder("PID ").append(pid);
        while (text.length() < RECORD - 1) {
            text.append(' ');
        }
        text.setLength(RECORD - 1);
        return text.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code record} (see {@link #record(String)}) as {@code port}'s: only into this user's own file. */
    void record(int port, byte[] record) throws IOException {
        if (!own) {
            throw new IllegalStateException("never written: " + path);
        }
        channel.write(ByteBuffer.wrap(record), (long) port * RECORD);
    }

    /** The PID the file names as the holder of {@code port}, or -1: a hint, as every user may write the file. */
    long recordedHolder(int port) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(RECORD);
            channel.read(buffer, (long) port * RECORD);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("PID [0-9]{1,18}") ? Long.parseLong(text.substring(4)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
