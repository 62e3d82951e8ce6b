package io.github.portcheck.check;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.ConflictPolicy;
import io.github.portcheck.spec.PortRange;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.wait.PortWaiter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a list of entries: resolves every host first (so a bad host fails before any probe), probes, applies
 * the conflict policy, and names the holders of conflicting ports with one lookup.
 */
public final class PortCheck {
    private final HostResolver resolver;
    private final PortChooser chooser;
    private final HolderLookup holders;
    private final LeaseBook leases;
    private final LeaseOwner owner;
    private final List<String> notes;
    private final ReleaseWait releaseWait;

    public PortCheck(HostResolver resolver, PortChooser chooser, HolderLookup holders) {
        this(resolver, chooser, holders, null, null, Collections.<String>emptyList(), ReleaseWait.NONE);
    }

    private PortCheck(HostResolver resolver, PortChooser chooser, HolderLookup holders, LeaseBook leases,
            LeaseOwner owner, List<String> notes, ReleaseWait releaseWait) {
        this.resolver = resolver;
        this.chooser = chooser;
        this.holders = holders;
        this.leases = leases;
        this.owner = owner;
        this.notes = notes;
        this.releaseWait = releaseWait;
    }

    /**
     * This check, giving a taken fixed port up to {@code timeoutMillis} (for all such ports together) to be
     * released before it counts as a conflict, e.g. while the server of a previous build shuts down.
     */
    public PortCheck waitingForRelease(long timeoutMillis, long intervalMillis, Consumer<String> progress) {
        if (timeoutMillis <= 0) {
            return this;
        }
        return new PortCheck(resolver, chooser, holders, leases, owner, notes,
                new ReleaseWait(new PortWaiter(null), timeoutMillis, intervalMillis, progress));
    }

    /**
     * This check, leasing every local port before it probes it: a port leased by another module or another
     * build counts as taken, and a free port stays this module's own until the module ends.
     *
     * @param owner the module that runs this check
     */
    public PortCheck leasingFrom(LeaseBook book, LeaseOwner owner) {
        return new PortCheck(resolver, chooser, holders, book, owner, notes, releaseWait);
    }

