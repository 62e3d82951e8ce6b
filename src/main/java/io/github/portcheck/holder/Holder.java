package io.github.portcheck.holder;

import java.util.List;

/** The process that holds a port, as far as this user may see it. */
public final class Holder {
    private static final int MAX_COMMAND = 160;

    private final long pid;
    private final String command;
    private final String note;

    private Holder(long pid, String command) {
        this(pid, command, null);
    }

    private Holder(long pid, String command, String note) {
        this.pid = pid;
        // a command line may hold newlines and tabs (python3 -c '...'): the table keeps one line per entry
        this.command = command == null ? null : command.replaceAll("[\\s\\p{Cntrl}]+", " ").trim();
        this.note = note;
    }

    /** This holder with what else is known of it, e.g. "left running by an earlier build of ...". */
    public Holder noted(String what) {
        return new Holder(pid, command, what);
    }

    public static Holder process(long pid, String command) {
        return new Holder(pid, command);
    }

    /** A process from its arguments; a Java command is shown as "java MainClass args", without its options. */
    public static Holder process(long pid, List<String> args) {
        return new Holder(pid, String.join(" ", JavaCommand.isJava(args) ? JavaCommand.withoutOptions(args) : args));
    }

    /** A socket was found, but not the process: another user's, or one that just ended. */
    public static Holder unknown() {
        return new Holder(-1, null);
    }

    public long pid() {
        return pid;
    }

    public boolean isKnown() {
        return pid > 0;
    }

    /** E.g. "PID 812: postgres -D /var/lib/postgresql"; a long command line is cut short. */
    public String describe() {
        if (!isKnown()) {
            return "an unknown process";
        }
        if (command == null || command.isEmpty()) {
            return "PID " + pid + (note == null ? "" : ", " + note);
        }
        String shown = command.length() > MAX_COMMAND ? command.substring(0, MAX_COMMAND - 3) + "..." : command;
        return "PID " + pid + ": " + shown + (note == null ? "" : ", " + note);
    }

    @Override
    public String toString() {
        return describe();
    }
}
