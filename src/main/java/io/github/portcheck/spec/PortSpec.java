package io.github.portcheck.spec;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One checked entry: an optional property name, an optional host and detector, the ports it accepts (one port,
 * a range, or any free port when there is no range), and how many contiguous ports it takes (a block when more
 * than one).
 */
public final class PortSpec {
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
    private final URI url;

    PortSpec(String text, String name, String host, PortRange range, int count, DetectorChoice detector,
            boolean pinned) {
        this(text, name, host, range, count, detector, pinned, null);
    }

    PortSpec(String text, String name, String host, PortRange range, int count, DetectorChoice detector,
            boolean pinned, URI url) {
        this.text = text;
        this.name = name;
        this.host = host;
        this.range = range;
        this.count = count;
        this.detector = detector;
        this.pinned = pinned;
        this.url = url;
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

    /** The detector written in the entry; empty means the {@code detector} setting applies. */
    public Optional<DetectorChoice> detector() {
        return Optional.ofNullable(detector);
    }

    /** For wait-ports: an http or https URL that must answer, on this entry's host and port. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
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

    /** This entry with its port fixed by the user, e.g. by {@code -Dname=port}. */
    public PortSpec pinnedTo(int port) {
        return new PortSpec(text, name, host, PortRange.single(port), 1, detector, true, url);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PortSpec)) {
            return false;
        }
        PortSpec other = (PortSpec) o;
        return text.equals(other.text) && Objects.equals(name, other.name) && Objects.equals(host, other.host)
                && Objects.equals(range, other.range) && count == other.count && detector == other.detector
                && pinned == other.pinned && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, name, host, range, count, detector, pinned, url);
    }

    @Override
    public String toString() {
        return text;
    }
}
