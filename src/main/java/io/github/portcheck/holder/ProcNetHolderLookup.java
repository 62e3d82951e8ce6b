package io.github.portcheck.holder;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linux: finds the socket on a port in /proc/net/tcp and tcp6 (a listener first, then a socket bound but not
 * listening, then any other), and the process owning that socket's inode through the /proc/PID/fd links.
 * A user sees only the file descriptors of their own processes; others stay {@link Holder#unknown()}.
 */
public final class ProcNetHolderLookup implements HolderLookup {
    /** A JVM's class path can fill tens of kilobytes before the main class that names it. */
    private static final int MAX_COMMAND_LINE = 256 * 1024;

    private final Path proc;

    public ProcNetHolderLookup() {
        this(Paths.get("/proc"));
    }

    ProcNetHolderLookup(Path proc) {
        this.proc = proc;
    }

    /** The lookup for this system: /proc where it exists, otherwise none. */
    public static HolderLookup forThisSystem() {
        return ProcNetSockets.available() ? new ProcNetHolderLookup() : HolderLookup.NONE;
    }

    @Override
    public Map<Integer, Holder> find(Set<Integer> ports) {
        Map<Integer, Holder> holders = new HashMap<>();
        if (ports.isEmpty()) {
            return holders;
        }
        Map<Integer, String> inodes = socketInodes(ports);
        Map<String, Long> pids = owners(inodes.values());
        for (Map.Entry<Integer, String> e : inodes.entrySet()) {
            Long pid = pids.get(e.getValue());
            holders.put(e.getKey(), pid == null ? Holder.unknown() : Holder.process(pid, commandLine(pid)));
        }
        return holders;
    }

    /** Port to socket inode, picking the most telling socket on each port. */
    private Map<Integer, String> socketInodes(Set<Integer> ports) {
        Map<Integer, String> inodes = new HashMap<>();
        Map<Integer, Integer> ranks = new HashMap<>();
        for (ProcNetSockets.Socket socket : ProcNetSockets.read(proc)) {
            if (!ports.contains(socket.port)) {
                continue;
            }
            int rank = rank(socket);
            Integer best = ranks.get(socket.port);
            if (best == null || rank < best) {
                ranks.put(socket.port, rank);
                inodes.put(socket.port, socket.inode);
            }
        }
        return inodes;
    }

    /** A listener tells most, then a socket bound but not listening, then any other. */
    private static int rank(ProcNetSockets.Socket socket) {
        if (socket.listens()) {
            return 0;
        }
        return ProcNetSockets.CLOSE.equals(socket.state) ? 1 : 2;
    }

    /** Socket inode to owning PID, walking every process's descriptors once. */
    private Map<String, Long> owners(Collection<String> inodes) {
        return ProcNetSockets.owners(proc, inodes, process -> true).byInode;
    }

    /** The arguments of the command line. Read with a reader: the sizes of /proc files are not real. */
    private List<String> commandLine(long pid) {
        StringBuilder text = new StringBuilder();
        // An InputStreamReader replaces bytes that are not UTF-8, where Files.newBufferedReader would throw.
        try (Reader reader = new InputStreamReader(Files.newInputStream(proc.resolve(pid + "/cmdline")), StandardCharsets.UTF_8)) {
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) > 0 && text.length() < MAX_COMMAND_LINE; ) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            return Collections.emptyList();
        }
        List<String> args = new ArrayList<>();
        for (String arg : text.toString().split("\0")) {
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        return args;
    }
}
