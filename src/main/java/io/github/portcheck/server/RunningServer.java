package io.github.portcheck.server;

import io.github.portcheck.allocation.LeaseOwner;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** A server this JVM started for a module, until it is stopped: by {@code stop}, the module's end, or the JVM's. */
public final class RunningServer {
    private final String name;
    private final LeaseOwner module;
    private final Process process;
    private final long pid;
    private final String started;
    private final String cookie;
    private final List<String> command;
    private final List<Integer> ports;
    private final Path logFile;
    private final Path record;
    private final long stopTimeoutMillis;
    private final Consumer<String> log;

    RunningServer(String name, LeaseOwner module, Process process, long pid, String started, String cookie,
            List<String> command, List<Integer> ports, Path logFile, Path record, long stopTimeoutMillis,
            Consumer<String> log) {
        this.name = name;
        this.module = module;
        this.process = process;
        this.pid = pid;
        this.started = started;
        this.cookie = cookie;
        this.command = Collections.unmodifiableList(command);
        this.ports = Collections.unmodifiableList(ports);
        this.logFile = logFile;
        this.record = record;
        this.stopTimeoutMillis = stopTimeoutMillis;
        this.log = log;
    }

    /** The execution of {@code start} that started it. */
    public String name() {
        return name;
    }

    LeaseOwner module() {
        return module;
    }

    Process process() {
        return process;
    }

    public long pid() {
        return pid;
    }

    String started() {
        return started;
    }

    String cookie() {
        return cookie;
    }

    public List<String> command() {
        return command;
    }

    public List<Integer> ports() {
        return ports;
    }

    public Path logFile() {
        return logFile;
    }

    Path record() {
        return record;
    }

    long stopTimeoutMillis() {
        return stopTimeoutMillis;
    }

    /** Where to say how it ended when no {@code stop} asks: the log of the goal that started it. */
    public Consumer<String> log() {
        return log;
    }
}
