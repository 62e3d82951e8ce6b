package io.github.portcheck.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The settings as the user gave them, typed as the front end has them: the one place that checks them and turns
 * them into {@link CheckSettings} or {@link WaitSettings}, with a message naming the setting for each mistake.
 * Unset values take the same defaults as the goals' parameters.
 */
public final class RawSettings {
    /** What wait-ports takes as an entry: one known port each. */
    public static final String WAIT_ENTRIES = "PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or"
            + " NAME alone for a port that an earlier goal exported as NAME (NAME.first of a block)";

    /** The longest wait a setting in seconds accepts: a day. */
    static final int MAX_SECONDS = 86_400;

    private List<PortEntry> ports = Collections.emptyList();
    private String detector = "auto";
    private String host = "localhost";
    private int connectTimeout = 1000;
    private String onConflict = "fail";
    private String portRange;
    private String exclude;
    private Path leaseDirectory;
    private int waitTimeout;
    private String waitFor = "open";
    private int timeout = 60;
    private int interval = 250;
    private boolean acceptProxy;
    private String httpStatus = "200-299";
    private String httpMethod = "GET";
    private String bodyContains;
    private boolean insecure;
    private int readTimeout = 5000;
    private Path pidFile;
    private boolean ownListener;

    public RawSettings ports(List<PortEntry> value) {
        this.ports = value == null ? Collections.<PortEntry>emptyList() : value;
        return this;
    }

