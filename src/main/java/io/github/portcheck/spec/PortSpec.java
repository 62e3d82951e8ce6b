package io.github.portcheck.spec;

import java.util.Objects;
import java.util.Optional;

/**
 * One configured entry: an optional property name, an optional host and the ports it accepts
 * (one port, a range, or any free port when there is no range).
 */
public final class PortSpec {
    private final String text;
    private final String name;
    private final String host;
    private final PortRange range;
    private final boolean pinned;

    PortSpec(String text, String name, String host, PortRange range, boolean pinned) {
        this.text = text;
        this.name = name;
        this.host = host;
        this.range = range;
        this.pinned = pinned;
    }

    /** The entry as the user wrote it, for messages. */
    public String text() {
        return text;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The host written in the entry; empty means the {@code host} parameter applies. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The accepted ports; empty means any free port. */
    public Optional<PortRange> range() {
        return Optional.ofNullable(range);
    }

    /** True when the user fixed the port on the command line: it is checked, never reassigned. */
    public boolean pinned() {
        return pinned;
    }

    /** This entry with its port fixed by the user, e.g. by {@code -Dname=port}. */
    public PortSpec pinnedTo(int port) {
        return new PortSpec(text, name, host, PortRange.single(port), true);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortSpec)) {
            return false;
        }
        PortSpec other = (PortSpec) o;
        return text.equals(other.text) && Objects.equals(name, other.name) && Objects.equals(host, other.host)
                && Objects.equals(range, other.range) && pinned == other.pinned;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, name, host, range, pinned);
    }

    @Override
    public String toString() {
        return text;
    }
}
