package io.github.portcheck.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The checked settings of {@code wait-ports}; made by {@link RawSettings#forWait()}. */
public final class WaitSettings extends ProbeSettings {
    private final WaitFor waitFor;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final boolean acceptProxy;
    private final HttpCheck http;
    private final Path pidFile;
    private final boolean ownListener;

    WaitSettings(List<PortSpec> ports, DetectorChoice detector, String host, int connectTimeoutMillis,
            WaitFor waitFor, long timeoutMillis, long intervalMillis, boolean acceptProxy, HttpCheck http,
            Path pidFile, boolean ownListener) {
        super(ports, detector, host, connectTimeoutMillis);
        this.waitFor = waitFor;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = intervalMillis;
        this.acceptProxy = acceptProxy;
        this.http = http;
        this.pidFile = pidFile;
        this.ownListener = ownListener;
    }

    /** How http and https entries are asked and judged. */
    public HttpCheck http() {
        return http;
    }

    /** The file that holds the PID of the server waited for: its death ends the wait at once. */
    public Optional<Path> pidFile() {
        return Optional.ofNullable(pidFile);
    }

    /** An open port's listener must be this build's: the Maven process, the pid file's, or one they started. */
    public boolean ownListener() {
        return ownListener;
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
