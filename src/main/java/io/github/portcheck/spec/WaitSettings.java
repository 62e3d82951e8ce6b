package io.github.portcheck.spec;

import java.util.Collections;
import java.util.List;

/** The checked settings of {@code wait-ports}; made by {@link RawSettings#forWait()}. */
public final class WaitSettings {
    private final List<PortSpec> ports;
    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;
    private final WaitFor waitFor;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final boolean acceptProxy;

    WaitSettings(List<PortSpec> ports, DetectorChoice detector, String host, int connectTimeoutMillis,
            WaitFor waitFor, long timeoutMillis, long intervalMillis, boolean acceptProxy) {
        this.ports = Collections.unmodifiableList(ports);
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.waitFor = waitFor;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = intervalMillis;
        this.acceptProxy = acceptProxy;
    }

    public List<PortSpec> ports() {
        return ports;
    }

    /** These settings with the entries' ports resolved, e.g. fixed by {@code -DNAME=PORT}. */
    public WaitSettings withPorts(List<PortSpec> resolved) {
        return new WaitSettings(resolved, detector, host, connectTimeoutMillis, waitFor, timeoutMillis, intervalMillis,
                acceptProxy);
    }

    public DetectorChoice detector() {
        return detector;
    }

    public String host() {
        return host;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public WaitFor waitFor() {
        return waitFor;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** Count a connection that is accepted and closed at once as open. */
    public boolean acceptProxy() {
        return acceptProxy;
    }
}
