package io.github.portcheck.check;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.probe.ProbeTarget;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.probe.Verdict;
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
 * Checks a list of entries: resolves every host first (so a bad host fails before any probe), leases and probes,
 * applies the conflict policy, and names the holders of conflicting ports with one lookup.
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
    public PortCheck waitingForRelease(long timeoutMillis, Consumer<String> progress) {
        return timeoutMillis <= 0 ? this : new PortCheck(resolver, chooser, holders, leases, owner, notes,
                new ReleaseWait(timeoutMillis, progress));
    }

    /**
     * This check, leasing every local port before it probes it: a port leased by another module or another build
     * counts as taken, and a free port stays this module's own until the module ends.
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
     * @param requests    the entries
     * @param defaultHost the host of entries that name none
     * @param detector    the detector of entries that name none
     * @param policy      what a conflict does
     * @throws LeaseDirectoryException where the lease file proved unusable: the search ends at once, as no port
     *                                 could be leased
     */
    public CheckResult run(List<PortRequest> requests, String defaultHost, DetectorChoice detector,
            ConflictPolicy policy) throws HostNotFoundException, NotLocalHostException, LeaseDirectoryException {
        Map<PortRequest, ProbeTarget> targets = resolveAll(requests, defaultHost, detector);
        try {
            return decide(requests, targets, policy);
        } catch (LeaseThenProbe.LeasesUnusable e) {
            throw e.cause();
        }
    }

    private CheckResult decide(List<PortRequest> requests, Map<PortRequest, ProbeTarget> targets,
            ConflictPolicy policy) {
        List<EntryResult> results = new ArrayList<>();
        // Ports this check has already handed out or been told to use: two entries never share a chosen port.
        Set<Integer> used = new HashSet<>();
        for (PortRequest request : requests) {
            if (request.isFixed()) {
                for (int port = request.range().get().first(); port <= request.range().get().last(); port++) {
                    used.add(port);
                }
            }
        }
        Walk walk = new Walk(used, releaseWait.deadline());
        for (PortRequest request : requests) {
            EntryResult result = decide(request, targets.get(request), policy, walk);
            used.addAll(result.ports());
            results.add(result);
        }
        results = nameHolders(nameLeaseHolders(results, walk.heldElsewhere));
        List<String> warnings = new ArrayList<>(notes);
        warnings.addAll(warnings());
        return new CheckResult(results, policy, warnings, chooser.pool().segments());
    }

    /** What the entries of one check share: the ports handed out, those this check leased, those held elsewhere. */
    private static final class Walk {
        final Set<Integer> used;
        final Set<Integer> leasedHere = new HashSet<>();
        final Set<Integer> heldElsewhere = new HashSet<>();
        final long releaseDeadline;

        Walk(Set<Integer> used, long releaseDeadline) {
            this.used = used;
            this.releaseDeadline = releaseDeadline;
        }
    }

    private Map<PortRequest, ProbeTarget> resolveAll(List<PortRequest> requests, String defaultHost,
            DetectorChoice detector) throws HostNotFoundException, NotLocalHostException {
        Map<String, ProbeTarget> byHost = new HashMap<>();
        Map<PortRequest, ProbeTarget> targets = new LinkedHashMap<>();
        for (PortRequest request : requests) {
            String host = request.host().orElse(defaultHost);
            DetectorChoice choice = request.detector().orElse(detector);
            String key = host + " " + choice;
            ProbeTarget target = byHost.get(key);
            if (target == null) {
                target = resolver.resolve(host, choice);
                byHost.put(key, target);
            }
            targets.put(request, target);
        }
        return targets;
    }

    /** How ports of {@code target} are tested: leased and probed where local, else probed, in batches if it can. */
    private PortChooser.Tester tester(ProbeTarget target, Walk walk) {
        if (leases != null && target.isLocal()) {
            return new LeaseThenProbe(target, leases, owner, walk.leasedHere, walk.heldElsewhere);
        }
        if (!target.batches()) {
            return target::probe;
        }
        return new PortChooser.Tester() {
            @Override
            public Verdict test(int port) {
                return target.probe(port);
            }

            @Override
            public Verdict[] testAll(int[] ports) {
                return target.probeAll(ports);
            }

            @Override
            public int batch() {
                return LeaseThenProbe.BATCH;
            }
        };
    }

    private EntryResult decide(PortRequest request, ProbeTarget target, ConflictPolicy policy, Walk walk) {
        PortChooser.Tester tester = tester(target, walk);
        String host = target.host();
        String detector = target.detectorName();
        boolean mayReassign = policy == ConflictPolicy.REASSIGN && request.name().isPresent() && !request.pinned();
        if (request.isBlock()) {
            return block(request, host, detector, mayReassign, walk.used, tester);
        }
        if (!request.range().isPresent()) {
            PortChooser.Choice any = chooser.anyFree(walk.used, tester);
            return any.found() ? EntryResult.found(request, host, detector, any)
                    : EntryResult.taken(request, host, detector, Collections.<Verdict>emptyList(), any.tried());
        }
        PortRange range = request.range().get();
        List<Verdict> conflict = Collections.emptyList();
        int tried;
        if (range.isSingle()) {
            Verdict v = tester.test(range.first());
            if (!v.isFree()) {
                v = releaseWait.until(walk.releaseDeadline, "port " + range.first() + request.name()
                        .map(n -> " (" + n + ")").orElse("") + " on " + host, range.first(), tester, v);
            }
            if (v.isFree()) {
                return EntryResult.free(request, host, detector, v);
            }
            conflict = Collections.singletonList(v);
            tried = 1;
        } else {
            PortChooser.Choice first = chooser.firstFree(range, walk.used, tester);
            if (first.found()) {
                return EntryResult.found(request, host, detector, first);
            }
            tried = first.tried();
        }
        if (mayReassign) {
            PortChooser.Choice any = chooser.anyFree(walk.used, tester);
            if (any.found()) {
                return EntryResult.reassigned(request, host, detector, any, conflict, tried + any.tried());
            }
            tried += any.tried();
        }
        return EntryResult.taken(request, host, detector, conflict, tried);
    }

    /**
     * A block: the first free one of its range (a fixed block is a range of its own size), or any from the pool;
     * under reassign, a block whose range has none moves to the pool as a whole.
     */
    private EntryResult block(PortRequest request, String host, String detector, boolean mayReassign,
            Set<Integer> used, PortChooser.Tester tester) {
        if (!request.range().isPresent()) {
            PortChooser.Choice any = chooser.anyBlock(request.count(), used, tester);
            return any.found() ? EntryResult.found(request, host, detector, any)
                    : EntryResult.taken(request, host, detector, Collections.<Verdict>emptyList(), any.tried());
        }
        PortRange range = request.range().get();
        // A fixed block checks each of its own ports whatever else the check hands out, as a fixed port does, and
        // its conflicts are its taken ports; a range that holds no free block has none in particular.
        PortChooser.Choice first = request.isFixed() ? chooser.wholeBlock(range, tester)
                : chooser.firstBlock(range, request.count(), used, tester);
        if (first.found()) {
            return EntryResult.found(request, host, detector, first);
        }
        List<Verdict> conflicts = request.isFixed() ? first.passedOver() : Collections.<Verdict>emptyList();
        int tried = first.tried();
        if (mayReassign) {
            PortChooser.Choice any = chooser.anyBlock(request.count(), used, tester);
            if (any.found()) {
                return EntryResult.reassigned(request, host, detector, any, conflicts, tried + any.tried());
            }
            tried += any.tried();
        }
        return EntryResult.taken(request, host, detector, conflicts, tried);
    }

    /**
     * Names the process holding each lease of another build that the report shows (a conflict, a port passed over),
     * with one bounded lookup for all: looked up while claiming, a walk over many held ports would read the
     * kernel's list of locks once per port, and any user can make that list long.
     */
    private List<EntryResult> nameLeaseHolders(List<EntryResult> results, Set<Integer> heldElsewhere) {
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
        Map<Integer, String> named = leases.holders(shown);
        List<EntryResult> renamed = new ArrayList<>(results.size());
        for (EntryResult r : results) {
            renamed.add(r.withVerdicts(v -> v.status() == Status.LEASED && heldElsewhere.contains(v.port())
                    && named.containsKey(v.port())
                    ? new Verdict(Status.LEASED, v.address(), v.port(), v.reason() + " (" + named.get(v.port()) + ")")
                    : v));
        }
        return renamed;
    }

    /** One holder lookup for every port that is taken or was reassigned away from. */
    private List<EntryResult> nameHolders(List<EntryResult> results) {
        Set<Integer> ports = new HashSet<>();
        for (EntryResult r : results) {
            r.conflict().filter(PortCheck::mayHaveHolder).ifPresent(v -> ports.add(v.port()));
        }
        if (ports.isEmpty()) {
            return results;
        }
        Map<Integer, Holder> found = holders.find(ports);
        List<EntryResult> named = new ArrayList<>(results.size());
        for (EntryResult r : results) {
            named.add(r.conflict().filter(PortCheck::mayHaveHolder).map(v -> r.withHolder(found.get(v.port())))
                    .orElse(r));
        }
        return named;
    }

    private static boolean mayHaveHolder(Verdict v) {
        // A denied bind says nothing of a listener; the lookup tells whether one is there too.
        return v.status() == Status.IN_USE || v.status() == Status.DENIED || v.status() == Status.RESERVED
                || v.status() == Status.NO_ANSWER;
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
