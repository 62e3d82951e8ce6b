package io.github.portcheck.config;

import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checked settings of {@code check-ports}; made by {@link RawCheckSettings#checked}. */
public final class CheckSettings extends ProbeSettings {
    private final List<PortRequest> requests;
    private final ConflictPolicy onConflict;
    private final PortRange portRange;
    private final List<PortRange> exclude;
    private final Path leaseDirectory;
    private final long waitTimeoutMillis;
    private final Map<PortRequest, Integer> unchecked;

    CheckSettings(List<PortRequest> requests, DetectorChoice detector, String host, int connectTimeoutMillis,
            ConflictPolicy onConflict, PortRange portRange, List<PortRange> exclude, Path leaseDirectory,
            long waitTimeoutMillis) {
        this(requests, detector, host, connectTimeoutMillis, onConflict, portRange, exclude, leaseDirectory,
                waitTimeoutMillis, null);
    }

    private CheckSettings(List<PortRequest> requests, DetectorChoice detector, String host, int connectTimeoutMillis,
            ConflictPolicy onConflict, PortRange portRange, List<PortRange> exclude, Path leaseDirectory,
            long waitTimeoutMillis, Map<PortRequest, Integer> unchecked) {
        super(detector, host, connectTimeoutMillis);
        this.requests = Collections.unmodifiableList(requests);
        this.onConflict = onConflict;
        this.portRange = portRange;
        this.exclude = Collections.unmodifiableList(exclude);
        this.leaseDirectory = leaseDirectory;
        this.waitTimeoutMillis = waitTimeoutMillis;
        this.unchecked = unchecked == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(unchecked));
    }

    /** A skipped check: the entries and the port each exports unchecked. */
    static CheckSettings skipped(List<PortRequest> requests, String host, Map<PortRequest, Integer> unchecked) {
        return new CheckSettings(requests, DetectorChoice.AUTO, host, 1, ConflictPolicy.FAIL, null,
                Collections.<PortRange>emptyList(), null, 0, unchecked);
    }

    /** The entries, with the ports given on the command line pinned ({@link PortRequest#pinned()}). */
    public List<PortRequest> requests() {
        return requests;
    }

    /** Whether the check is skipped: nothing probed or leased, each entry exported as {@link #uncheckedPorts()}. */
    public boolean skip() {
        return unchecked != null;
    }

    /** For a skipped check: each entry's (first) port, as configured, given or already set. */
    public Map<PortRequest, Integer> uncheckedPorts() {
        return unchecked == null ? Collections.<PortRequest, Integer>emptyMap() : unchecked;
    }

    public ConflictPolicy onConflict() {
        return onConflict;
    }

    /** Where "any free port" comes from; empty for the default. */
    public Optional<PortRange> portRange() {
        return Optional.ofNullable(portRange);
    }

    /** Ports never handed out: by "any free port", ranges, blocks and reassign. */
    public List<PortRange> exclude() {
        return exclude;
    }

    /** Where leases are kept; empty for the default. */
    public Optional<Path> leaseDirectory() {
        return Optional.ofNullable(leaseDirectory);
    }

    /** How long a taken fixed port may take to be released before it is a conflict; 0: no waiting. */
    public long waitTimeoutMillis() {
        return waitTimeoutMillis;
    }
}
