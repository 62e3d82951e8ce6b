package io.github.portcheck.testing;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM that says whether another process holds an OS lock on a file, or on one port's 16 bytes in a lease
 * directory's lock file: "locked", "unlocked" or "missing". Arguments: file, [port].
 */
public final class LockProbe {
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Paths.get(args[0]), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = args.length > 1 ? channel.tryLock(Integer.parseInt(args[1]) * 16L, 16, false)
                    : channel.tryLock();
            System.out.println(lock == null ? "locked" : "unlocked");
        } catch (NoSuchFileException e) {
            System.out.println("missing");
        }
    }

    /** Run from a test: the answer for the whole of {@code file}, seen from another process. */
    public static String of(java.nio.file.Path file) throws Exception {
        return ChildJvm.run(LockProbe.class, file.toString());
    }

    /** Run from a test: the answer for {@code port}'s bytes in the lock file {@code file}, from another process. */
    public static String of(java.nio.file.Path file, int port) throws Exception {
        return ChildJvm.run(LockProbe.class, file.toString(), Integer.toString(port));
    }
}
