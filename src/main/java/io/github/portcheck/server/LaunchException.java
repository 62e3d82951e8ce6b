package io.github.portcheck.server;

import java.util.Collections;
import java.util.List;

/** The system would not start the command: no such program, no permission, a bad working directory. */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> command;
    private final String why;

    LaunchException(List<String> command, String why) {
        super(why, null, false, false);
        this.command = Collections.unmodifiableList(command);
        this.why = why;
    }

    public List<String> command() {
        return command;
    }

    /** The system's words, e.g. "error=13, Permission denied". */
    public String why() {
        return why;
    }
}
