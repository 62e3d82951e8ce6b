package io.github.portcheck.allocation;

import io.github.portcheck.system.ProcessTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lease file as this realm holds it open: port p's lease is an OS lock on the {@value #RECORD} bytes at
 * p x {@value #RECORD}, which the operating system drops when the process ends, even by kill -9. In a file of this
 * user's own, the holder's PID is written there too, for systems where the kernel does not tell who holds a lock.
 *
 * <p>Closing any descriptor of a file drops every lock the process holds on it, whichever path or realm opened it:
 * a lock file is opened and closed only under {@link #MONITOR}, and closed only when the JDK, which keeps one table
 * of the locks of every file for the whole JVM, says that no lock of this JVM lies on it. A file channel closes
 * itself when the thread that uses it is interrupted: every call here runs with the thread's interrupt set aside.
 */
final class LockFile {
    /**
     * One monitor for every plugin realm of the JVM (string literals are interned JVM-wide): a lock file is made,
     * opened, locked or closed only under it.
     */
    static final Object MONITOR = "io.github.portcheck.allocation.LockFile";
    /** Bytes per port: its lock range and, in an own file, its holder's record ("PID n", padded, newline). */
    static final int RECORD = 16;

    private final LeaseFile file;
    private final FileChannel channel;

    private LockFile(LeaseFile file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens {@code file} without following a link and proves that what it opened is the file that was checked. Call
     * under {@link #MONITOR}.
     */
    static LockFile open(LeaseFile file) throws LeaseDirectoryException {
        FileChannel channel;
        try {
            channel = uninterrupted(() -> FileChannel.open(file.path(), StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new LeaseDirectoryException(file + " cannot be opened for locking (" + FileErrors.of(e) + ")");
        }
        String now;
        try {
            FileFacts facts = FileFacts.of(file.path());
            now = facts.isRegularFile() ? facts.identity() : facts.kind();
        } catch (IOException e) {
            now = "gone";
        }
        LockFile opened = new LockFile(file, channel);
        if (!now.equals(file.identity())) {
            if (!opened.lockedInThisJvm()) {
                opened.close();
            } // else: locks of this JVM live on that file, and closing would drop them; kept open
            throw new LeaseDirectoryException(file + " was replaced since it was checked; run the build again");
        }
        return opened;
    }

    /**
     * The lock of {@code port}'s bytes, or null where another process holds them. Call under {@link #MONITOR}.
     *
     * @throws OverlappingFileLockException where this JVM holds them already (another plugin realm)
     */
    FileLock tryLock(int port) throws LeaseDirectoryException {
        try {
            return uninterrupted(() -> channel.tryLock((long) port * RECORD, RECORD, false));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Whether some realm of this JVM holds a lock anywhere in the file: the JDK refuses an overlapping lock, whichever
     * channel asks. Call under {@link #MONITOR}, so that no realm locks meanwhile.
     */
    boolean lockedInThisJvm() {
        try {
            FileLock probe = uninterrupted(() -> channel.tryLock(0, Long.MAX_VALUE, true));
            if (probe != null) {
                release(probe);
            }
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return !(e instanceof ClosedChannelException); // unsure: kept open, which drops nothing
        }
    }

    /** Releases a lease's lock; the file stays open. */
    static void release(FileLock lock) {
        try {
            uninterrupted(() -> {
                lock.release();
                return null;
            });
        } catch (IOException | RuntimeException e) {
            // the lock goes with the file's descriptor or the process at the latest
        }
    }

    /**
     * Writes {@code record} as the holder of {@code port}, in a file of this user's own only. A hint: a write that
     * fails (a full disk) costs the lease nothing.
     */
    void record(int port, byte[] record) {
        if (!file.own()) {
            return;
        }
        try {
            uninterrupted(() -> channel.write(ByteBuffer.wrap(record), (long) port * RECORD));
        } catch (IOException e) {
            // the holder goes unnamed on systems without /proc/locks
        }
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

    /** Who holds each port as the kernel tells it, in one bounded read: a PID or {@link LockHolders#NO_PROCESS}. */
    static Map<Integer, Long> kernelHolders(LeaseFile file, List<Integer> ports) {
        Map<Long, Integer> byOffset = new HashMap<>();
        for (int port : ports) {
            byOffset.put((long) port * RECORD, port);
        }
        Map<Integer, Long> found = new HashMap<>();
        for (Map.Entry<Long, Long> e : LockHolders.ofThisSystem().holders(file.identity(), byOffset.keySet())
                .entrySet()) {
            found.put(byOffset.get(e.getKey()), e.getValue());
        }
        return found;
    }

    /** Adds the holders an own file records, still alive, for the ports the kernel did not name. */
    void addRecordedHolders(List<Integer> ports, Map<Integer, Long> found) {
        if (!file.own()) {
            return;
        }
        for (int port : ports) {
            long recorded = found.containsKey(port) ? -1 : recordedHolder(port);
            if (recorded > 0 && ProcessTree.forThisSystem().alive(recorded) != 0) {
                found.put(port, recorded);
            }
        }
    }

    private long recordedHolder(int port) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(RECORD);
            uninterrupted(() -> channel.read(buffer, (long) port * RECORD));
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return text.matches("PID [0-9]{1,18}") ? Long.parseLong(text.substring(4)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Closes the file, dropping every lock this process holds on it. Call under {@link #MONITOR}. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing is held through it any more
        }
    }

    /** An I/O call on the channel, which must not see the thread's interrupt. */
    private interface Io<T> {
        T call() throws IOException;
    }

    /** Runs {@code io} with the thread's interrupt set aside, so that the channel does not close itself. */
    private static <T> T uninterrupted(Io<T> io) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return io.call();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private LeaseDirectoryException failed(IOException e) {
        if (e instanceof ClosedChannelException || !channel.isOpen()) {
            return new LeaseDirectoryException(file + " was closed under this build, which dropped every lease this"
                    + " JVM held in it; run the build again");
        }
        return new LeaseDirectoryException(file + " cannot be locked (" + FileErrors.of(e) + ")");
    }
}
