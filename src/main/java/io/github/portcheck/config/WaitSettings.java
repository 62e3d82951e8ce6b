package io.github.portcheck.config;

import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.HttpExpectation;
import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.domain.WaitTarget;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The checked settings of {@code wait-ports}; made by {@link RawWaitSettings#checked}. */
public final class WaitSettings extends ProbeSettings {
    private final List<WaitTarget> targets;
    private final WaitFor waitFor;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final boolean acceptProxy;
    private final HttpExpectation http;
    private final Path pidFile;
    private final boolean ownListener;

    WaitSettings(List<WaitTarget> targets, DetectorChoice detector, String host, int connectTimeoutMillis,
            WaitFor waitFor, long timeoutMillis, long intervalMillis, boolean acceptProxy, HttpExpectation http,
            Path pidFile, boolean ownListener) {
        super(detector, host, connectTimeoutMillis);
        this.targets = Collections.unmodifiableList(targets);
        this.waitFor = waitFor;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = intervalMillis;
        this.acceptProxy = acceptProxy;
        this.http = http;
        this.pidFile = pidFile;
        this.ownListener = ownListener;
    }

    /** What to wait on: ports, and URLs on their host and port. */
    public List<WaitTarget> targets() {
        return targets;
    }

    /** How http and https entries are asked and judged. */
    public HttpExpectation http() {
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
