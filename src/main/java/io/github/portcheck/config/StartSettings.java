package io.github.portcheck.config;

import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checked settings of {@code start}; made by {@link RawStartSettings#checked}. The command, its environment and
 * the readiness entries keep their {@code @{NAME}} references until the ports are chosen.
 */
public final class StartSettings {
    private final CheckSettings ports;
    private final String executable;
    private final List<String> arguments;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final List<PortEntry> readyWhen;
    private final Pattern readyLog;
    private final long timeoutMillis;
    private final Path logFile;
    private final long stopTimeoutMillis;
    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;
    private final RawWaitSettings readinessTemplate;

    StartSettings(CheckSettings ports, String executable, List<String> arguments, Path workingDirectory,
            Map<String, String> environment, List<PortEntry> readyWhen, Pattern readyLog, long timeoutMillis,
            Path logFile, long stopTimeoutMillis, DetectorChoice detector, String host, int connectTimeoutMillis,
            RawWaitSettings readinessTemplate) {
        this.ports = ports;
        this.executable = executable;
        this.arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
        this.workingDirectory = workingDirectory;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.readyWhen = Collections.unmodifiableList(new ArrayList<>(readyWhen));
        this.readyLog = readyLog;
        this.timeoutMillis = timeoutMillis;
        this.logFile = logFile;
        this.stopTimeoutMillis = stopTimeoutMillis;
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readinessTemplate = readinessTemplate;
    }

    /** How the ports are chosen, leased and exported, as check-ports does; empty where {@code ports} is. */
    public Optional<CheckSettings> ports() {
        return Optional.ofNullable(ports);
    }

    /** The command, each {@code @{NAME}} replaced by {@code values}. */
    public List<String> command(BuildProperties values) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        for (String argument : arguments) {
            command.add(LateProperties.resolve(argument, values::value));
        }
        return command;
    }

    /** The variables added to the server's environment, each {@code @{NAME}} replaced by {@code values}. */
    public Map<String, String> environment(BuildProperties values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : environment.entrySet()) {
            resolved.put(e.getKey(), LateProperties.resolve(e.getValue() == null ? "" : e.getValue(), values::value));
        }
        return resolved;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** A line of the server's output that shows it is ready; null where none is asked for. */
    public Pattern readyLog() {
        return readyLog;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public Path logFile() {
        return logFile;
    }

    /** How long the server is given to end when asked, before it is ended by force. */
    public long stopTimeoutMillis() {
        return stopTimeoutMillis;
    }

    /**
     * What makes the server ready, as wait-ports takes it: {@code readyWhen} with each {@code @{NAME}} replaced, or
     * by default every named entry of {@code ports} open, on the entry's host.
     *
     * @param properties the build's properties
     * @param chosen     the ports chosen for the entries of {@code ports}, by exported name
     */
    public WaitSettings readiness(BuildProperties properties, Map<String, String> chosen)
            throws ConfigurationException {
        BuildProperties values = properties.with(chosen);
        List<PortEntry> entries = new ArrayList<>();
        for (PortEntry entry : readyWhen) {
            entries.add(entry == null ? null : entry.resolved(text -> LateProperties.resolve(text, values::value)));
        }
        if (entries.isEmpty() && ports != null) {
            for (PortRequest request : ports.requests()) {
                request.name().ifPresent(name -> {
                    String port = request.isBlock() ? name + PortRequest.FIRST : name;
                    entries.add(PortEntry.of(name + "=" + request.host().map(h -> "[" + h + "]:").orElse("") + "@{"
                            + port + "}").resolved(text -> LateProperties.resolve(text, values::value)));
                });
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        long seconds = Math.max(1, timeoutMillis / 1000);
        return readinessTemplate.ports(entries).detector(detector.toString()).host(host)
                .connectTimeout(connectTimeoutMillis).timeout((int) seconds).checked(values);
    }
}