    /** Short-form entries, e.g. "db=5432". */
    public RawSettings portTexts(String... texts) {
        List<PortEntry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(PortEntry.of(text));
        }
        return ports(entries);
    }

    public RawSettings detector(String value) {
        this.detector = value;
        return this;
    }

    public RawSettings host(String value) {
        this.host = value;
        return this;
    }

    /** Milliseconds. */
    public RawSettings connectTimeout(int value) {
        this.connectTimeout = value;
        return this;
    }

    public RawSettings onConflict(String value) {
        this.onConflict = value;
        return this;
    }

    public RawSettings portRange(String value) {
        this.portRange = value;
        return this;
    }

    public RawSettings exclude(String value) {
        this.exclude = value;
        return this;
    }

    public RawSettings leaseDirectory(Path value) {
        this.leaseDirectory = value;
        return this;
    }

    /** Seconds. */
    public RawSettings waitTimeout(int value) {
        this.waitTimeout = value;
        return this;
    }

    public RawSettings waitFor(String value) {
        this.waitFor = value;
        return this;
    }

    /** Seconds. */
    public RawSettings timeout(int value) {
        this.timeout = value;
        return this;
    }

    /** Milliseconds. */
    public RawSettings interval(int value) {
        this.interval = value;
        return this;
    }

    public RawSettings acceptProxy(boolean value) {
        this.acceptProxy = value;
        return this;
    }

    /** Codes and ranges, e.g. "200-299" or "200,401". */
    public RawSettings httpStatus(String value) {
        this.httpStatus = value;
        return this;
    }

    public RawSettings httpMethod(String value) {
        this.httpMethod = value;
        return this;
    }

    public RawSettings bodyContains(String value) {
        this.bodyContains = value;
        return this;
    }

    public RawSettings insecure(boolean value) {
        this.insecure = value;
        return this;
    }

    /** Milliseconds. */
    public RawSettings readTimeout(int value) {
        this.readTimeout = value;
        return this;
    }

    public RawSettings pidFile(Path value) {
        this.pidFile = value;
        return this;
    }

    public RawSettings ownListener(boolean value) {
        this.ownListener = value;
        return this;
    }

    /** The entries alone, checked: what a skipped check still exports. */
    public List<PortSpec> entries() throws ConfigurationException {
        return new PortSpecParser().parse(ports);
    }

    public CheckSettings forCheck() throws ConfigurationException {
        List<PortSpec> specs = entries();
        for (PortSpec spec : specs) {
            if (spec.url().isPresent()) {
                throw ConfigurationException.inEntry(spec.text(), spec.text(), "check-ports checks that ports are"
                        + " free; a URL is for wait-ports, which waits until it answers", PortSpecParser.ALLOWED);
            }
        }
        PortRange range = portRange();
        List<PortRange> excluded = PortSet.parse(Setting.EXCLUDE, exclude);
        PortSet.checkNotAllExcluded(specs, range, excluded);
        return new CheckSettings(specs, DetectorChoice.parse(detector), host(), connectTimeout(),
                ConflictPolicy.parse(onConflict), range, excluded, leaseDirectory,
                seconds(Setting.WAIT_TIMEOUT, waitTimeout, 0, "0 (no waiting) to " + MAX_SECONDS + " (a day)"));
    }

    public WaitSettings forWait() throws ConfigurationException {
        List<PortSpec> specs = entries();
        for (PortSpec spec : specs) {
            if (spec.isBlock() || spec.range().isPresent() && !spec.range().get().isSingle()) {
                throw ConfigurationException.inEntry(spec.text(), spec.text(),
                        "wait-ports waits for one known port per entry", WAIT_ENTRIES);
            }
        }
        WaitFor goal = WaitFor.parse(waitFor);
        if (ownListener && goal == WaitFor.FREE) {
            throw new ConfigurationException(Setting.OWN_LISTENER, "true", "waitFor=free waits for ports to be"
                    + " released, so there is no listener to own", "ownListener only with waitFor=open");
        }
        return new WaitSettings(specs, DetectorChoice.parse(detector), host(), connectTimeout(), goal,
                seconds(Setting.TIMEOUT, timeout, 1, "1 to " + MAX_SECONDS + " (a day)"),
                bounded(Setting.INTERVAL, interval, 10, 60_000, "not an interval in milliseconds", "10 to 60000"),
                acceptProxy, http(specs), pidFile, ownListener);
    }

    /** URL entries and these settings: a mistake here is found before any waiting, like any other. */
    private HttpCheck http(List<PortSpec> specs) throws ConfigurationException {
        HttpStatuses statuses = httpStatus == null ? null : HttpStatuses.parse(httpStatus);
        if (statuses == null) {
            throw new ConfigurationException(Setting.HTTP_STATUS, String.valueOf(httpStatus),
                    "not a list of HTTP status codes", HttpStatuses.ALLOWED);
        }
        String method = httpMethod == null ? "" : httpMethod.trim().toUpperCase(java.util.Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ConfigurationException(Setting.HTTP_METHOD, String.valueOf(httpMethod),
                    "not a method wait-ports sends", "GET (the default) or HEAD");
        }
        String body = bodyContains == null || bodyContains.isEmpty() ? null : bodyContains;
        if (body != null && method.equals("HEAD")) {
            throw new ConfigurationException(Setting.BODY_CONTAINS, body, "an answer to HEAD has no body",
                    "bodyContains with httpMethod GET");
        }
        boolean https = false;
        for (PortSpec spec : specs) {
            https |= spec.url().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
        }
        if (insecure && !https) {
            throw new ConfigurationException(Setting.INSECURE, "true", "no entry is an https:// URL, so there is"
                    + " no certificate to trust", "insecure only next to an https:// entry");
        }
        int read = (int) bounded(Setting.READ_TIMEOUT, readTimeout, 1, Integer.MAX_VALUE,
                "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                        + Integer.MAX_VALUE);
        return new HttpCheck(method, statuses, body, read, insecure);
    }

    private String host() throws ConfigurationException {
        if (host == null || host.trim().isEmpty()) {
            throw new ConfigurationException(Setting.HOST, String.valueOf(host), "the host is empty",
                    "localhost (this machine, the default), a host name, or an IPv4 or IPv6 address");
        }
        return host.trim();
    }

    private int connectTimeout() throws ConfigurationException {
        return (int) bounded(Setting.CONNECT_TIMEOUT, connectTimeout, 1, Integer.MAX_VALUE,
                "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                        + Integer.MAX_VALUE);
    }

    private PortRange portRange() throws ConfigurationException {
        if (portRange == null || portRange.trim().isEmpty()) {
            return null;
        }
        PortRange range = PortSet.range(portRange.trim());
        if (range == null) {
            throw new ConfigurationException(Setting.PORT_RANGE, portRange, "not a range of ports",
                    "FIRST-LAST with 1 <= FIRST <= LAST <= 65535, e.g. 20000-29999");
        }
        return range;
    }

    private static long seconds(Setting setting, int value, int min, String allowed) throws ConfigurationException {
        return bounded(setting, value, min, MAX_SECONDS, "not a number of seconds", allowed) * 1000;
    }

    private static long bounded(Setting setting, int value, int min, int max, String problem, String allowed)
            throws ConfigurationException {
        if (value < min || value > max) {
            throw new ConfigurationException(setting, Integer.toString(value), problem, allowed);
        }
        return value;
    }
}
