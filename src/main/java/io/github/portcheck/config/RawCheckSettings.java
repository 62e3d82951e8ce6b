package io.github.portcheck.config;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of check-ports as the user gave them; {@link #checked} is where each is checked. */
public final class RawCheckSettings extends RawProbeSettings<RawCheckSettings> {
    private String onConflict = Defaults.ON_CONFLICT;
    private String portRange;
    private String exclude;
    private Path leaseDirectory;
    private int waitTimeout = Defaults.number(Defaults.WAIT_TIMEOUT);
    private boolean skip = Defaults.flag(Defaults.SKIP);

    public RawCheckSettings onConflict(String value) {
        this.onConflict = value;
        return this;
    }

    public RawCheckSettings portRange(String value) {
        this.portRange = value;
        return this;
    }

    public RawCheckSettings exclude(String value) {
        this.exclude = value;
        return this;
    }

    public RawCheckSettings leaseDirectory(Path value) {
        this.leaseDirectory = value;
        return this;
    }

    /** Seconds. */
    public RawCheckSettings waitTimeout(int value) {
        this.waitTimeout = value;
        return this;
    }

    public RawCheckSettings skip(boolean value) {
        this.skip = value;
        return this;
    }

    /**
     * The checked settings. An entry named on the command line ({@code -DNAME=PORT}) checks that port: that value
     * wins over any exported one for {@code ${NAME}}. A skipped check needs only its entries, each with a port.
     *
     * @param properties the build's properties, for {@code -DNAME} and the ports a skipped check exports
     */
    public CheckSettings checked(BuildProperties properties) throws ConfigurationException {
        List<PortRequest> requests = pinned(EntryParser.requests(ports), properties);
        if (skip) {
            return CheckSettings.skipped(requests, checkedHost(), unchecked(requests, properties));
        }
        PortRange range = checkedPortRange();
        List<PortRange> excluded = PortLists.parse(Setting.EXCLUDE, exclude);
        PortLists.checkNotAllExcluded(requests, range, excluded);
        return new CheckSettings(requests, checkedDetector(), checkedHost(), checkedConnectTimeout(),
                Choices.onConflict(onConflict), range, excluded, leaseDirectory,
                seconds(Setting.WAIT_TIMEOUT, waitTimeout, 0, "0 (no waiting) to " + MAX_SECONDS + " (a day)"));
    }

    private static List<PortRequest> pinned(List<PortRequest> requests, BuildProperties properties)
            throws ConfigurationException {
        List<PortRequest> pinned = new ArrayList<>(requests.size());
        for (PortRequest request : requests) {
            String value = request.isBlock() ? null : request.name().map(properties::commandLine).orElse(null);
            pinned.add(value == null ? request : request.pinnedTo(EntryParser.port(value, "user property -D"
                    + request.name().get(), request.text())));
        }
        return pinned;
    }

    /**
     * What a skipped check exports: a fixed port as configured (or as given on the command line), a range as its
     * first port, and "any free port" as the value its property already has; an entry that has none is a mistake,
     * every such entry named.
     */
    private static Map<PortRequest, Integer> unchecked(List<PortRequest> requests, BuildProperties properties)
            throws ConfigurationException {
        Map<PortRequest, Integer> ports = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (PortRequest request : requests) {
            Integer port = request.range().map(PortRange::first).orElse(null);
            // A block's ports are known by its first: NAME.first, as the check would export it.
            String property = request.isBlock() ? request.name().get() + PortRequest.FIRST
                    : request.name().orElse(null);
            if (port == null && property != null) {
                PortRange value = PortRange.parse(properties.value(property));
                port = value == null || !value.isSingle() ? null : value.first();
            }
            if (port == null || port + request.count() - 1 > PortRange.MAX_PORT) {
                missing.add(property);
            } else {
                ports.put(request, port);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder give = new StringBuilder();
            for (String name : missing) {
                give.append(give.length() == 0 ? "" : " ").append("-D").append(name).append("=PORT");
            }
            String quoted = "'" + String.join("', '", missing) + "'";
            throw new ConfigurationException(names -> "The port check is skipped, so " + (missing.size() == 1
                    ? "entry " + quoted + " gets no port: it asks for any free port, which only the check"
                    : missing.size() + " entries get no port: " + quoted + " ask for any free port, which only the"
                            + " check") + " can find. Give " + (missing.size() == 1 ? "it" : "each") + " a port on"
                    + " the command line (" + give + "), or do not skip the check.");
        }
        return ports;
    }

    private PortRange checkedPortRange() throws ConfigurationException {
        if (portRange == null || portRange.trim().isEmpty()) {
            return null;
        }
        PortRange range = PortRange.parse(portRange);
        if (range == null) {
            throw ConfigurationException.invalid(Setting.PORT_RANGE, portRange, "not a range of ports",
                    "FIRST-LAST with 1 <= FIRST <= LAST <= 65535, e.g. 20000-29999");
        }
        return range;
    }
}
