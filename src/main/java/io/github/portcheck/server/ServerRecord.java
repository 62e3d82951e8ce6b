package io.github.portcheck.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a build writes down for each server it starts, outside the build directory so that {@code mvn clean} keeps
 * it: enough to prove later that a running process is that server (PID and start time) and to say whose it is
 * (project, execution, command, ports) when a build killed with {@code kill -9} left it running.
 */
public final class ServerRecord {
    private static final String VERSION = "1";

    private final String project;
    private final String execution;
    private final long pid;
    private final String started;
    private final String cookie;
    private final String command;
    private final List<Integer> ports;
    private final long ownerPid;
    private final String ownerStarted;
    private final long startedAtMillis;

    /**
     * @param project      the project, as {@link #projectKey} makes it
     * @param started      the process's start time, as {@code ProcessTree.startTime} gives it; null where unknown
     * @param cookie       the value of {@link ServerStart#COOKIE} in the server's environment and its children's
     * @param ownerPid     the Maven process that started it
     * @param ownerStarted that process's start time
     */
    ServerRecord(String project, String execution, long pid, String started, String cookie, String command,
            List<Integer> ports, long ownerPid, String ownerStarted, long startedAtMillis) {
        this.project = project;
        this.execution = execution;
        this.pid = pid;
        this.started = started;
        this.cookie = cookie;
        this.command = command;
        this.ports = Collections.unmodifiableList(new ArrayList<>(ports));
        this.ownerPid = ownerPid;
        this.ownerStarted = ownerStarted;
        this.startedAtMillis = startedAtMillis;
    }

    /** groupId:artifactId and the base directory: the same project in another checkout is another project. */
    public static String projectKey(String groupId, String artifactId, Path basedir) {
        Path dir = basedir;
        try {
            dir = basedir.toRealPath();
        } catch (IOException e) {
            dir = basedir.toAbsolutePath().normalize();
        }
        return groupId + ":" + artifactId + "@" + dir;
    }

    public String project() {
        return project;
    }

    /** The execution of {@code start}, e.g. "start-app". */
    public String execution() {
        return execution;
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

    /** The command line, e.g. "java -jar target/app.jar --server.port=20417". */
    public String command() {
        return command;
    }

    public List<Integer> ports() {
        return ports;
    }

    long ownerPid() {
        return ownerPid;
    }

    String ownerStarted() {
        return ownerStarted;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    void write(Path file) throws IOException {
        TreeMap<String, String> p = new TreeMap<>();
        p.put("version", VERSION);
        p.put("project", project);
        p.put("execution", execution);
        p.put("pid", Long.toString(pid));
        p.put("started", started == null ? "" : started);
        p.put("cookie", cookie);
        p.put("command", command);
        StringBuilder list = new StringBuilder();
        for (int port : ports) {
            list.append(list.length() == 0 ? "" : ",").append(port);
        }
        p.put("ports", list.toString());
        p.put("owner.pid", Long.toString(ownerPid));
        p.put("owner.started", ownerStarted == null ? "" : ownerStarted);
        p.put("startedAt", Long.toString(startedAtMillis));
        Properties properties = new Properties();
        properties.putAll(p);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, null);
        }
    }

    /** The record in {@code file}; null where it is not one (a leftover of another version, a partial write). */
    static ServerRecord read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            if (!VERSION.equals(p.getProperty("version"))) {
                return null;
            }
            List<Integer> ports = new ArrayList<>();
            for (String port : p.getProperty("ports", "").split(",")) {
                if (!port.trim().isEmpty()) {
                    ports.add(Integer.parseInt(port.trim()));
                }
            }
            return new ServerRecord(p.getProperty("project"), p.getProperty("execution"),
                    Long.parseLong(p.getProperty("pid")), emptyIsNull(p.getProperty("started")),
                    p.getProperty("cookie", ""), p.getProperty("command", ""), ports,
                    Long.parseLong(p.getProperty("owner.pid")), emptyIsNull(p.getProperty("owner.started")),
                    Long.parseLong(p.getProperty("startedAt")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String emptyIsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
