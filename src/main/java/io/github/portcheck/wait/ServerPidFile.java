package io.github.portcheck.wait;

import io.github.portcheck.poll.Awaited;
import io.github.portcheck.poll.Poller;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.system.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's process, as its pid file names it: once that process is known to have run in this build and is
 * gone, the ports it was to open never will, and the wait ends at once instead of at its timeout. A pid file
 * older than the build whose process is gone is a leftover of an earlier run, and waits for the new one.
 */
final class ServerPidFile implements Poller.Watch {
    private final Path file;
    private final long buildStartMillis;
    private final ProcessTree tree;
    private long pid = -1;
    private boolean ran;

    ServerPidFile(Path file, long buildStartMillis, ProcessTree tree) {
        this.file = file;
        this.buildStartMillis = buildStartMillis;
        this.tree = tree;
    }

    Path file() {
        return file;
    }

    /** The PID the file holds now, or -1 while it holds none. */
    synchronized long pid() {
        read();
        return pid;
    }

    @Override
    public synchronized Readiness check(List<Awaited> pending) {
        read();
        if (pid <= 0 || pending.isEmpty()) {
            return null;
        }
        int alive = tree.alive(pid);
        if (alive == 1) {
            ran = true;
        } else if (alive == 0 && (ran || writtenInThisBuild())) {
            List<ServerExitedException.Pending> left = new ArrayList<>();
            for (Awaited a : pending) {
                left.add(new ServerExitedException.Pending(a.label(), a.last() == null ? "not probed yet"
                        : a.last().reason()));
            }
            return Readiness.never(new ServerExitedException(pid, file, left));
        }
        return null;
    }

    private void read() {
        long now = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            now = line == null ? -1 : Long.parseLong(line.trim());
        } catch (IOException | NumberFormatException e) {
            // not written yet, or being written
        }
        if (now != pid) {
            pid = now;
            ran = false;
        }
    }

    private boolean writtenInThisBuild() {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= buildStartMillis;
        } catch (IOException e) {
            return false;
        }
    }
}
