package io.github.portcheck.check;

import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The decisions of one check, the properties to export, and what the user should know. */
public final class CheckResult {
    private final List<EntryResult> entries;
    private final ConflictPolicy policy;
    private final List<String> warnings;
    private final List<PortRange> anyPool;
    private final boolean skipped;

    /** @param anyPool the ports that "any free port" entries and {@code reassign} took from */
    CheckResult(List<EntryResult> entries, ConflictPolicy policy, List<String> warnings, List<PortRange> anyPool) {
        this(entries, policy, warnings, anyPool, false);
    }

    private CheckResult(List<EntryResult> entries, ConflictPolicy policy, List<String> warnings,
            List<PortRange> anyPool, boolean skipped) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.policy = policy;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
        this.anyPool = Collections.unmodifiableList(new ArrayList<>(anyPool));
        this.skipped = skipped;
    }

    /** A skipped check: every entry {@link EntryResult.Outcome#UNCHECKED}, nothing probed, nothing to fail. */
    static CheckResult skipped(List<EntryResult> entries) {
        return new CheckResult(entries, ConflictPolicy.FAIL, Collections.<String>emptyList(),
                Collections.<PortRange>emptyList(), true);
    }

    /** Whether the check was skipped: the ports are exported as configured, unchecked. */
    public boolean skipped() {
        return skipped;
    }

    public List<EntryResult> entries() {
        return entries;
    }

    public ConflictPolicy policy() {
        return policy;
    }

    /** Where "any free port" was searched: the pool's ranges, e.g. [10000-32767, 61000-65535]. */
    public List<PortRange> anyPool() {
        return anyPool;
    }

    /** Things the user should act on that are not conflicts, e.g. IPv6 listeners this JVM cannot see. */
    public List<String> warnings() {
        return warnings;
    }

    public List<EntryResult> conflicts() {
        List<EntryResult> taken = new ArrayList<>();
        for (EntryResult e : entries) {
            if (e.outcome() == Outcome.TAKEN) {
                taken.add(e);
            }
        }
        return taken;
    }

    /** True when the build must stop: a conflict under {@code fail} or {@code reassign}. */
    public boolean failed() {
        return !skipped && policy != ConflictPolicy.WARN && !conflicts().isEmpty();
    }

    /**
     * Property name to value, sorted by name. A named entry exports the port it ends with, a block its first and
     * last port and the list of its ports; under {@code warn} a taken fixed port is exported as configured (the
     * user chose to go on with it); an entry that found no port exports nothing. A failed check exports nothing.
     */
    public SortedMap<String, String> exports() {
        SortedMap<String, String> exports = new TreeMap<>();
        if (failed()) {
            return exports;
        }
        for (EntryResult e : entries) {
            List<Integer> ports = e.ports();
            if (!e.request().name().isPresent() || ports.isEmpty()) {
                continue;
            }
            String name = e.request().name().get();
            if (!e.request().isBlock()) {
                exports.put(name, Integer.toString(ports.get(0)));
                continue;
            }
            StringBuilder list = new StringBuilder();
            for (int port : ports) {
                list.append(list.length() == 0 ? "" : ",").append(port);
            }
            exports.put(name + PortRequest.FIRST, Integer.toString(ports.get(0)));
            exports.put(name + PortRequest.LAST, Integer.toString(ports.get(ports.size() - 1)));
            exports.put(name + PortRequest.LIST, list.toString());
        }
        return exports;
    }
}
