package io.github.portcheck.wait;

/** With ownListener, an open port is held by a process this build did not start: an earlier build's server? */
public final class ForeignListenerException extends WaitStoppedException {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final String holder;
    private final long serverPid;

    /**
     * @param holder    the process, as the holder lookup describes it, e.g. "PID 4711: java -jar app-0.9.jar"
     * @param serverPid the pid file's process, or -1
     */
    ForeignListenerException(String label, String holder, long serverPid) {
        super(label + " is held by " + holder);
        this.label = label;
        this.holder = holder;
        this.serverPid = serverPid;
    }

    public String label() {
        return label;
    }

    public String holder() {
        return holder;
    }

    /** The pid file's process, or -1 without a pid file. */
    public long serverPid() {
        return serverPid;
    }
}