    /** This check, with warnings its set-up found, reported with its result. */
    public PortCheck withWarnings(List<String> warnings) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(warnings);
        return new PortCheck(resolver, chooser, holders, leases, owner, all, releaseWait);
    }

    /**
     * @param specs       the parsed entries
     * @param defaultHost the host of entries that name none (the {@code host} parameter)
     * @param policy      what a conflict does
     * @throws LeaseDirectoryException where the lease file proved unusable: the search ends at once, as no port
     *                                 could be leased
     */
    public CheckResult run(List<PortSpec> specs, String defaultHost, ConflictPolicy policy)
            throws ConfigurationException, LeaseDirectoryException {
        try {
            return runLeasing(specs, defaultHost, policy);
        } catch (LeasingProber.LeasesUnusable e) {
            throw e.cause();
        }
    }

    private CheckResult runLeasing(List<PortSpec> specs, String defaultHost, ConflictPolicy policy)
            throws ConfigurationException {
        Map<PortSpec, ProbeTarget> targets = resolveAll(specs, defaultHost);
        List<EntryResult> results = new ArrayList<>();
        // Ports this check has already handed out or been told to use: two entries never share a chosen port.
        Set<Integer> used = new HashSet<>();
        for (PortSpec spec : specs) {
            spec.range().filter(r -> r.size() == spec.count()).ifPresent(r -> {
                for (int port = r.first(); port <= r.last(); port++) {
                    used.add(port);
                }
            });
        }
        Set<Integer> leasedHere = new HashSet<>();
        Set<Integer> heldElsewhere = new HashSet<>();
        long releaseDeadline = releaseWait.deadline();
        for (PortSpec spec : specs) {
            EntryResult result = check(spec, targets.get(spec), policy, used, leasedHere, heldElsewhere,
                    releaseDeadline);
            used.addAll(result.ports());
            results.add(result);
        }
        results = nameLeaseHolders(results, heldElsewhere);
        nameHolders(results);
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(warnings());
        return new CheckResult(results, policy, warnings, chooser.pool().segments());
    }

    private Map<PortSpec, ProbeTarget> resolveAll(List<PortSpec> specs, String defaultHost)
            throws ConfigurationException {
        Map<String, ProbeTarget> byHost = new HashMap<>();
        Map<PortSpec, ProbeTarget> targets = new LinkedHashMap<>();
        for (PortSpec spec : specs) {
            String key = spec.host().orElse(defaultHost) + " " + spec.detector().map(Enum::name).orElse("");
            ProbeTarget target = byHost.get(key);
            if (target == null) {
                target = resolver.resolve(spec, defaultHost);
                byHost.put(key, target);
            }
            targets.put(spec, target);
        }
        return targets;
    }

    /** A prober for connect targets without leases (remote hosts): many ports per round. */
    private static PortChooser.Prober batching(ProbeTarget target) {
        return new PortChooser.Prober() {
            @Override
            public Verdict probe(int port) {
                return target.probe(port);
            }

            @Override
            public Verdict[] probeAll(int[] ports) {
                return target.probeAll(ports);
            }

            @Override
            public int batch() {
                return LeasingProber.BATCH;
            }
        };
    }

    private EntryResult check(PortSpec spec, ProbeTarget target, ConflictPolicy policy, Set<Integer> used,
            Set<Integer> leasedHere, Set<Integer> heldElsewhere, long releaseDeadline) {
        PortChooser.Prober probe = leases != null && target.isLocal()
                ? new LeasingProber(target, leases, owner, leasedHere, heldElsewhere) : target.batches()
                ? batching(target) : target::probe;
        String host = target.host();
        String detector = target.detectorName();
        boolean mayReassign = policy == ConflictPolicy.REASSIGN && spec.name().isPresent() && !spec.pinned();
        if (spec.isBlock()) {
            return block(spec, host, detector, mayReassign, used, probe);
        }
        if (!spec.range().isPresent()) {
            PortChooser.Choice any = chooser.anyFree(used, probe);
            return any.found()
                    ? new EntryResult(spec, host, detector, any)
                    : new EntryResult(spec, host, detector, Outcome.TAKEN, null, null, any.tried());
        }
        PortRange range = spec.range().get();
        Verdict conflict = null;
        int tried;
        if (range.isSingle()) {
            Verdict v = probe.probe(range.first());
            if (!v.isFree()) {
                v = releaseWait.until(releaseDeadline, "port " + range.first() + spec.name().map(n -> " (" + n + ")")
                        .orElse("") + " on " + host, () -> probe.probe(range.first()), v);
            }
            if (v.isFree()) {
                return new EntryResult(spec, host, detector, Outcome.FREE, v, null, 1);
            }
            conflict = v;
            tried = 1;
        } else {
            PortChooser.Choice first = chooser.firstFree(range, used, probe);
            if (first.found()) {
                return new EntryResult(spec, host, detector, first);
            }
            tried = first.tried();
        }
        if (mayReassign) {
            PortChooser.Choice any = chooser.anyFree(used, probe);
            if (any.found()) {
                return new EntryResult(spec, host, detector, any, one(conflict), tried + any.tried());
            }
            tried += any.tried();
        }
        return new EntryResult(spec, host, detector, Outcome.TAKEN, null, conflict, tried);
    }

    private static List<Verdict> one(Verdict conflict) {
        return conflict == null ? Collections.<Verdict>emptyList() : Collections.singletonList(conflict);
    }

    /**
     * A block: the first free one of its range (a fixed block is a range of its own size), or any from the pool;
     * under reassign, a block whose range has none moves to the pool as a whole.
     */
    private EntryResult block(PortSpec spec, String host, String detector, boolean mayReassign, Set<Integer> used,
            PortChooser.Prober probe) {
        if (!spec.range().isPresent()) {
            PortChooser.Choice any = chooser.anyBlock(spec.count(), used, probe);
            return any.found() ? new EntryResult(spec, host, detector, any)
                    : new EntryResult(spec, host, detector, Outcome.TAKEN, null, null, any.tried());
        }
        PortRange range = spec.range().get();
        // A fixed block checks each of its own ports whatever else the check hands out, as a fixed port does, and
        // its conflicts are its taken ports; a range that holds no free block has none in particular.
        boolean fixed = range.size() == spec.count();
        PortChooser.Choice first = fixed ? chooser.wholeBlock(range, probe)
                : chooser.firstBlock(range, spec.count(), used, probe);
        if (first.found()) {
            return new EntryResult(spec, host, detector, first);
        }
        List<Verdict> conflicts = fixed ? first.passedOver() : Collections.<Verdict>emptyList();
        int tried = first.tried();
        if (mayReassign) {
            PortChooser.Choice any = chooser.anyBlock(spec.count(), used, probe);
            if (any.found()) {
                return new EntryResult(spec, host, detector, any, conflicts, tried + any.tried());
            }
            tried += any.tried();
        }
        return new EntryResult(spec, host, detector, Outcome.TAKEN, Collections.<Verdict>emptyList(), conflicts,
                tried, Collections.<Verdict>emptyList(), 0);
    }

    /**
     * Names the process holding each lease of another build that the report shows (a conflict, a port passed over),
     * with one bounded lookup for all: looked up while claiming, a walk over many held ports would read the
     * kernel's list of locks once per port, and any user can make that list long.
     */
    private List<EntryResult> nameLeaseHolders(List<EntryResult> results, Set<Integer> heldElsewhere) {
        if (heldElsewhere.isEmpty()) {
            return results;
        }
        List<Integer> shown = new ArrayList<>();
        for (EntryResult r : results) {
            for (Verdict v : r.shownVerdicts()) {
                if (v.status() == Status.LEASED && heldElsewhere.contains(v.port())) {
                    shown.add(v.port());
                }
            }
        }
        if (shown.isEmpty()) {
            return results;
        }
        Map<Integer, String> holders = leases.holders(shown);
        List<EntryResult> named = new ArrayList<>(results.size());
        for (EntryResult r : results) {
            named.add(r.withVerdicts(v -> v.status() == Status.LEASED && holders.containsKey(v.port())
                    && heldElsewhere.contains(v.port())
                    ? new Verdict(Status.LEASED, v.address(), v.port(), v.reason() + " (" + holders.get(v.port()) + ")")
                    : v));
        }
        return named;
    }

    /** One holder lookup for every port that is taken or was reassigned away from. */
    private void nameHolders(List<EntryResult> results) {
        Set<Integer> ports = new HashSet<>();
        for (EntryResult r : results) {
            r.conflict().filter(PortCheck::mayHaveHolder).ifPresent(v -> ports.add(v.port()));
        }
        if (ports.isEmpty()) {
            return;
        }
        Map<Integer, Holder> found = holders.find(ports);
        for (EntryResult r : results) {
            r.conflict().filter(PortCheck::mayHaveHolder).ifPresent(v -> r.holder(found.get(v.port())));
        }
    }

    private static boolean mayHaveHolder(Verdict v) {
        // A denied bind says nothing of a listener; the lookup tells whether one is there too.
        return v.status() == Status.IN_USE || v.status() == Status.DENIED || v.status() == Status.NO_ANSWER;
    }

    private static List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (Boolean.getBoolean("java.net.preferIPv4Stack")) {
            warnings.add("This JVM runs with -Djava.net.preferIPv4Stack=true, so it cannot probe IPv6: a port held"
                    + " by a listener on [::1] or another IPv6 address only is reported free. Remove the option"
                    + " from MAVEN_OPTS or .mvn/jvm.config to check IPv6 too.");
        }
        return warnings;
    }
}
