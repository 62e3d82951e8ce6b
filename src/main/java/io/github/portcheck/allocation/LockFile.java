package io.github.portcheck.allocation;

import io.github.portcheck.system.ProcessTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;

/**
 * A lease file as this realm holds it open: port p's lease is an OS lock on the {@value #RECORD} bytes at
 * p x {@value #RECORD}, which the operating system drops when the process ends, even by kill -9. In a file of this
 * user's own, the holder's PID is written there too, for systems where the kernel does not tell who holds a lock.
 *
 * <p>Closing any descriptor of a file drops every lock the process holds on it, whichever path or realm opened it:
 * a lock file is opened and closed only under {@link #MONITOR}, and closed only when no realm holds a lease in it.
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
            channel = FileChannel.open(file.path(), StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new LeaseDirectoryException(file + " cannot be opened for locking (" + Problems.of(e) + ")");
        }
        String now;
        try {
            FileFacts facts = FileFacts.of(file.path());
            now = facts.isRegularFile() ? facts.identity() : facts.kind();
        } catch (IOException e) {
            now = "gone";
        }
        if (!now.equals(file.identity())) {
            closeUnlessLockedHere(channel);
            throw new LeaseDirectoryException(file + " was replaced since it was checked; run the build again");
        }
        return new LockFile(file, channel);
    }

    /**
     * Closes a channel of a file that turned out not to be the one checked, unless this JVM holds locks on that file
     * (through another path): closing would drop them, so it stays open. The JDK keeps one table of the locks of
     * every file for the whole JVM and refuses an overlapping one, whichever channel asks.
     */
    private static void closeUnlessLockedHere(FileChannel channel) {
        try {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
            }
            channel.close();
        } catch (OverlappingFileLockException e) {
            // locks of this JVM live on this file: kept open
        } catch (IOException e) {
            // nothing of ours is held through it
        }
    }

    /**
     * The lock of {@code port}'s bytes, or null where another process holds them.
     *
     * @throws OverlappingFileLockException where this JVM holds them already
     */
    FileLock tryLock(int port) throws IOException {
        return channel.tryLock((long) port * RECORD, RECORD, false);
    }

    /** Writes {@code record} as the holder of {@code port}, in a file of this user's own only. */
    void record(int port, byte[] record) throws IOException {
        if (file.own()) {
            channel.write(ByteBuffer.wrap(record), (long) port * RECORD);
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

    /** The PID that holds {@code port}'s lock as the kernel tells it, else as an own file records it; -1 if unknown. */
    long holder(int port) {
        long pid = LockHolders.ofThisSystem().holder(file.identity(), (long) port * RECORD);
        if (pid > 0 || !file.own()) {
            return pid;
        }
        long recorded = recordedHolder(port);
        return recorded > 0 && ProcessTree.forThisSystem().alive(recorded) != 0 ? recorded : -1;
    }

    private long recordedHolder(int port) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(RECORD);
            channel.read(buffer, (long) port * RECORD);
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
}
