package io.github.portcheck.server;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** The server was not ready within its timeout; it was stopped before the build failed. */
public final class NotReadyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final long pid;
    private final long timeoutMillis;
    private final transient List<String> notReady;
    private final transient List<String> lastLines;
    private final transient Path logFile;
    private final String stopped;

    /**
     * @param notReady what was not ready, each with what was seen of it, e.g. "http://localhost:8080/health:
     *                 HTTP 404 (expected 200-299)"
     * @param stopped  how the server was stopped, e.g. "ended after SIGTERM in 0.3 s"
     */
    NotReadyException(String name, long pid, long timeoutMillis, List<String> notReady, List<String> lastLines,
            Path logFile, String stopped) {
        super("the server was not ready within " + timeoutMillis + " ms", null, false, false);
        this.name = name;
        this.pid = pid;
        this.timeoutMillis = timeoutMillis;
        this.notReady = Collections.unmodifiableList(notReady);
        this.lastLines = Collections.unmodifiableList(lastLines);
        this.logFile = logFile;
        this.stopped = stopped;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public List<String> notReady() {
        return notReady;
    }

    public List<String> lastLines() {
        return lastLines;
    }

    public Path logFile() {
        return logFile;
    }

    /** How it was stopped. */
    public String stopped() {
        return stopped;
    }
}
