package io.github.portcheck.probe;

import java.net.InetAddress;

/** Answers one question, "is this port free on this address?", with a reason. */
public interface Detector {

    /** The name users write in {@code portcheck.detector} and see in the report. */
    String name();

    /** Probes one port on one address; never throws for what the network answers. */
    Verdict probe(InetAddress address, int port);
}
