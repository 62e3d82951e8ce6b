package io.github.portcheck.config;

import io.github.portcheck.domain.DetectorChoice;

/** What every goal that probes is set to: the default host and detector, the connect timeout. */
public abstract class ProbeSettings {
    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;

    ProbeSettings(DetectorChoice detector, String host, int connectTimeoutMillis) {
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
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
