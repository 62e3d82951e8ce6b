package io.github.portcheck.check;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.probe.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What the check decided for one entry; made by the factories below, each for one outcome. */
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

    private final PortRequest request;
    private final String host;
    private final String detector;
    private final Outcome outcome;
    private final List<Integer> ports;
    private final List<Verdict> verdicts;
    private final List<Verdict> conflicts;
    private final int tried;
    private final List<Verdict> passedOver;
    private final int notFree;
    private final Holder holder;

    private EntryResult(PortRequest request, String host, String detector, Outcome outcome, List<Integer> ports,
            List<Verdict> verdicts, List<Verdict> conflicts, int tried, List<Verdict> passedOver, int notFree,
            Holder holder) {
        this.request = request;
        this.host = host;
        this.detector = detector;
        this.outcome = outcome;
        this.ports = Collections.unmodifiableList(ports);
        this.verdicts = Collections.unmodifiableList(verdicts);
        this.conflicts = Collections.unmodifiableList(conflicts);
        this.tried = tried;
        this.passedOver = Collections.unmodifiableList(passedOver);
        this.notFree = notFree;
        this.holder = holder;
    }

    /** A fixed port that probed free. */
    static EntryResult free(PortRequest request, String host, String detector, Verdict free) {
        return new EntryResult(request, host, detector, Outcome.FREE, portsOf(Collections.singletonList(free)),
                Collections.singletonList(free), none(), 1, none(), 0);
    }

    /** A free port or block that a walk over a range or the pool found, after the ports it passed over. */
    static EntryResult found(PortRequest request, String host, String detector, PortChooser.Choice found) {
        return new EntryResult(request, host, detector, Outcome.FREE, portsOf(found.verdicts()), found.verdicts(),
                none(), found.tried(), found.passedOver(), found.notFree());
    }

    /** A port or block found elsewhere than configured, because of {@code conflicts}. */
    static EntryResult reassigned(PortRequest request, String host, String detector, PortChooser.Choice found,
            List<Verdict> conflicts, int tried) {
        return new EntryResult(request, host, detector, Outcome.REASSIGNED, portsOf(found.verdicts()),
                found.verdicts(), conflicts, tried, none(), 0);
    }

    /**
     * A conflict: the fixed port or block is taken ({@code conflicts}, its ports in order), or no port of the range
     * or the pool is free (none).
     */
    static EntryResult taken(PortRequest request, String host, String detector, List<Verdict> conflicts, int tried) {
        List<Integer> configured = new ArrayList<>();
        if (request.isFixed()) {
            for (int port = request.range().get().first(); port <= request.range().get().last(); port++) {
                configured.add(port);
            }
        }
        return new EntryResult(request, host, detector, Outcome.TAKEN, configured, none(), conflicts, tried, none(),
                0);
    }

    /** A skipped check's entry: its ports from {@code first}, neither probed nor leased. */
    static EntryResult unchecked(PortRequest request, String host, int first) {
        List<Integer> ports = new ArrayList<>();
        for (int port = first; port < first + request.count(); port++) {
            ports.add(port);
        }
        return new EntryResult(request, host, "-", Outcome.UNCHECKED, ports, none(), none(), 0, none(), 0);
    }

    private EntryResult(PortRequest request, String host, String detector, Outcome outcome, List<Integer> ports,
            List<Verdict> verdicts, List<Verdict> conflicts, int tried, List<Verdict> passedOver, int notFree) {
        this(request, host, detector, outcome, ports, verdicts, conflicts, tried, passedOver, notFree, null);
    }

    private static List<Verdict> none() {
        return Collections.emptyList();
    }

    private static List<Integer> portsOf(List<Verdict> verdicts) {
        List<Integer> ports = new ArrayList<>();
        for (Verdict v : verdicts) {
            ports.add(v.port());
        }
        return ports;
    }

    public PortRequest request() {
        return request;
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
     * The port the entry ends with (a block's first): free, reassigned, unchecked, or the taken fixed port; empty if
     * no port was found.
     */
    public Optional<Integer> port() {
        return ports.isEmpty() ? Optional.<Integer>empty() : Optional.of(ports.get(0));
    }

    /** Every port the entry ends with: one, or a block's; the configured ones if they were taken; or none. */
    public List<Integer> ports() {
        return ports;
    }

    /** The free verdict of the (first) port the entry ends with, if it was probed free. */
    public Optional<Verdict> verdict() {
        return verdicts.isEmpty() ? Optional.<Verdict>empty() : Optional.of(verdicts.get(0));
    }

    /** Why the configured port was not usable (TAKEN, REASSIGNED); empty for a range none of whose ports is free. */
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

    /** The process holding the conflicting port, when the holder lookup could name it. */
    public Optional<Holder> holder() {
        return Optional.ofNullable(holder);
    }

    /** This result naming the holder of its conflicting port. */
    EntryResult withHolder(Holder named) {
        return new EntryResult(request, host, detector, outcome, ports, verdicts, conflicts, tried, passedOver,
                notFree, named);
    }

    /** The verdicts a report shows besides the port found: the conflicts and the ports passed over. */
    List<Verdict> shownVerdicts() {
        List<Verdict> shown = new ArrayList<>(conflicts);
        shown.addAll(passedOver);
        return shown;
    }

    /** This result with {@code rename} applied to the verdicts of its conflicts and of the ports passed over. */
    EntryResult withVerdicts(UnaryOperator<Verdict> rename) {
        return new EntryResult(request, host, detector, outcome, ports, verdicts, map(conflicts, rename), tried,
                map(passedOver, rename), notFree, holder);
    }

    private static List<Verdict> map(List<Verdict> verdicts, UnaryOperator<Verdict> rename) {
        List<Verdict> mapped = new ArrayList<>(verdicts.size());
        for (Verdict v : verdicts) {
            mapped.add(rename.apply(v));
        }
        return mapped;
    }
}
