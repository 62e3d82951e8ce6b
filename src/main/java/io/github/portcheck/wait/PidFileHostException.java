package io.github.portcheck.wait;

import java.nio.file.Path;

/** A pid file next to an entry on another host, where this machine cannot see the process of a pid file. */
public final class PidFileHostException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path pidFile;
    private final String entry;
    private final String host;

    PidFileHostException(Path pidFile, String entry, String host) {
        super("entry '" + entry + "' is on host " + host, null, false, false);
        this.pidFile = pidFile;
        this.entry = entry;
        this.host = host;
    }

    public Path pidFile() {
        return pidFile;
    }

    public String entry() {
        return entry;
    }

    public String host() {
        return host;
    }
}
