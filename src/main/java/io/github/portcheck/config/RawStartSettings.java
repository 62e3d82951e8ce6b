package io.github.portcheck.config;

import io.github.portcheck.domain.PortRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The settings of {@code start} as the user gave them; {@link #checked} is where each is checked. */
public final class RawStartSettings extends RawProbeSettings<RawStartSettings> {
    private final RawCheckSettings check = new RawCheckSettings();
    private String executable;
    private List<String> arguments = Collections.emptyList();
    private Path workingDirectory;
    private Map<String, String> environment = Collections.emptyMap();
    private List<PortEntry> readyWhen = Collections.emptyList();
    private String readyLog;
    private int timeout = Defaults.number(Defaults.START_TIMEOUT);
    private Path logFile;
    private int stopTimeout = Defaults.number(Defaults.STOP_TIMEOUT);
    private String httpStatus = Defaults.HTTP_STATUS;
    private String httpMethod = Defaults.HTTP_METHOD;
    private String bodyContains;
    private boolean insecure = Defaults.flag(Defaults.INSECURE);
    private int readTimeout = Defaults.number(Defaults.READ_TIMEOUT);

    /** How the ports are chosen and leased, as check-ports takes them: onConflict, portRange, exclude... */
    public RawCheckSettings checkSettings() {
        return check;
    }

    public RawStartSettings executable(String value) {
        this.executable = value;
        return this;
    }

    public RawStartSettings arguments(List<String> value) {
        this.arguments = value == null ? Collections.<String>emptyList() : value;
        return this;
    }

    public RawStartSettings workingDirectory(Path value) {
        this.workingDirectory = value;
        return this;
    }

    public RawStartSettings environment(Map<String, String> value) {
        this.environment = value == null ? Collections.<String, String>emptyMap() : value;
        return this;
    }

    public RawStartSettings readyWhen(List<PortEntry> value) {
        this.readyWhen = value == null ? Collections.<PortEntry>emptyList() : value;
        return this;
    }

    public RawStartSettings readyLog(String value) {
        this.readyLog = value;
        return this;
    }

    /** Seconds. */
    public RawStartSettings timeout(int value) {
        this.timeout = value;
        return this;
    }

    public RawStartSettings logFile(Path value) {
        this.logFile = value;
        return this;
    }

    /** Seconds. */
    public RawStartSettings stopTimeout(int value) {
        this.stopTimeout = value;
        return this;
    }

    public RawStartSettings httpStatus(String value) {
        this.httpStatus = value;
        return this;
    }

    public RawStartSettings httpMethod(String value) {
        this.httpMethod = value;
        return this;
    }

    public RawStartSettings bodyContains(String value) {
        this.bodyContains = value;
        return this;
    }

    public RawStartSettings insecure(boolean value) {
        this.insecure = value;
        return this;
    }

    /** Milliseconds. */
    public RawStartSettings readTimeout(int value) {
        this.readTimeout = value;
        return this;
    }

    /**
     * The checked settings: every mistake found before anything is started.
     *
     * @param properties the build's properties: what {@code @{NAME}} may name besides the ports chosen here
     */
    public StartSettings checked(BuildProperties properties) throws ConfigurationException {
        CheckSettings chosen = null;
        Set<String> exported = new LinkedHashSet<>();
        if (!ports.isEmpty()) {
            chosen = check.ports(ports).detector(detector).host(host).connectTimeout(connectTimeout)
                    .checked(properties);
            for (PortRequest request : chosen.requests()) {
                exported.addAll(request.exportedNames());
            }
        }
        Path directory = checkedDirectory();
        String program = checkedExecutable(directory);
        checkReferences(exported, properties);
        Pattern log = checkedReadyLog();
        long timeoutMillis = seconds(Setting.START_TIMEOUT, timeout, 1, "1 to " + MAX_SECONDS + " (a day)");
        long stopMillis = seconds(Setting.STOP_TIMEOUT, stopTimeout, 0, "0 (end it by force at once) to "
                + MAX_SECONDS + " (a day)");
        if (logFile == null) {
            throw ConfigurationException.invalid(Setting.LOG_FILE, "", "no file for the server's output",
                    "a file, e.g. target/server.log");
        }
        StartSettings settings = new StartSettings(chosen, program, arguments, directory, environment, readyWhen,
                log, timeoutMillis, logFile, stopMillis, checkedDetector(), checkedHost(), checkedConnectTimeout(),
                readinessTemplate());
        // the readiness entries as they will be read, with a port standing in for each chosen one
        settings.readiness(properties, placeholders(exported));
        return settings;
    }

    private static Map<String, String> placeholders(Set<String> exported) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (String name : exported) {
            ports.put(name, "1");
        }
        return ports;
    }

    private RawWaitSettings readinessTemplate() {
        return new RawWaitSettings().httpStatus(httpStatus).httpMethod(httpMethod).bodyContains(bodyContains)
                .insecure(insecure).readTimeout(readTimeout);
    }

    private Path checkedDirectory() throws ConfigurationException {
        if (workingDirectory == null || !Files.isDirectory(workingDirectory)) {
            throw ConfigurationException.invalid(Setting.WORKING_DIRECTORY, String.valueOf(workingDirectory),
                    "not a directory", "an existing directory, by default the project's base directory");
        }
        return workingDirectory;
    }

    /** A path to a program that can run, or the name of one on the PATH: as the system will look for it. */
    private String checkedExecutable(Path directory) throws ConfigurationException {
        String allowed = "the path of a program this user may run, or the name of one on the PATH";
        if (executable == null || executable.trim().isEmpty()) {
            throw ConfigurationException.invalid(Setting.EXECUTABLE, String.valueOf(executable),
                    "no program to start", allowed);
        }
        String program = executable.trim();
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = directory.resolve(program);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw ConfigurationException.invalid(Setting.EXECUTABLE, program, Files.exists(path)
                        ? "this user may not run " + path : "there is no " + path, allowed);
            }
            return program;
        }
        String searched = environment.containsKey("PATH") ? environment.get("PATH") : System.getenv("PATH");
        List<String> names = new ArrayList<>();
        names.add(program);
        if (File.separatorChar == '\\') {
            String exts = System.getenv("PATHEXT") == null ? ".EXE;.BAT;.CMD" : System.getenv("PATHEXT");
            for (String ext : exts.split(";")) {
                names.add(program + ext.toLowerCase(Locale.ROOT));
            }
        }
        for (String dir : (searched == null ? "" : searched).split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Paths.get(dir.isEmpty() ? "." : dir).resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return program;
                }
            }
        }
        throw ConfigurationException.invalid(Setting.EXECUTABLE, program, "no program of that name on the PATH ("
                + searched + ")", allowed);
    }

    /** Every {@code @{NAME}} names a port chosen here or a property the build has. */
    private void checkReferences(Set<String> exported, BuildProperties properties) throws ConfigurationException {
        Map<Setting, List<String>> texts = new LinkedHashMap<>();
        texts.put(Setting.ARGUMENTS, arguments);
        texts.put(Setting.ENVIRONMENT, new ArrayList<>(environment.values()));
        List<String> entries = new ArrayList<>();
        for (PortEntry entry : readyWhen) {
            entries.add(entry == null ? "" : entry.toString());
        }
        texts.put(Setting.READY_WHEN, entries);
        for (Map.Entry<Setting, List<String>> e : texts.entrySet()) {
            for (String text : e.getValue()) {
                for (String name : LateProperties.names(text)) {
                    if (!exported.contains(name) && properties.value(name) == null) {
                        throw ConfigurationException.invalid(e.getKey(), text, "@{" + name + "} names neither a port"
                                + " of ports" + (exported.isEmpty() ? "" : " (" + String.join(", ", exported) + ")")
                                + " nor a property of the build", "@{NAME} for a named entry of ports or a property");
                    }
                }
            }
        }
    }

    private Pattern checkedReadyLog() throws ConfigurationException {
        if (readyLog == null || readyLog.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(readyLog);
        } catch (PatternSyntaxException e) {
            throw ConfigurationException.invalid(Setting.READY_LOG, readyLog, "not a regular expression ("
                    + e.getDescription() + " near position " + e.getIndex() + ")", "a Java regular expression that a"
                    + " line of the server's output matches once it is ready, e.g. Started .* in");
        }
    }
}
