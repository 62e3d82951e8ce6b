package io.github.portcheck.allocation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * Who holds byte-range locks, as the kernel tells it: on Linux, {@code /proc/locks} lists every lock with its
 * process, device, inode and range, whoever took it; nobody can forge it, unlike a PID written into a file. An
 * open file description's lock (OFD) names no process. Read once per question and only so far: any user can make
 * the list long, so the read stops after {@value #MAX_BYTES} bytes. Elsewhere it knows nobody.
 */
class LockHolders {
    /** An OFD lock holds the range: it belongs to an open file, not to a process. */
    static final long NO_PROCESS = 0;
    static final long UNKNOWN = -1;
    static final int MAX_BYTES = 1 << 20;
    private static final Path PROC_LOCKS = Paths.get("/proc/locks");
    private static final LockHolders NONE = new LockHolders();
    private static final LockHolders LINUX = new ProcLocks(PROC_LOCKS);

    static LockHolders ofThisSystem() {
        return Files.isReadable(PROC_LOCKS) ? LINUX : NONE;
    }

    /**
     * The holder of a lock covering each offset in the file {@code identity} ("device:inode"): a PID, {@link
     * #NO_PROCESS} for an OFD lock; offsets with no holder found are left out.
     */
    Map<Long, Long> holders(String identity, Iterable<Long> offsets) {
        return new HashMap<>();
    }

    /** /proc/locks: "1: POSIX  ADVISORY  WRITE 4242 fd:01:1234567 320000 320015". */
    static final class ProcLocks extends LockHolders {
        private final Path locks;

        ProcLocks(Path locks) {
            this.locks = locks;
        }

        @Override
        Map<Long, Long> holders(String identity, Iterable<Long> offsets) {
            Map<Long, Long> found = new HashMap<>();
            String file = procForm(identity);
            if (file == null) {
                return found;
            }
            int wanted = 0;
            for (Long ignored : offsets) {
                wanted++;
            }
            long read = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(locks),
                    StandardCharsets.US_ASCII))) {
                for (String line; found.size() < wanted && read < MAX_BYTES && (line = lines.readLine()) != null; ) {
                    read += line.length() + 1;
                    for (Long offset : offsets) {
                        if (!found.containsKey(offset)) {
                            long pid = holderIn(line, file, offset);
                            if (pid != UNKNOWN) {
                                found.put(offset, pid);
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // what was found so far
            }
            return found;
        }

        /** A PID, {@link #NO_PROCESS} for an OFD lock, or {@link #UNKNOWN} where the line is about something else. */
        static long holderIn(String line, String file, long offset) {
            String[] f = line.trim().split("\\s+");
            // id, POSIX|OFDLCK, ADVISORY, READ|WRITE, pid, maj:min:inode, start, end|EOF; waiters read "id: -> ..."
            if (f.length != 8 || !(f[1].equals("POSIX") || f[1].equals("OFDLCK")) || !f[5].equals(file)) {
                return UNKNOWN;
            }
            long start = Long.parseLong(f[6]);
            long end = f[7].equals("EOF") ? Long.MAX_VALUE : Long.parseLong(f[7]);
            if (offset < start || offset > end) {
                return UNKNOWN;
            }
            return f[1].equals("OFDLCK") ? NO_PROCESS : Long.parseLong(f[4]);
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
