package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.system.Os;
import io.github.portcheck.testing.Recorded;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ephemeral and excluded ranges of macOS and Windows, from their tools' recorded outputs. */
class SystemPortRangesTest {
    private final List<String> asked = Recorded.asked();

    @Test
    void parsesEachToolInEachLanguage() {
        assertEquals(PortRange.of(49152, 65535), SystemPortRanges.sysctl(Recorded.lines("sysctl-macos.txt")));
        assertEquals(PortRange.of(49152, 65535), SystemPortRanges.dynamicPorts(Recorded.lines("netsh-dynamicport-en.txt")));
        assertEquals(PortRange.of(10000, 10999), SystemPortRanges.dynamicPorts(Recorded.lines("netsh-dynamicport-de.txt")));
        assertEquals(List.of(PortRange.single(5357), PortRange.of(49697, 49796), PortRange.of(50000, 50059),
                PortRange.of(52214, 52313)), SystemPortRanges.excludedPorts(Recorded.lines("netsh-excludedportrange-en.txt")));
        assertEquals(List.of(PortRange.of(1061, 1160), PortRange.single(5357), PortRange.of(50000, 50059)),
                SystemPortRanges.excludedPorts(Recorded.lines("netsh-excludedportrange-zh.txt")));
        assertEquals(4, SystemPortRanges.excludedPorts(Recorded.lines("netsh-excludedportrange-es.txt")).size());
        assertEquals(List.of(), SystemPortRanges.excludedPorts(Recorded.lines("netsh-excludedportrange-none-zh.txt")));
        assertEquals(null, SystemPortRanges.dynamicPorts(List.of("The requested operation requires elevation.")));
    }

    @Test
    void eachSystemAsksItsOwnToolsAndFallsBackWhereTheyFail() {
        KernelPortRanges windows = KernelPortRanges.of(Os.WINDOWS, Paths.get("/nonexistent"), Recorded.tools(
                Recorded.answers("netsh int ipv4 show dynamicport", "netsh-dynamicport-de.txt",
                        "netsh int ipv4 show excludedportrange", "netsh-excludedportrange-en.txt"), asked));
        assertEquals(PortRange.of(10000, 10999), windows.ephemeral());
        assertEquals(PortRange.of(50000, 50059), windows.excluded().get(2));
        PortPool pool = windows.poolWithin(PortRange.of(49690, 50100));
        assertEquals(List.of(PortRange.of(49690, 49696), PortRange.of(49797, 49999), PortRange.of(50060, 50100)),
                pool.segments(), "any free port skips the excluded ranges");
        assertEquals(List.of("netsh int ipv4 show dynamicport tcp", "netsh int ipv4 show excludedportrange protocol=tcp"),
                asked);

        KernelPortRanges mac = KernelPortRanges.of(Os.MAC, Paths.get("/nonexistent"), Recorded.tools(
                Recorded.answers("sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last", "sysctl-macos.txt"),
                asked));
        assertEquals(PortRange.of(49152, 65535), mac.ephemeral());
        assertEquals(List.of(), mac.excluded());

        KernelPortRanges noTools = KernelPortRanges.of(Os.WINDOWS, Paths.get("/nonexistent"),
                Recorded.tools(Map.of(), asked));
        assertEquals(KernelPortRanges.FALLBACK_EPHEMERAL, noTools.ephemeral());
        assertEquals(List.of(), noTools.excluded());
    }
}
