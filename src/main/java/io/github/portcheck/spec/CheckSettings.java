package io.github.portcheck.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The checked settings of {@code check-ports}; made by {@link RawSettings#forCheck()}. */
public final class CheckSettings extends ProbeSettings {
    private final ConflictPolicy onConflict;
    private final PortRange portRange;
    private final List<PortRange> exclude;
    private final Path leaseDirectory;
    private final long waitTimeoutMillis;

    CheckSettings(List<PortSpec> ports, DetectorChoice detector, String host, int connectTimeoutMillis,
            ConflictPolicy onConflict, PortRange portRange, List<PortRange> exclude, Path leaseDirectory,
            long waitTimeoutMillis) {
        super(ports, detector, host, connectTimeoutMillis);
        this.onConflict = onConflict;
        this.portRange = portRange;
        this.exclude = Collections.unmodifiableList(exclude);
        this.leaseDirectory = leaseDirectory;
        this.waitTimeoutMillis = waitTimeoutMillis;
    }

    /** These settings with the entries' ports resolved, e.g. fixed by {@code -DNAME=PORT}. */
    public CheckSettings withPorts(List<PortSpec> resolved) {
        return new CheckSettings(resolved, detector(), host(), connectTimeoutMillis(), onConflict, portRange, exclude,
                leaseDirectory, waitTimeoutMillis);
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
