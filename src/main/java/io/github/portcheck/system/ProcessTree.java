package io.github.portcheck.system;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Processes as the system shows them: who started whom (/proc, Linux), who is still alive, this JVM's PID and a
 * process's command line (/proc, else the JDK's ProcessHandle where it runs on Java 9+, by reflection since the
 * plugin's classes target Java 8). Where neither can tell, every answer says so.
 */
public final class ProcessTree {
    /** How far up a parent chain is followed: far beyond any build's nesting of shells and launchers. */
    private static final int MAX_DEPTH = 64;

    /** The most of a process's environment read when looking for a server's cookie. */
    private static final int MAX_ENVIRONMENT = 1 << 20;

    private final Path proc;

    ProcessTree(Path proc) {
        this.proc = proc;
    }

    /** The tree of this system: /proc where it exists, otherwise the JDK's view alone. */
    public static ProcessTree forThisSystem() {
        Path proc = Paths.get("/proc");
        return new ProcessTree(Files.isDirectory(proc.resolve("self")) ? proc : null);
    }

    /** Whether this tree knows parents (/proc), so that {@link #descendsFrom} can be answered. */
    public boolean canTell() {
        return proc != null;
    }

    /** This JVM's PID, or -1 where nothing can tell. */
    public long self() {
        if (proc != null) {
            try {
                return Long.parseLong(Files.readSymbolicLink(proc.resolve("self")).getFileName().toString());
            } catch (IOException | RuntimeException e) {
                // fall back to the JDK
            }
        }
        try {
            Object current = handle().getMethod("current").invoke(null);
            return (Long) handle().getMethod("pid").invoke(current);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1; // Java 8 without /proc
        }
    }

    /** True when {@code pid} is one of {@code ancestors} or was started by one of them, however indirectly. */
    public boolean descendsFrom(long pid, Collection<Long> ancestors) {
        long current = pid;
        for (int depth = 0; depth < MAX_DEPTH && current > 0; depth++) {
            if (ancestors.contains(current)) {
                return true;
            }
            current = parent(current);
        }
        return false;
    }

