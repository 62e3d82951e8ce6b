package io.github.portcheck.system;

import java.util.Arrays;
import java.util.Optional;

/**
 * Asks a process to end, or ends it: the JDK's ProcessHandle where the JVM has it (Java 9+: SIGTERM and SIGKILL on
 * Unix, TerminateProcess on Windows, either way checked against the process's start so that a reused PID is not
 * hit), else the system's own tools ({@code kill}, {@code taskkill}). Windows knows no polite stop for a console
 * process: there, both end it at once.
 */
public final class Signals {
    private final Tools tools;
    private final Os os;

    Signals(Tools tools, Os os) {
        this.tools = tools;
        this.os = os;
    }

    public static Signals ofThisSystem() {
        return new Signals(Tools.processes(3000), Os.current());
    }

    /** Asks the process to end (SIGTERM on Unix). False where it could not be asked. */
    public boolean terminate(long pid) {
        return send(pid, false);
    }

    /** Ends the process (SIGKILL on Unix). False where it could not be asked. */
    public boolean kill(long pid) {
        return send(pid, true);
    }

    private boolean send(long pid, boolean force) {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Optional<?> process = (Optional<?>) handle.getMethod("of", long.class).invoke(null, pid);
            if (!process.isPresent()) {
                return false;
            }
            return (Boolean) handle.getMethod(force ? "destroyForcibly" : "destroy").invoke(process.get());
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Java 8: the system's tools
        }
        Tools.Output out = os == Os.WINDOWS
                ? tools.run(force ? Arrays.asList("taskkill", "/PID", Long.toString(pid), "/F")
                        : Arrays.asList("taskkill", "/PID", Long.toString(pid)))
                : tools.run(Arrays.asList("kill", force ? "-KILL" : "-TERM", Long.toString(pid)));
        return out.failure() == null && out.exit() == 0;
    }

    /** The PID of a process this JVM started: {@code Process.pid()} on Java 9+, else the JDK's own field. */
    public static long pidOf(Process process) {
        try {
            return (Long) Process.class.getMethod("pid").invoke(process);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Java 8
        }
        try {
            java.lang.reflect.Field pid = process.getClass().getDeclaredField("pid");
            pid.setAccessible(true);
            return pid.getInt(process);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
