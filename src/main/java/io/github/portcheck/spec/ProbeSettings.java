package io.github.portcheck.spec;

import java.util.Collections;
import java.util.List;

/** What every goal probes and how: the entries, the default host and detector, the connect timeout. */
public abstract class ProbeSettings {
    private final List<PortSpec> ports;
    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;

    ProbeSettings(List<PortSpec> ports, DetectorChoice detector, String host, int connectTimeoutMillis) {
        this.ports = Collections.unmodifiableList(ports);
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public List<PortSpec> ports() {
        return ports;
    }

    /** How entries that name no detector are probed. */
    public DetectorChoice detector() {
        return detector;
    }

    /** The host of entries that name none. */
    public String host() {
        return host;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }
}
