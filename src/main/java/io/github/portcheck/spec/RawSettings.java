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

    /** The entries alone, checked: what a skipped check still exports. */
    public List<PortSpec> entries() throws ConfigurationException {
        return new PortSpecParser().parse(ports);
    }

    public CheckSettings forCheck() throws ConfigurationException {
        List<PortSpec> specs = entries();
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
                        "wait-ports waits for one known port per entry", "PORT, NAME=PORT, HOST:PORT, or NAME alone"
                                + " for a port that an earlier goal exported as NAME (NAME.first of a block)");
            }
        }
        return new WaitSettings(specs, DetectorChoice.parse(detector), host(), connectTimeout(),
                WaitFor.parse(waitFor), seconds(Setting.TIMEOUT, timeout, 1, "1 to " + MAX_SECONDS + " (a day)"),
                bounded(Setting.INTERVAL, interval, 10, 60_000, "not an interval in milliseconds", "10 to 60000"),
                acceptProxy);
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
