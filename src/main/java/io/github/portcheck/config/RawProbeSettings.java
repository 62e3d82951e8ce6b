package io.github.portcheck.config;

import io.github.portcheck.domain.DetectorChoice;
import java.util.Collections;
import java.util.List;

/**
 * What every goal that probes is given, as the user gave it: the entries, the default host and detector, the
 * connect timeout. Unset values take {@link Defaults}, as the goals' parameters do.
 *
 * @param <S> the goal's own raw settings, for chaining
 */
public abstract class RawProbeSettings<S extends RawProbeSettings<S>> {
    /** The longest wait a setting in seconds accepts: a day. */
    static final int MAX_SECONDS = 86_400;

    List<PortEntry> ports = Collections.emptyList();
    String detector = Defaults.DETECTOR;
    String host = Defaults.HOST;
    int connectTimeout = Defaults.number(Defaults.CONNECT_TIMEOUT);

    RawProbeSettings() {
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    public S ports(List<PortEntry> value) {
        this.ports = value == null ? Collections.<PortEntry>emptyList() : value;
        return self();
    }

    public S detector(String value) {
        this.detector = value;
        return self();
    }

    public S host(String value) {
        this.host = value;
        return self();
    }

    /** Milliseconds. */
    public S connectTimeout(int value) {
        this.connectTimeout = value;
        return self();
    }

    DetectorChoice checkedDetector() throws ConfigurationException {
        return Choices.detector(detector, Setting.DETECTOR);
    }

    String checkedHost() throws ConfigurationException {
        if (host == null || host.trim().isEmpty()) {
            throw ConfigurationException.invalid(Setting.HOST, String.valueOf(host), "the host is empty",
                    "localhost (this machine, the default), a host name, or an IPv4 or IPv6 address");
        }
        return host.trim();
    }

    int checkedConnectTimeout() throws ConfigurationException {
        return (int) bounded(Setting.CONNECT_TIMEOUT, connectTimeout, 1, Integer.MAX_VALUE,
                "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                        + Integer.MAX_VALUE);
    }

    static long seconds(Setting setting, int value, int min, String allowed) throws ConfigurationException {
        return bounded(setting, value, min, MAX_SECONDS, "not a number of seconds", allowed) * 1000;
    }

    static long bounded(Setting setting, int value, int min, int max, String problem, String allowed)
            throws ConfigurationException {
        if (value < min || value > max) {
            throw ConfigurationException.invalid(setting, Integer.toString(value), problem, allowed);
        }
        return value;
    }
}
