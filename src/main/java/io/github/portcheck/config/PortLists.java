package io.github.portcheck.config;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.List;

/** Lists of ports as users write them ({@code 8080,9000-9100}), and ranges that a list leaves nothing of. */
final class PortLists {
    private PortLists() {
    }

    /** Parses a comma-separated list of ports and ranges; null or blank is the empty list. */
    static List<PortRange> parse(Setting setting, String text) throws ConfigurationException {
        List<PortRange> ranges = new ArrayList<>();
        if (text == null || text.trim().isEmpty()) {
            return ranges;
        }
        for (String part : text.split(",", -1)) {
            PortRange range = PortRange.parse(part);
            if (range == null) {
                throw ConfigurationException.invalid(setting, text, "'" + part.trim() + "' is not a port or a range"
                        + " of ports", "ports and ranges separated by commas, e.g. 8080,9000-9100, each port 1-65535");
            }
            ranges.add(range);
        }
        return ranges;
    }

    /**
     * A range the user gave that {@code exclude} leaves no port of (or, for a block, no run of contiguous ports
     * long enough) is a mistake: nothing could ever be chosen from it. A fixed port is checked even if excluded.
     */
    static void checkNotAllExcluded(List<PortRequest> requests, PortRange portRange, List<PortRange> excluded)
            throws ConfigurationException {
        if (excluded.isEmpty()) {
            return;
        }
        if (portRange != null && PortRange.minus(portRange, excluded).isEmpty()) {
            throw new ConfigurationException(names -> "Every port of " + names.of(Setting.PORT_RANGE) + " "
                    + portRange + " is in " + names.of(Setting.EXCLUDE) + ", so no port could be chosen from it."
                    + " Narrow the exclusions or widen the range.");
        }
        for (PortRequest request : requests) {
            if (!request.range().isPresent() || request.isFixed()) {
                continue; // any free port, or a fixed port or block: checked as given
            }
            PortRange range = request.range().get();
            int longest = 0;
            for (PortRange segment : PortRange.minus(range, excluded)) {
                longest = Math.max(longest, segment.size());
            }
            if (longest < request.count()) {
                String what = request.isBlock() ? "no " + request.count() + " contiguous ports of " + range
                        + " are outside" : "every port of " + range + " is in";
                throw new ConfigurationException(names -> ConfigurationException.invalidValue(request.text(),
                        names.of(Setting.PORTS), what + " " + names.of(Setting.EXCLUDE) + ", so nothing could be"
                        + " chosen from it", "a range with ports outside the exclusions"));
            }
        }
    }
}
