package io.github.portcheck.wait;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** The server's process, as its pid file names it, ended before every target was ready. */
public final class ServerExitedException extends WaitStoppedException {
    private static final long serialVersionUID = 1L;

    private final long pid;
    private final transient Path pidFile;
    private final transient List<Pending> pending;

    ServerExitedException(long pid, Path pidFile, List<Pending> pending) {
        super("the server's process (PID " + pid + ") ended");
        this.pid = pid;
        this.pidFile = pidFile;
        this.pending = Collections.unmodifiableList(pending);
    }

    public long pid() {
        return pid;
    }

    public Path pidFile() {
        return pidFile;
    }

    /** What was still not ready, with the last thing seen of it. */
    public List<Pending> pending() {
        return pending;
    }

    /** A target not ready when the wait ended, and the last thing seen of it. */
    public static final class Pending {
        private final String label;
        private final String lastSeen;

        Pending(String label, String lastSeen) {
            this.label = label;
            this.lastSeen = lastSeen;
        }

        public String label() {
            return label;
        }

        /** E.g. "refused", or "not probed yet". */
        public String lastSeen() {
            return lastSeen;
        }
    }
}
