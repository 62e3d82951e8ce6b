package io.github.portcheck.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** A host as the user named it, resolved to the addresses to probe and the detector for each. */
public final class ProbeTarget {

    /** One address and the detector that probes it. */
    static final class Endpoint {
        final InetAddress address;
        final Detector detector;

        Endpoint(InetAddress address, Detector detector) {
            this.address = address;
            this.detector = detector;
        }
    }

    private final String host;
    private final List<Endpoint> endpoints;

    ProbeTarget(String host, List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no address to probe for " + host);
        }
        this.host = host;
        this.endpoints = Collections.unmodifiableList(new ArrayList<>(endpoints));
    }

    /** The host as written by the user, e.g. {@code localhost} or {@code db.example.com}. */
    public String host() {
        return host;
    }

    /** The detectors used, e.g. "bind", or "bind+connect" for a host with local and remote addresses. */
    public String detectorName() {
        Set<String> names = new LinkedHashSet<>();
        for (Endpoint p : endpoints) {
            names.add(p.detector.name());
        }
        return String.join("+", names);
    }

    /** True when every address belongs to this machine: its ports are ones that a lease can protect. */
    public boolean isLocal() {
        for (Endpoint p : endpoints) {
            if (!HostResolver.isLocal(p.address)) {
                return false;
            }
        }
        return true;
    }

    /** True when probing many ports at once is cheaper than one at a time (connect probes). */
    public boolean batches() {
        for (Endpoint p : endpoints) {
            if (!p.detector.batches()) {
                return false;
            }
        }
        return true;
    }

    /** {@link #probe} for several ports, each address probing them all at once where its detector can. */
    public Verdict[] probeAll(int[] ports) {
        List<Verdict[]> perAddress = new ArrayList<>(endpoints.size());
        for (Endpoint p : endpoints) {
            perAddress.add(p.detector.probeAll(p.address, ports));
        }
        Verdict[] combined = new Verdict[ports.length];
        List<Verdict> one = new ArrayList<>(endpoints.size());
        for (int i = 0; i < ports.length; i++) {
            one.clear();
            for (Verdict[] verdicts : perAddress) {
                one.add(verdicts[i]);
            }
            combined[i] = Verdicts.combine(one);
        }
        return combined;
    }

    /**
     * {@link #probe}, every address at once on {@code pool}: for probes that may wait on an answer, such as an
     * accepted connection watched for a moment. Interrupted, it answers "interrupted" and keeps the interrupt.
     */
    public Verdict probe(int port, ExecutorService pool) {
        if (endpoints.size() == 1) {
            return probe(port);
        }
        List<Future<Verdict>> answers = new ArrayList<>(endpoints.size());
        for (Endpoint p : endpoints) {
            answers.add(pool.submit(() -> p.detector.probe(p.address, port)));
        }
        List<Verdict> verdicts = new ArrayList<>(endpoints.size());
        try {
            for (Future<Verdict> answer : answers) {
                verdicts.add(answer.get());
            }
        } catch (InterruptedException e) {
            answers.forEach(a -> a.cancel(true));
            Thread.currentThread().interrupt();
            return new Verdict(Verdict.Status.UNREACHABLE, null, port, "interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe of port " + port + " failed", e.getCause());
        }
        return Verdicts.combine(verdicts);
    }

    /** Probes every address of the host and combines: free only if each probed address is free. */
    public Verdict probe(int port) {
        List<Verdict> verdicts = new ArrayList<>(endpoints.size());
        for (Endpoint p : endpoints) {
            verdicts.add(p.detector.probe(p.address, port));
        }
        return Verdicts.combine(verdicts);
    }
}
