package io.github.portcheck.wait;

import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.poll.Readiness;
import java.util.Collections;
import java.util.List;

/** How a wait ended: every target ready, or those that were not at the timeout, with the last thing seen. */
public final class WaitResult {
    private final WaitFor goal;
    private final int total;
    private final long timeoutMillis;
    private final List<Left> pending;
    private final long elapsedMillis;
    private final List<String> exitedChildren;

    WaitResult(WaitFor goal, int total, long timeoutMillis, List<Left> pending, long elapsedMillis,
            List<String> exitedChildren) {
        this.goal = goal;
        this.total = total;
        this.timeoutMillis = timeoutMillis;
        this.pending = Collections.unmodifiableList(pending);
        this.elapsedMillis = elapsedMillis;
        this.exitedChildren = Collections.unmodifiableList(exitedChildren);
    }

    /**
     * Processes this build started that were seen alive during a wait that timed out and are gone at its end, e.g.
     * "PID 4711: java -jar app.jar": likely the server that was to open the port.
     */
    public List<String> exitedChildren() {
        return exitedChildren;
    }

    public WaitFor goal() {
        return goal;
    }

    /** How many targets were waited for. */
    public int total() {
        return total;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public boolean allReady() {
        return pending.isEmpty();
    }

    /** The targets not ready at the timeout. */
    public List<Left> pending() {
        return pending;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** A target not ready at the timeout. */
    public static final class Left {
        private final String label;
        private final int port;
        private final boolean url;
        private final Readiness last;

        Left(String label, int port, boolean url, Readiness last) {
            this.label = label;
            this.port = port;
            this.url = url;
            this.last = last;
        }

        /** E.g. "port 5432 (db) on localhost" or "http://localhost:8080/health (app)". */
        public String label() {
            return label;
        }

        public int port() {
            return port;
        }

        /** A URL, ready when it answers as expected, rather than a port. */
        public boolean isUrl() {
            return url;
        }

        /** The last thing seen of it. */
        public Readiness last() {
            return last;
        }
    }
}
