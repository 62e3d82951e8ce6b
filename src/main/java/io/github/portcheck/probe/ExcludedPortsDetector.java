package io.github.portcheck.probe;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.Verdict.Status;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports that the system lets nobody bind on this machine (Windows' excluded port ranges: Hyper-V, WSL, Docker)
 * are reported as such without a probe: a bind there fails with "permission denied" like a privileged port, and a
 * connect finds nothing, so only the system's own list tells the truth. Other ports and remote hosts go to the
 * detector it wraps.
 */
public final class ExcludedPortsDetector implements Detector {
    private final Detector detector;
    private final List<PortRange> excluded;

    private ExcludedPortsDetector(Detector detector, List<PortRange> excluded) {
        this.detector = detector;
        this.excluded = excluded;
    }

    /** {@code detector} itself where nothing is excluded. */
    public static Detector of(Detector detector, List<PortRange> excluded) {
        return excluded.isEmpty() ? detector : new ExcludedPortsDetector(detector, new ArrayList<>(excluded));
    }

    @Override
    public String name() {
        return detector.name();
    }

    @Override
    public boolean batches() {
        return detector.batches();
    }

    @Override
    public Verdict probe(InetAddress address, int port) {
        PortRange range = HostResolver.isLocal(address) ? containing(port) : null;
        return range == null ? detector.probe(address, port) : new Verdict(Status.RESERVED, address, port,
                "reserved by the system (excluded port range " + range + ", e.g. for Hyper-V, WSL or Docker)");
    }

    @Override
    public Verdict[] probeAll(InetAddress address, int[] ports) {
        if (!HostResolver.isLocal(address)) {
            return detector.probeAll(address, ports);
        }
        int[] open = new int[ports.length];
        int n = 0;
        for (int port : ports) {
            if (containing(port) == null) {
                open[n++] = port;
            }
        }
        Verdict[] probed = detector.probeAll(address, java.util.Arrays.copyOf(open, n));
        Verdict[] verdicts = new Verdict[ports.length];
        for (int i = 0, j = 0; i < ports.length; i++) {
            verdicts[i] = containing(ports[i]) == null ? probed[j++] : probe(address, ports[i]);
        }
        return verdicts;
    }

    private PortRange containing(int port) {
        for (PortRange r : excluded) {
            if (r.contains(port)) {
                return r;
            }
        }
        return null;
    }
}
