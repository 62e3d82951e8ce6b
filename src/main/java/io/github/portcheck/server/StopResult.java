package io.github.portcheck.server;

/** How a server ended: asked or forced, how long it took, whether its ports are free again. */
public final class StopResult {
    /** The exit code of a process this JVM did not start (an orphan) is not known. */
    public static final int NO_EXIT_CODE = Integer.MIN_VALUE;

    /** Whether it ended when asked, had to be ended by force, or was gone already. */
    public enum How {
        ENDED,
        KILLED,
        ALREADY_ENDED
    }

    private final long pid;
    private final int exitCode;
    private final How how;
    private final int processes;
    private final long millis;
    private final boolean portsReleased;

    StopResult(long pid, int exitCode, How how, int processes, long millis, boolean portsReleased) {
        this.pid = pid;
        this.exitCode = exitCode;
        this.how = how;
        this.processes = processes;
        this.millis = millis;
        this.portsReleased = portsReleased;
    }

    public long pid() {
        return pid;
    }

    /** The server's exit code, or {@link #NO_EXIT_CODE}. */
    public int exitCode() {
        return exitCode;
    }

    public How how() {
        return how;
    }

    /** How many processes were stopped: the server and those it started. */
    public int processes() {
        return processes;
    }

    public long millis() {
        return millis;
    }

    /** Whether every port it held could be bound again afterwards. */
    public boolean portsReleased() {
        return portsReleased;
    }
}
