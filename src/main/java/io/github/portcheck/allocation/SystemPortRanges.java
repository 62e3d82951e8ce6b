package io.github.portcheck.allocation;

import io.github.portcheck.domain.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the port ranges that macOS and Windows print. Windows prints its headers in the system's language, so
 * only the numbers and their order are read.
 */
final class SystemPortRanges {
    private static final Pattern NUMBER_AFTER_COLON = Pattern.compile(":\\s*(\\d+)\\s*$");
    private static final Pattern EXCLUDED_ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)(\\s+\\*)?\\s*$");

    private SystemPortRanges() {
    }

    /** {@code sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last}: two numbers, a line each. */
    static PortRange sysctl(List<String> lines) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            if (line.trim().matches("\\d+")) {
                numbers.add(Integer.parseInt(line.trim()));
            }
        }
        return numbers.size() == 2 ? range(numbers.get(0), numbers.get(1)) : null;
    }

    /**
     * {@code netsh int ipv4 show dynamicport tcp}: "Start Port : 49152" and "Number of Ports : 16384", in the
     * system's language ("Startport", "Anzahl der Ports", ...): the first two numbers after a colon.
     */
    static PortRange dynamicPorts(List<String> lines) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : lines) {
            Matcher m = NUMBER_AFTER_COLON.matcher(line);
            if (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
        }
        return numbers.size() >= 2 && numbers.get(1) > 0 ? range(numbers.get(0), numbers.get(0) + numbers.get(1) - 1)
                : null;
    }

    /**
     * {@code netsh int ipv4 show excludedportrange protocol=tcp}: a row of two numbers a range, "*" after those an
     * administrator excluded; headers and the footnote in the system's language.
     */
    static List<PortRange> excludedPorts(List<String> lines) {
        List<PortRange> ranges = new ArrayList<>();
        for (String line : lines) {
            Matcher m = EXCLUDED_ROW.matcher(line);
            if (m.matches()) {
                PortRange r = range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (r != null) {
                    ranges.add(r);
                }
            }
        }
        return ranges;
    }

    private static PortRange range(int first, int last) {
        return first >= 1 && first <= last && last <= 65535 ? PortRange.of(first, last) : null;
    }
}
