package io.github.portcheck.spec;

import java.util.List;

/** The checked settings of {@code wait-ports}; made by {@link RawSettings#forWait()}. */
public final class WaitSettings extends ProbeSettings {
    private final WaitFor waitFor;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final boolean acceptProxy;

    WaitSettings(List<PortSpec> ports, DetectorChoice detector, String host, int connectTimeoutMillis,
            WaitFor waitFor, long timeoutMillis, long intervalMillis, boolean acceptProxy) {
        super(ports, detector, host, connectTimeoutMillis);
        this.waitFor = waitFor;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = intervalMillis;
        this.acceptProxy = acceptProxy;
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
