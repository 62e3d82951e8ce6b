package io.github.portcheck.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An inclusive range of TCP ports; a single port is a range of one. */
public final class PortRange {
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    private final int first;
    private final int last;

    private PortRange(int first, int last) {
        this.first = first;
        this.last = last;
    }

    public static PortRange of(int first, int last) {
        if (first < MIN_PORT || last > MAX_PORT || first > last) {
            throw new IllegalArgumentException("not a port range: " + first + "-" + last);
        }
        return new PortRange(first, last);
    }

    public static PortRange single(int port) {
        return of(port, port);
    }

    /** {@code PORT} or {@code FIRST-LAST}, spaces allowed around each number; null when the text is neither. */
    public static PortRange parse(String text) {
        int[] bounds = Bounds.parse(text);
        return bounds == null || bounds[0] < MIN_PORT || bounds[1] > MAX_PORT || bounds[0] > bounds[1] ? null
                : new PortRange(bounds[0], bounds[1]);
    }

    /** The ports of {@code base} in none of {@code cuts}, as ascending disjoint ranges. */
    public static List<PortRange> minus(PortRange base, List<PortRange> cuts) {
        List<PortRange> segments = new ArrayList<>();
        segments.add(base);
        for (PortRange cut : cuts) {
            List<PortRange> next = new ArrayList<>();
            for (PortRange r : segments) {
                if (cut.last < r.first || cut.first > r.last) {
                    next.add(r);
                    continue;
                }
                if (cut.first > r.first) {
                    next.add(new PortRange(r.first, cut.first - 1));
                }
                if (cut.last < r.last) {
                    next.add(new PortRange(cut.last + 1, r.last));
                }
            }
            segments = next;
        }
        return segments;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    public int size() {
        return last - first + 1;
    }

    public boolean isSingle() {
        return first == last;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortRange && ((PortRange) o).first == first && ((PortRange) o).last == last;
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, last);
    }

    @Override
    public String toString() {
        return isSingle() ? Integer.toString(first) : first + "-" + last;
    }
}
