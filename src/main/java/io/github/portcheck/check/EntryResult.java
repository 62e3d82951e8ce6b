package io.github.portcheck.check;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.PortSpec;
import java.util.ArrayList;
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
    private final List<Verdict> verdicts;
    private final List<Verdict> conflicts;
    private final int tried;
    private final List<Verdict> passedOver;
    private final int notFree;
    private Holder holder;

    EntryResult(PortSpec spec, String host, String detector, Outcome outcome, Verdict verdict, Verdict conflict,
            int tried) {
        this(spec, host, detector, outcome, verdict == null ? Collections.<Verdict>emptyList()
                : Collections.singletonList(verdict), conflict == null ? Collections.<Verdict>emptyList()
                        : Collections.singletonList(conflict), tried, Collections.<Verdict>emptyList(), 0);
    }

    /** A free port or block that a walk over a range or the pool found, after the ports it {@code passedOver}. */
    EntryResult(PortSpec spec, String host, String detector, PortChooser.Choice found) {
        this(spec, host, detector, Outcome.FREE, found.verdicts(), Collections.<Verdict>emptyList(), found.tried(), found.passedOver(),
                found.notFree());
    }

    /** A port or block found elsewhere than configured, because of {@code conflicts}. */
    EntryResult(PortSpec spec, String host, String detector, PortChooser.Choice found, List<Verdict> conflicts,
            int tried) {
        this(spec, host, detector, Outcome.REASSIGNED, found.verdicts(), conflicts, tried,
                Collections.<Verdict>emptyList(), 0);
    }

    EntryResult(PortSpec spec, String host, String detector, Outcome outcome, List<Verdict> verdicts,
            List<Verdict> conflicts, int tried, List<Verdict> passedOver, int notFree) {
        this.spec = spec;
        this.host = host;
        this.detector = detector;
        this.outcome = outcome;
        this.verdicts = verdicts;
        this.conflicts = conflicts;
        this.tried = tried;
        this.passedOver = passedOver;
        this.notFree = notFree;
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

    /**
     * The port the entry ends with (a block's first): free, reassigned, or the taken fixed port; empty if no port
     * was found.
     */
    public Optional<Integer> port() {
        List<Integer> ports = ports();
        return ports.isEmpty() ? Optional.<Integer>empty() : Optional.of(ports.get(0));
    }

    /** Every port the entry ends with: one, or a block's; the configured ones if they were taken; or none. */
    public List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        if (!verdicts.isEmpty()) {
            for (Verdict v : verdicts) {
                ports.add(v.port());
            }
        } else if (spec.range().isPresent() && spec.range().get().size() == spec.count()) {
            for (int port = spec.range().get().first(); port <= spec.range().get().last(); port++) {
                ports.add(port);
            }
        }
        return ports;
    }

    /** The free verdict of the (first) port the entry ends with, if it has one. */
    public Optional<Verdict> verdict() {
        return verdicts.isEmpty() ? Optional.<Verdict>empty() : Optional.of(verdicts.get(0));
    }

    /** Why the configured port was not usable (for TAKEN and REASSIGNED); empty for a range none of whose ports is free. */
    public Optional<Verdict> conflict() {
        return conflicts.isEmpty() ? Optional.<Verdict>empty() : Optional.of(conflicts.get(0));
    }

    /** Every taken port of a fixed block, the first being {@link #conflict()}; the conflict alone otherwise. */
    public List<Verdict> conflicts() {
        return conflicts;
    }

    /** How many ports were probed to decide. */
    public int tried() {
        return tried;
    }

    /** For a port found in a range or the pool: the first few ports tried before it, not free, with why. */
    public List<Verdict> passedOver() {
        return passedOver;
    }

    /** How many ports the walk found not free before the port it chose: those of {@link #passedOver()}, and more. */
    public int notFree() {
        return notFree;
    }

    /** The verdicts a report shows besides the port found: the conflicts and the ports passed over. */
    List<Verdict> shownVerdicts() {
        List<Verdict> shown = new ArrayList<>(conflicts);
        shown.addAll(passedOver);
        return shown;
    }

    /** This result with {@code rename} applied to the verdicts of its conflicts and of the ports passed over. */
    EntryResult withVerdicts(java.util.function.UnaryOperator<Verdict> rename) {
        EntryResult renamed = new EntryResult(spec, host, detector, outcome, verdicts, map(conflicts, rename), tried,
                map(passedOver, rename), notFree);
        renamed.holder = holder;
        return renamed;
    }

    private static List<Verdict> map(List<Verdict> verdicts, java.util.function.UnaryOperator<Verdict> rename) {
        List<Verdict> mapped = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            mapped.add(rename.apply(v));
        }
        return mapped;
    }

    /** The process holding the conflicting port, when the holder lookup could name it. */
    public Optional<Holder> holder() {
        return Optional.ofNullable(holder);
    }

    void holder(Holder holder) {
        this.holder = holder;
    }
}
