package io.github.portcheck.spec;

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
