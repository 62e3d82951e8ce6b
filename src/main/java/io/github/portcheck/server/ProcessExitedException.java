package io.github.portcheck.server;

import io.github.portcheck.wait.WaitStoppedException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** The server's process ended before it was ready: its exit code and its last lines tell why. */
public final class ProcessExitedException extends WaitStoppedException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final long pid;
    private final int exitCode;
    private final transient List<String> lastLines;
    private final transient Path logFile;
    private final long millis;

    ProcessExitedException(String name, long pid, int exitCode, List<String> lastLines, Path logFile, long millis) {
        super("the server's process ended with " + exitCode);
        this.name = name;
        this.pid = pid;
        this.exitCode = exitCode;
        this.lastLines = Collections.unmodifiableList(lastLines);
        this.logFile = logFile;
        this.millis = millis;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The last lines of its output. */
    public List<String> lastLines() {
        return lastLines;
    }

    public Path logFile() {
        return logFile;
    }

    /** How long after its start it ended. */
    public long millis() {
        return millis;
    }
}
