package io.github.portcheck.config;

import java.util.Collections;
import java.util.List;

/** The checked settings of {@code stop}. */
public final class StopSettings {
    private final List<String> servers;
    private final long stopTimeoutMillis;

    StopSettings(List<String> servers, long stopTimeoutMillis) {
        this.servers = Collections.unmodifiableList(servers);
        this.stopTimeoutMillis = stopTimeoutMillis;
    }

    /** The executions of {@code start} whose servers to stop; empty: every server of the module. */
    public List<String> servers() {
        return servers;
    }

    public long stopTimeoutMillis() {
        return stopTimeoutMillis;
    }
}
