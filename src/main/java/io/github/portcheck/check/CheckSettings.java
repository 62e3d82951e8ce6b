package io.github.portcheck.check;

import io.github.portcheck.allocation.KernelPortRanges;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.DetectorChoice;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.spec.ConfigurationException;
import java.util.concurrent.ThreadLocalRandom;

/** The check's parameters other than the ports, read from their text with a clear message for each mistake. */
public final class CheckSettings {
    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;
    private final ConflictPolicy policy;

    public CheckSettings(DetectorChoice detector, String host, int connectTimeoutMillis, ConflictPolicy policy) {
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.policy = policy;
    }

    public static CheckSettings parse(String detector, String host, String connectTimeout, String onConflict)
            throws ConfigurationException {
        if (host == null || host.trim().isEmpty()) {
            throw new ConfigurationException("parameter host (portcheck.host)", String.valueOf(host), "the host is empty",
                    "localhost (this machine, the default), a host name, or an IPv4 or IPv6 address");
        }
        return new CheckSettings(DetectorChoice.parse(detector), host.trim(), timeout(connectTimeout),
                ConflictPolicy.parse(onConflict));
    }

    private static int timeout(String text) throws ConfigurationException {
        int millis;
        try {
            millis = Integer.parseInt(String.valueOf(text).trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis <= 0) {
            throw new ConfigurationException("parameter connectTimeout (portcheck.connectTimeout)", String.valueOf(text),
                    "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                            + Integer.MAX_VALUE);
        }
        return millis;
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

    public ConflictPolicy policy() {
        return policy;
    }

    /** The check wired for this machine: real detectors, the kernel's port ranges, and the /proc holder lookup. */
    public PortCheck newCheck() {
        HostResolver resolver = new HostResolver(detector, new BindDetector(), new ConnectDetector(connectTimeoutMillis));
        PortChooser chooser = new PortChooser(KernelPortRanges.ofThisSystem().poolWithin(PortChooser.ANY_BASE),
                size -> ThreadLocalRandom.current().nextInt(size));
        return new PortCheck(resolver, chooser, ProcNetHolderLookup.forThisSystem());
    }
}
