package io.github.portcheck.check;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.PortSpec;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What the check decided for one entry. */
public final class EntryResult {

    /** The decision for an entry. */
    public enum Outcome {
        /** The port (fixed, or chosen from a range or the pool) is free. */
        FREE,
        /** The configured port was taken and the entry got another free one. */
        REASSIGNED,
        /** The port is taken, or no port of the range is free: a conflict. */
        TAKEN,
        /** The check was skipped: the port is the configured one, neither probed nor leased. */
        UNCHECKED
    }

    private final PortSpec spec;
    private final String host;
    private final String detector;
    private final Outcome outcome;
    private final Verdict verdict;
    private final Verdict conflict;
    private final int tried;
    private final List<Verdict> passedOver;
    private Holder holder;

    EntryResult(PortSpec spec, String host, String detector, Outcome outcome, Verdict verdict, Verdict conflict,
            int tried) {
        this(spec, host, detector, outcome, verdict, conflict, tried, Collections.<Verdict>emptyList());
    }

    /** A free port that a walk over a range or the pool found, after the ports it {@code passedOver}. */
    EntryResult(PortSpec spec, String host, String detector, PortChooser.Choice found) {
        this(spec, host, detector, Outcome.FREE, found.verdict(), null, found.tried(), found.passedOver());
    }

    private EntryResult(PortSpec spec, String host, String detector, Outcome outcome, Verdict verdict,
            Verdict conflict, int tried, List<Verdict> passedOver) {
        this.spec = spec;
        this.host = host;
        this.detector = detector;
        this.outcome = outcome;
        this.verdict = verdict;
        this.conflict = conflict;
        this.tried = tried;
        this.passedOver = passedOver;
    }

    public PortSpec spec() {
        return spec;
    }

    public String host() {
        return host;
    }

    public String detector() {
        return detector;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The port the entry ends with: free, reassigned, or the taken fixed port; empty if no port was found. */
    public Optional<Integer> port() {
        if (verdict != null) {
            return Optional.of(verdict.port());
        }
        return spec.range().filter(r -> r.isSingle()).map(r -> r.first());
    }

    /** The free verdict of the port the entry ends with, if it has one. */
    public Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** Why the configured port was not usable (for TAKEN and REASSIGNED); empty for a range none of whose ports is free. */
    public Optional<Verdict> conflict() {
        return Optional.ofNullable(conflict);
    }

    /** How many ports were probed to decide. */
    public int tried() {
        return tried;
    }

    /** For a port found in a range or the pool: the first few ports tried before it, not free, with why. */
    public List<Verdict> passedOver() {
        return passedOver;
    }

    /** The process holding the conflicting port, when the holder lookup could name it. */
    public Optional<Holder> holder() {
        return Optional.ofNullable(holder);
    }

    void holder(Holder holder) {
        this.holder = holder;
    }
}
