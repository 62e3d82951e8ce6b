package io.github.portcheck.allocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Who holds a byte-range lock, as the kernel tells it: on Linux, {@code /proc/locks} lists every POSIX lock with its
 * process, device, inode and range, whoever took it. Nobody can forge it, unlike a PID written into a file that every
 * user may write. Elsewhere it knows nobody.
 */
class LockHolders {
    private static final Path PROC_LOCKS = Paths.get("/proc/locks");
    private static final LockHolders NONE = new LockHolders();
    private static final LockHolders LINUX = new ProcLocks();

    static LockHolders ofThisSystem() {
        return Files.isReadable(PROC_LOCKS) ? LINUX : NONE;
    }

    /**
     * The PID holding a lock that covers {@code offset} in the file {@code identity} ("device:inode"), or -1.
     */
    long holder(String identity, long offset) {
        return -1;
    }

    /** /proc/locks: "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 320000 320015". */
    private static final class ProcLocks extends LockHolders {
        @Override
        long holder(String identity, long offset) {
            String file = procForm(identity);
            if (file == null) {
                return -1;
            }
            try (BufferedReader lines = Files.newBufferedReader(PROC_LOCKS, StandardCharsets.US_ASCII)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    long pid = holderIn(line, file, offset);
                    if (pid > 0) {
                        return pid;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unknown, then
            }
            return -1;
        }

        static long holderIn(String line, String file, long offset) {
            String[] f = line.trim().split("\\s+");
            // id, POSIX, ADVISORY, READ|WRITE, pid, maj:min:inode, start, end|EOF; waiters read "id: -> POSIX ..."
            if (f.length != 8 || !f[1].equals("POSIX") || !f[5].equals(file)) {
                return -1;
            }
            long start = Long.parseLong(f[6]);
            long end = f[7].equals("EOF") ? Long.MAX_VALUE : Long.parseLong(f[7]);
            return start <= offset && offset <= end ? Long.parseLong(f[4]) : -1;
        }

        /** "device:inode" (st_dev as a number) as /proc/locks writes it: major and minor in hex, "fd:01:1234567". */
        static String procForm(String identity) {
            int colon = identity.indexOf(':');
            if (colon < 0) {
                return null;
            }
            try {
                long dev = Long.parseLong(identity.substring(0, colon));
                // glibc's major() and minor()
                long major = (dev & 0xfff00L) >>> 8 | (dev & 0xfffff00000000000L) >>> 32;
                long minor = dev & 0xffL | (dev & 0xffffff00000L) >>> 12;
                return String.format("%02x:%02x:%s", major, minor, identity.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
