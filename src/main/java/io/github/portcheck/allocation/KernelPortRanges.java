package io.github.portcheck.allocation;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.system.Os;
import io.github.portcheck.system.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The ports the system hands to outgoing connections (the ephemeral range), the ports it keeps back from them
 * (Linux' ip_local_reserved_ports), and the ports it lets nobody bind (Windows' excluded port ranges, which
 * Hyper-V, WSL and Docker take). A port chosen inside the ephemeral range can be taken by any outgoing connection
 * between the check and the server's bind, so "any free port" is chosen outside it; an excluded port is never
 * handed out, and a fixed one is reported as reserved by the system.
 */
public final class KernelPortRanges {
    /** Where /proc is missing (macOS, Windows): IANA's dynamic range, which both use by default. */
    static final PortRange FALLBACK_EPHEMERAL = PortRange.of(49152, 65535);

    private final PortRange ephemeral;
    private final List<PortRange> reserved;
    private final List<PortRange> excluded;

    KernelPortRanges(PortRange ephemeral, List<PortRange> reserved) {
        this(ephemeral, reserved, Collections.<PortRange>emptyList());
    }

    KernelPortRanges(PortRange ephemeral, List<PortRange> reserved, List<PortRange> excluded) {
        this.ephemeral = ephemeral;
        this.reserved = Collections.unmodifiableList(reserved);
        this.excluded = Collections.unmodifiableList(excluded);
    }

    public static KernelPortRanges ofThisSystem() {
        Path proc = Paths.get("/proc/sys/net/ipv4");
        return Os.current() == Os.LINUX ? read(proc) : of(Os.current(), proc, Tools.ofThisSystem());
    }

    /**
     * Linux: /proc/sys/net/ipv4. macOS: {@code sysctl net.inet.ip.portrange.first/last}. Windows: {@code netsh}'s
     * dynamic port range and excluded port ranges. Where a tool is missing or says nothing readable: 49152-65535.
     */
    public static KernelPortRanges of(Os os, Path procIpv4, Tools tools) {
        switch (os) {
            case LINUX:
                return read(procIpv4);
            case MAC: {
                PortRange ephemeral = SystemPortRanges.sysctl(tools.run(Arrays.asList("sysctl", "-n",
                        "net.inet.ip.portrange.first", "net.inet.ip.portrange.last")).lines());
                return new KernelPortRanges(ephemeral == null ? FALLBACK_EPHEMERAL : ephemeral,
                        Collections.<PortRange>emptyList());
            }
            case WINDOWS: {
                PortRange ephemeral = SystemPortRanges.dynamicPorts(tools.run(Arrays.asList("netsh", "int", "ipv4",
                        "show", "dynamicport", "tcp")).lines());
                List<PortRange> excluded = SystemPortRanges.excludedPorts(tools.run(Arrays.asList("netsh", "int",
                        "ipv4", "show", "excludedportrange", "protocol=tcp")).lines());
                return new KernelPortRanges(ephemeral == null ? FALLBACK_EPHEMERAL : ephemeral,
                        Collections.<PortRange>emptyList(), excluded);
            }
            default:
                return new KernelPortRanges(FALLBACK_EPHEMERAL, Collections.<PortRange>emptyList());
        }
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
                PortRange ports = PortRange.parse(p);
                if (ports != null) { // what cannot be read is skipped
                    reserved.add(ports);
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

    /** Ports that nobody may bind (Windows' excluded port ranges); empty elsewhere. */
    public List<PortRange> excluded() {
        return excluded;
    }

    /** The ports of {@code base} outside the ephemeral range and the reserved ports. */
    public PortPool poolWithin(PortRange base) {
        return poolWithin(base, Collections.<PortRange>emptyList());
    }

    /** The ports of {@code base} outside the ephemeral range, the reserved and excluded ports and {@code alsoExcluded}. */
    public PortPool poolWithin(PortRange base, List<PortRange> alsoExcluded) {
        List<PortRange> notHandedOut = new ArrayList<>(reserved);
        notHandedOut.add(ephemeral);
        notHandedOut.addAll(excluded);
        notHandedOut.addAll(alsoExcluded);
        return PortPool.of(base, notHandedOut);
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
