package io.github.portcheck.allocation;

import io.github.portcheck.spec.PortRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ports the kernel hands to outgoing connections (the ephemeral range) and the ports it keeps back
 * (ip_local_reserved_ports). A port chosen inside the ephemeral range can be taken by any outgoing connection
 * between the check and the server's bind, so "any free port" is chosen outside it.
 */
public final class KernelPortRanges {
    /** Where /proc is missing (macOS, Windows): IANA's dynamic range, which both use by default. */
    static final PortRange FALLBACK_EPHEMERAL = PortRange.of(49152, 65535);

    private final PortRange ephemeral;
    private final List<PortRange> reserved;

    KernelPortRanges(PortRange ephemeral, List<PortRange> reserved) {
        this.ephemeral = ephemeral;
        this.reserved = Collections.unmodifiableList(reserved);
    }

    public static KernelPortRanges ofThisSystem() {
        return read(Paths.get("/proc/sys/net/ipv4"));
    }

    static KernelPortRanges read(Path ipv4) {
        PortRange ephemeral = FALLBACK_EPHEMERAL;
        List<String> range = lines(ipv4.resolve("ip_local_port_range"));
        if (!range.isEmpty()) {
            String[] bounds = range.get(0).trim().split("\\s+");
            try {
                ephemeral = PortRange.of(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
            } catch (RuntimeException e) {
                // an unexpected shape: keep the fallback
            }
        }
        List<PortRange> reserved = new ArrayList<>();
        for (String line : lines(ipv4.resolve("ip_local_reserved_ports"))) {
            for (String part : line.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    int dash = p.indexOf('-');
                    reserved.add(dash < 0 ? PortRange.single(Integer.parseInt(p))
                            : PortRange.of(Integer.parseInt(p.substring(0, dash)), Integer.parseInt(p.substring(dash + 1))));
                } catch (RuntimeException e) {
                    // skip what cannot be read
                }
            }
        }
        return new KernelPortRanges(ephemeral, reserved);
    }

    public PortRange ephemeral() {
        return ephemeral;
    }

    public List<PortRange> reserved() {
        return reserved;
    }

    /** The ports of {@code base} outside the ephemeral range and the reserved ports. */
    public PortPool poolWithin(PortRange base) {
        return poolWithin(base, Collections.<PortRange>emptyList());
    }

    /** The ports of {@code base} outside the ephemeral range, the reserved ports and {@code alsoExcluded}. */
    public PortPool poolWithin(PortRange base, List<PortRange> alsoExcluded) {
        List<PortRange> excluded = new ArrayList<>(reserved);
        excluded.add(ephemeral);
        excluded.addAll(alsoExcluded);
        return PortPool.of(base, excluded);
    }

    /** Read with a reader: Files.readAllBytes returns a cut value for /proc/sys files on JDK 17 and 25. */
    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return Collections.emptyList();
        }
    }
}
