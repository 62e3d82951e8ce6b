package io.github.portcheck.allocation;

import io.github.portcheck.domain.PortRange;
import java.util.Collections;
import java.util.List;

/** An ordered set of ports, kept as disjoint ranges, that can be walked round from any index. */
public final class PortPool {
    private final List<PortRange> segments;
    private final int size;

    private PortPool(List<PortRange> segments) {
        this.segments = Collections.unmodifiableList(segments);
        int total = 0;
        for (PortRange r : segments) {
            total += r.size();
        }
        this.size = total;
    }

    /** The ports of {@code base} that lie in none of {@code excluded}. */
    public static PortPool of(PortRange base, List<PortRange> excluded) {
        return new PortPool(PortRange.minus(base, excluded));
    }

    public int size() {
        return size;
    }

    public List<PortRange> segments() {
        return segments;
    }

    /** The port at {@code index}, 0 &lt;= index &lt; size, in ascending order. */
    public int get(int index) {
        int rest = index;
        for (PortRange r : segments) {
            if (rest < r.size()) {
                return r.first() + rest;
            }
            rest -= r.size();
        }
        throw new IndexOutOfBoundsException(index + " of " + size);
    }

    @Override
    public String toString() {
        return segments.toString();
    }
}
