package io.github.portcheck.spec;

import java.util.ArrayList;
import java.util.List;

/** Lists of ports as users write them ({@code 8080,9000-9100}), and what is left of a range without some. */
public final class PortSet {
    private PortSet() {
    }

    /** Parses a comma-separated list of ports and ranges; null or blank is the empty list. */
    static List<PortRange> parse(Setting setting, String text) throws ConfigurationException {
        List<PortRange> ranges = new ArrayList<>();
        if (text == null || text.trim().isEmpty()) {
            return ranges;
        }
        for (String part : text.split(",", -1)) {
            PortRange range = range(part.trim());
            if (range == null) {
                throw new ConfigurationException(setting, text, "'" + part.trim() + "' is not a port or a range of"
                        + " ports", "ports and ranges separated by commas, e.g. 8080,9000-9100, each port 1-65535");
            }
            ranges.add(range);
        }
        return ranges;
    }

    /** {@code PORT} or {@code FIRST-LAST}, or null when the text is neither. */
    static PortRange range(String text) {
        String[] bounds = text.split("-", -1);
        try {
            if (bounds.length == 1) {
                return PortRange.single(Integer.parseInt(bounds[0].trim()));
            }
            if (bounds.length == 2) {
                return PortRange.of(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
            }
        } catch (IllegalArgumentException e) { // also NumberFormatException
            // neither
        }
        return null;
    }

    /** The ports of {@code base} in none of {@code excluded}, as ascending disjoint ranges. */
    public static List<PortRange> minus(PortRange base, List<PortRange> excluded) {
        List<PortRange> segments = new ArrayList<>();
        segments.add(base);
        for (PortRange cut : excluded) {
            List<PortRange> next = new ArrayList<>();
            for (PortRange r : segments) {
                if (cut.last() < r.first() || cut.first() > r.last()) {
                    next.add(r);
                    continue;
                }
                if (cut.first() > r.first()) {
                    next.add(PortRange.of(r.first(), cut.first() - 1));
                }
                if (cut.last() < r.last()) {
                    next.add(PortRange.of(cut.last() + 1, r.last()));
                }
            }
            segments = next;
        }
        return segments;
    }

    /**
     * A range the user gave that {@code exclude} leaves no port of (or, for a block, no run of contiguous ports
     * long enough) is a mistake: nothing could ever be chosen from it. A fixed port is checked even if excluded.
     */
    static void checkNotAllExcluded(List<PortSpec> specs, PortRange portRange, List<PortRange> excluded)
            throws ConfigurationException {
        if (excluded.isEmpty()) {
            return;
        }
        if (portRange != null && minus(portRange, excluded).isEmpty()) {
            throw new ConfigurationException(names -> "Every port of " + names.of(Setting.PORT_RANGE) + " "
                    + portRange + " is in " + names.of(Setting.EXCLUDE) + ", so no port could be chosen from it."
                    + " Narrow the exclusions or widen the range.");
        }
        for (PortSpec spec : specs) {
            if (!spec.range().isPresent() || spec.range().get().size() == spec.count()) {
                continue; // any free port, or a fixed port or block: checked as given
            }
            PortRange range = spec.range().get();
            int longest = 0;
            for (PortRange segment : minus(range, excluded)) {
                longest = Math.max(longest, segment.size());
            }
            if (longest < spec.count()) {
                String what = spec.isBlock() ? "no " + spec.count() + " contiguous ports of " + range + " are outside"
                        : "every port of " + range + " is in";
                throw new ConfigurationException(names -> String.format("Invalid value '%s' for %s: %s %s, so"
                        + " nothing could be chosen from it. Allowed: a range with ports outside the exclusions.",
                        spec.text(), names.of(Setting.PORTS), what, names.of(Setting.EXCLUDE)));
            }
        }
    }
}
