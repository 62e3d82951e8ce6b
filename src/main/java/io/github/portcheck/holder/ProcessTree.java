package io.github.portcheck.holder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;

/**
 * Processes as /proc shows them (Linux): who started whom, and who is still alive. Everywhere else it knows
 * nothing, and says so: every answer may be "cannot tell".
 */
public final class ProcessTree {
    /** How far up a parent chain is followed: far beyond any build's nesting of shells and launchers. */
    private static final int MAX_DEPTH = 64;

    private final Path proc;

    ProcessTree(Path proc) {
        this.proc = proc;
    }

    /** The tree of this system: /proc where it exists, otherwise one that cannot tell. */
    public static ProcessTree forThisSystem() {
        Path proc = Paths.get("/proc");
        return new ProcessTree(Files.isDirectory(proc.resolve("self")) ? proc : null);
    }

    public boolean canTell() {
        return proc != null;
    }

    /** This JVM's PID, or -1 where this tree cannot tell. */
    public long self() {
        if (proc == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readSymbolicLink(proc.resolve("self")).getFileName().toString());
        } catch (IOException | RuntimeException e) {
            return -1;
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
        if (proc == null) {
            return -1;
        }
        String[] stat = stat(pid);
        return stat == null || stat[0].equals("Z") ? 0 : 1;
    }

    /** The parent's PID, or -1 when the process is gone. */
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
            // a reader, not readAllBytes: some /proc files report a size that cuts them short (see toolchain notes)
            try (java.io.BufferedReader in = Files.newBufferedReader(proc.resolve(Long.toString(pid)).resolve("stat"),
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
