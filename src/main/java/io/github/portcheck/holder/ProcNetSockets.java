package io.github.portcheck.holder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The TCP sockets of this network namespace as /proc/net/tcp and tcp6 list them: local port, state, inode. */
final class ProcNetSockets {
    static final String LISTEN = "0A";
    static final String CLOSE = "07";

    /** One row: a socket. */
    static final class Socket {
        final int port;
        final String state;
        final String inode;

        Socket(int port, String state, String inode) {
            this.port = port;
            this.state = state;
            this.inode = inode;
        }

        boolean listens() {
            return LISTEN.equals(state);
        }
    }

    private ProcNetSockets() {
    }

    /** The sockets that some process holds (a TIME_WAIT entry has inode 0 and is left out). */
    static List<Socket> read(Path proc) {
        return read(proc, false);
    }

    /**
     * The listening sockets only. The kernel lists them before all others, so reading stops at the first other
     * row: a table of thousands of connections costs milliseconds to generate, its listeners microseconds.
     */
    static List<Socket> listeners(Path proc) {
        return read(proc, true);
    }

    private static List<Socket> read(Path proc, boolean listenersOnly) {
        List<Socket> sockets = new ArrayList<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            for (String line : readLines(proc.resolve(table), listenersOnly)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length < 10 || !cols[0].endsWith(":")) {
                    continue; // the header, or a line of another shape
                }
                int colon = cols[1].lastIndexOf(':');
                try {
                    int port = Integer.parseInt(cols[1].substring(colon + 1), 16);
                    if (!cols[9].equals("0")) {
                        sockets.add(new Socket(port, cols[3], cols[9]));
                    }
                } catch (NumberFormatException e) {
                    // a line of another shape
                }
            }
        }
        return sockets;
    }

    /** The socket inode a /proc/PID/fd link names, or null: "socket:[12345]" is 12345. */
    static String socketInode(Path fd) {
        try {
            String link = Files.readSymbolicLink(fd).toString();
            return link.startsWith("socket:[") ? link.substring(8, link.length() - 1) : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Whether this system shows its sockets in /proc (Linux). */
    static boolean available() {
        return Files.isReadable(Paths.get("/proc/net/tcp"));
    }

    /**
     * The one walk over every process's descriptors: which process holds each socket inode, among the processes
     * {@code which} accepts; stops once all are found.
     */
    static Owners owners(Path proc, Collection<String> inodes, Predicate<Path> which) {
        Owners owners = new Owners();
        if (inodes.isEmpty()) {
            return owners;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                if (!which.test(process)) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        String inode = socketInode(fd);
                        if (inode != null && inodes.contains(inode)) {
                            owners.byInode.putIfAbsent(inode, pid);
                        }
                    }
                } catch (IOException | SecurityException e) {
                    owners.unseen.add(pid); // another user's process, or one that ended while we looked
                }
                if (owners.byInode.size() == inodes.size()) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            owners.complete = false; // /proc unreadable
        }
        return owners;
    }

    /** What a walk found: the holder of each inode, and the processes whose descriptors could not be seen. */
    static final class Owners {
        final Map<String, Long> byInode = new HashMap<>();
        final List<Long> unseen = new ArrayList<>();
        boolean complete = true;
    }

    /** @param listenersOnly stop before the first socket row whose state is not LISTEN */
    private static List<String> readLines(Path file, boolean listenersOnly) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            List<String> lines = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (listenersOnly && !lines.isEmpty() && !line.trim().split("\\s+", 5)[3].equals(LISTEN)) {
                    break;
                }
                lines.add(line);
            }
            return lines;
        } catch (IOException | UncheckedIOException e) {
            return new ArrayList<>();
        }
    }
}
