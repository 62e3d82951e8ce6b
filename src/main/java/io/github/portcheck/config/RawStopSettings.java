package io.github.portcheck.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The settings of {@code stop} as the user gave them. */
public final class RawStopSettings {
    private List<String> servers = Collections.emptyList();
    private int stopTimeout = Defaults.number(Defaults.STOP_TIMEOUT);

    /** The executions of {@code start} whose servers to stop; none: every server of the module. */
    public RawStopSettings servers(List<String> value) {
        this.servers = value == null ? Collections.<String>emptyList() : value;
        return this;
    }

    /** Seconds. */
    public RawStopSettings stopTimeout(int value) {
        this.stopTimeout = value;
        return this;
    }

    public StopSettings checked() throws ConfigurationException {
        List<String> names = new ArrayList<>();
        for (String name : servers) {
            if (name != null && !name.trim().isEmpty()) {
                names.add(name.trim());
            }
        }
        return new StopSettings(names, RawProbeSettings.seconds(Setting.STOP_TIMEOUT, stopTimeout, 0,
                "0 (end them by force at once) to " + RawProbeSettings.MAX_SECONDS + " (a day)"));
    }
}
