package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.domain.PortRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortPoolTest {

    @Test
    void cutsExcludedRangesOut() {
        PortPool pool = PortPool.of(PortRange.of(10000, 65535),
                Arrays.asList(PortRange.of(32768, 60999), PortRange.single(10001), PortRange.of(65000, 65535)));
        assertEquals("[10000, 10002-32767, 61000-64999]", pool.toString());
        assertEquals(1 + 22766 + 4000, pool.size());
        assertEquals(10000, pool.get(0));
        assertEquals(10002, pool.get(1));
        assertEquals(61000, pool.get(1 + 22766));
        assertEquals(64999, pool.get(pool.size() - 1));
    }

    @Test
    void readsTheKernelsRangesWithAReader(@TempDir Path ipv4) throws Exception {
        Files.write(ipv4.resolve("ip_local_port_range"), "32768\t60999\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(ipv4.resolve("ip_local_reserved_ports"), "12000,13000-13009\n".getBytes(StandardCharsets.US_ASCII));
        KernelPortRanges ranges = KernelPortRanges.read(ipv4);
        assertEquals(PortRange.of(32768, 60999), ranges.ephemeral());
        assertEquals(Arrays.asList(PortRange.single(12000), PortRange.of(13000, 13009)), ranges.reserved());
        assertEquals("[10000-11999, 12001-12999, 13010-32767, 61000-65535]",
                ranges.poolWithin(PortRange.of(10000, 65535)).toString());
    }

    @Test
    void fallsBackToTheIanaDynamicRangeWithoutProc(@TempDir Path empty) {
        KernelPortRanges ranges = KernelPortRanges.read(empty.resolve("missing"));
        assertEquals(PortRange.of(49152, 65535), ranges.ephemeral());
        assertEquals(Collections.emptyList(), ranges.reserved());
    }

    @Test
    void readsThisMachinesRangeWhole() throws Exception {
        // Files.readAllBytes returns only the first character of this file on JDK 17 and 25.
        String[] expected = Files.readAllLines(java.nio.file.Paths.get("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0).trim().split("\\s+");
        PortRange ephemeral = KernelPortRanges.ofThisSystem().ephemeral();
        assertEquals(Integer.parseInt(expected[0]), ephemeral.first());
        assertEquals(Integer.parseInt(expected[1]), ephemeral.last());
    }
}
