package io.github.portcheck.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ports a build asks for, one entry of check-ports: an optional property name, an optional host and detector, the
 * ports it accepts (one port, a range, or any free port when there is no range), and how many contiguous ports it
 * takes (a block when more than one).
 */
public final class PortRequest {
    /** The suffixes of the properties a block exports: its first port, its last port, all its ports. */
    public static final String FIRST = ".first";
    public static final String LAST = ".last";
    public static final String LIST = ".list";

    private final String text;
    private final String name;
    private final String host;
    private final PortRange range;
    private final int count;
    private final DetectorChoice detector;
    private final boolean pinned;

    /**
     * @param text  the entry as the user wrote it, for messages
     * @param range null for any free port
     */
    public PortRequest(String text, String name, String host, PortRange range, int count, DetectorChoice detector) {
        this(text, name, host, range, count, detector, false);
    }

    private PortRequest(String text, String name, String host, PortRange range, int count, DetectorChoice detector,
            boolean pinned) {
        this.text = Objects.requireNonNull(text);
        this.name = name;
        this.host = host;
        this.range = range;
        this.count = count;
        this.detector = detector;
        this.pinned = pinned;
    }

    /** The entry as the user wrote it, for messages. */
    public String text() {
        return text;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The host written in the entry; empty means the {@code host} setting applies. */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** The accepted ports; empty means any free port. */
    public Optional<PortRange> range() {
        return Optional.ofNullable(range);
    }

    /** How many contiguous ports the entry takes: 1, or the size of a block. */
    public int count() {
        return count;
    }

    public boolean isBlock() {
        return count > 1;
    }

    /** One fixed port, or a fixed block: nothing to choose. */
    public boolean isFixed() {
        return range != null && range.size() == count;
    }

    /** The detector written in the entry; empty means the {@code detector} setting applies. */
    public Optional<DetectorChoice> detector() {
        return Optional.ofNullable(detector);
    }

    /** True when the user fixed the port on the command line: it is checked, never reassigned. */
    public boolean pinned() {
        return pinned;
    }

    /** The properties the entry exports: its name, or for a block NAME.first, NAME.last and NAME.list. */
    public List<String> exportedNames() {
        if (name == null) {
            return Collections.emptyList();
        }
        return isBlock() ? Arrays.asList(name + FIRST, name + LAST, name + LIST) : Collections.singletonList(name);
    }

    /** This entry with its port fixed by the user, e.g. by {@code -Dname=port}; its text stays as written. */
    public PortRequest pinnedTo(int port) {
        return new PortRequest(text, name, host, PortRange.single(port), 1, detector, true);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortRequest)) {
            return false;
        }
        PortRequest other = (PortRequest) o;
        return text.equals(other.text) && Objects.equals(name, other.name) && Objects.equals(host, other.host)
                && Objects.equals(range, other.range) && count == other.count && detector == other.detector
                && pinned == other.pinned;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, name, host, range, count, detector, pinned);
    }

    @Override
    public String toString() {
        return text;
    }
}