    /**
     * Whether the process lives: 1 yes, 0 no (gone, or a zombie whose parent did not collect it yet), -1 cannot
     * tell.
     */
    public int alive(long pid) {
        if (proc != null) {
            String[] stat = stat(pid);
            return stat == null || stat[0].equals("Z") ? 0 : 1;
        }
        try {
            Optional<?> process = (Optional<?>) handle().getMethod("of", long.class).invoke(null, pid);
            return process.isPresent() && (Boolean) handle().getMethod("isAlive").invoke(process.get()) ? 1 : 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's command line as the JDK sees it, or null where it cannot tell. */
    public String commandLine(long pid) {
        try {
            Optional<?> process = (Optional<?>) handle().getMethod("of", long.class).invoke(null, pid);
            if (!process.isPresent()) {
                return null;
            }
            Object info = handle().getMethod("info").invoke(process.get());
            // through the public interface: the class that implements it is not exported
            Optional<?> line = (Optional<?>) Class.forName("java.lang.ProcessHandle$Info").getMethod("commandLine")
                    .invoke(info);
            return line.map(Object::toString).orElse(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * When the process started, in a form that tells it from any later process of the same PID: on Linux the boot
     * and the clock ticks since it (/proc, exact and the same for every reader); elsewhere the JDK's start instant in
     * milliseconds (Java 9+). Null where nothing can tell: such a process is never proven to be one that was recorded.
     */
    public String startTime(long pid) {
        if (proc != null) {
            String[] stat = stat(pid);
            // field 22 of /proc/PID/stat; the array starts at field 3
            return stat == null || stat.length < 20 ? null : bootId() + "/" + stat[19];
        }
        try {
            Optional<?> process = (Optional<?>) handle().getMethod("of", long.class).invoke(null, pid);
            if (!process.isPresent()) {
                return null;
            }
            Object info = handle().getMethod("info").invoke(process.get());
            Optional<?> start = (Optional<?>) Class.forName("java.lang.ProcessHandle$Info").getMethod("startInstant")
                    .invoke(info);
            return start.map(i -> "at/" + ((java.time.Instant) i).toEpochMilli()).orElse(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private String bootId() {
        try (BufferedReader in = Files.newBufferedReader(proc.resolve("sys/kernel/random/boot_id"),
                StandardCharsets.US_ASCII)) {
            String id = in.readLine();
            return id == null ? "boot" : id.trim();
        } catch (IOException | SecurityException e) {
            return "boot";
        }
    }

    /**
     * Every process that {@code pid} started, however indirectly, as far as they are still its descendants: /proc's
     * parents, else the JDK's (Java 9+). One that its parent left to init is not among them; see {@link
     * #withEnvironment}.
     */
    public List<Long> descendants(long pid) {
        List<Long> found = new ArrayList<>();
        if (proc != null) {
            Map<Long, List<Long>> children = new HashMap<>();
            for (long p : pids()) {
                children.computeIfAbsent(parent(p), k -> new ArrayList<Long>()).add(p);
            }
            Deque<Long> next = new ArrayDeque<>(children.getOrDefault(pid, Collections.<Long>emptyList()));
            while (!next.isEmpty() && found.size() < 10_000) {
                long p = next.pop();
                found.add(p);
                next.addAll(children.getOrDefault(p, Collections.<Long>emptyList()));
            }
            return found;
        }
        try {
            Optional<?> process = (Optional<?>) handle().getMethod("of", long.class).invoke(null, pid);
            if (process.isPresent()) {
                Stream<?> all = (Stream<?>) handle().getMethod("descendants").invoke(process.get());
                for (Object h : all.toArray()) {
                    found.add((Long) handle().getMethod("pid").invoke(h));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // none known
        }
        return found;
    }

    /**
     * The processes of this user whose environment holds {@code name=value} (Linux: /proc/PID/environ, which only
     * the process's own user may read): those a server started keep it, also after their parent left them to init.
     */
    public List<Long> withEnvironment(String name, String value) {
        List<Long> found = new ArrayList<>();
        if (proc == null) {
            return found;
        }
        byte[] wanted = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        Object me = ownerOf(proc.resolve("self"));
        for (long pid : pids()) {
            Path dir = proc.resolve(Long.toString(pid));
            try {
                // Only this user's processes: a server this build started runs as it, and a build run as root must
                // neither read other users' environments (one may be huge, to stall the build) nor stop their processes.
                if (me == null || !me.equals(ownerOf(dir))) {
                    continue;
                }
                byte[] environ = readAtMost(dir.resolve("environ"), MAX_ENVIRONMENT);
                if (holdsEntry(environ, wanted)) {
                    found.add(pid);
                }
            } catch (IOException | SecurityException e) {
                // one that ended
            }
        }
        return found;
    }

    /** The uid of a /proc entry, or null where it cannot be read. */
    private static Object ownerOf(Path dir) {
        try {
            return Files.getAttribute(dir, "unix:uid");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean holdsEntry(byte[] environ, byte[] entry) {
        int start = 0;
        for (int i = 0; i <= environ.length; i++) {
            if (i == environ.length || environ[i] == 0) {
                if (i - start == entry.length) {
                    boolean same = true;
                    for (int k = 0; k < entry.length && same; k++) {
                        same = environ[start + k] == entry[k];
                    }
                    if (same) {
                        return true;
                    }
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The first {@code limit} bytes at most: enough for any environment a server is started with. */
    private static byte[] readAtMost(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) > 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path p : all) {
                pids.add(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // what was listed
        }
        return pids;
    }

    private static Class<?> handle() throws ClassNotFoundException {
        return Class.forName("java.lang.ProcessHandle");
    }

    /** The parent's PID, or -1 when the process is gone or nothing can tell. */
    long parent(long pid) {
        String[] stat = stat(pid);
        try {
            return stat == null ? -1 : Long.parseLong(stat[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat after the command, whose name may hold spaces and parentheses: state, ppid, ... */
    private String[] stat(long pid) {
        if (proc == null || pid <= 0) {
            return null;
        }
        try {
            String line;
            // a reader, not readAllBytes: /proc files report a size of 0 or 4096, and the JDK reads only that much
            try (BufferedReader in = Files.newBufferedReader(proc.resolve(Long.toString(pid)).resolve("stat"),
                    StandardCharsets.UTF_8)) {
                line = in.readLine();
            }
            int close = line == null ? -1 : line.lastIndexOf(')');
            return close < 0 ? null : line.substring(close + 1).trim().split(" ");
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
