package io.github.portcheck.check;

import io.github.portcheck.check.EntryResult.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The decisions of one check, the properties to export, and what the user should know. */
public final class CheckResult {
    private final List<EntryResult> entries;
    private final ConflictPolicy policy;
    private final List<String> warnings;

    CheckResult(List<EntryResult> entries, ConflictPolicy policy, List<String> warnings) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.policy = policy;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public List<EntryResult> entries() {
        return entries;
    }

    public ConflictPolicy policy() {
        return policy;
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
        return policy != ConflictPolicy.WARN && !conflicts().isEmpty();
    }

    /**
     * Property name to port, sorted by name. A named entry exports the port it ends with; under {@code warn} a
     * taken fixed port is exported as configured (the user chose to go on with it); an entry that found no
     * port exports nothing. A failed check exports nothing.
     */
    public SortedMap<String, Integer> exports() {
        SortedMap<String, Integer> exports = new TreeMap<>();
        if (failed()) {
            return exports;
        }
        for (EntryResult e : entries) {
            if (e.spec().name().isPresent() && e.port().isPresent()) {
                exports.put(e.spec().name().get(), e.port().get());
            }
        }
        return exports;
    }

    /** The same as {@link #exports()}, as strings, ready for {@link java.util.Properties}. */
    public Map<String, String> exportedProperties() {
        Map<String, String> properties = new TreeMap<>();
        exports().forEach((name, port) -> properties.put(name, Integer.toString(port)));
        return properties;
    }
}
