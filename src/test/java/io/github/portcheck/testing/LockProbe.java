package io.github.portcheck.testing;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/** A child JVM that says whether another process holds the OS lock on a file: "locked", "unlocked" or "missing". */
public final class LockProbe {
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Paths.get(args[0]), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "locked" : "unlocked");
        } catch (NoSuchFileException e) {
            System.out.println("missing");
        }
    }

    /** Run from a test: the answer for {@code file}, seen from another process. */
    public static String of(java.nio.file.Path file) throws Exception {
        return ChildJvm.run(LockProbe.class, file.toString());
    }
}
