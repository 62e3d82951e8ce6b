package io.github.portcheck.probe;

import java.net.InetAddress;

/** Answers one question, "is this port free on this address?", with a reason. */
public interface Detector {

    /** The name users write in {@code portcheck.detector} and see in the report. */
    String name();

    /** Probes one port on one address; never throws for what the network answers. */
    Verdict probe(InetAddress address, int port);

    /** Probes several ports of one address; one after the other unless the detector can do better. */
    default Verdict[] probeAll(InetAddress address, int[] ports) {
        Verdict[] verdicts = new Verdict[ports.length];
        for (int i = 0; i < ports.length; i++) {
            verdicts[i] = probe(address, ports[i]);
        }
        return verdicts;
    }

    /** True when {@link #probeAll} is cheaper per port than {@link #probe}, so that walks should use it. */
    default boolean batches() {
        return false;
    }
}
