package io.github.portcheck.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Optional;

/**
 * Processes as the system shows them: who started whom (/proc, Linux), who is still alive, this JVM's PID and a
 * process's command line (/proc, else the JDK's ProcessHandle where it runs on Java 9+, by reflection since the
 * plugin's classes target Java 8). Where neither can tell, every answer says so.
 */
public final class ProcessTree {
    /** How far up a parent chain is followed: far beyond any build's nesting of shells and launchers. */
    private static final int MAX_DEPTH = 64;

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
