package io.github.portcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.PortCheck;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Requests;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void theTableHasALinePerEntryInAlignedColumns() throws Exception {
        int free = Loopback.freePort();
        int other = Loopback.freePort();
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            int taken = held.getLocalPort();
            PortCheck check = new PortCheck(
                    new HostResolver(new BindDetector(), new ConnectDetector(500)),
                    new PortChooser(PortPool.of(PortRange.single(free), Collections.emptyList()), size -> 0),
                    HolderLookup.NONE);
            CheckResult result = check.run(Requests.of(Arrays.asList("http.port=" + taken,
                    Integer.toString(other))), "localhost", DetectorChoice.AUTO, ConflictPolicy.REASSIGN);
            List<String> lines = ResultTable.lines(result);
            assertEquals(5, Integer.toString(free).length(), "ports above 9999 keep the columns below exact");
            assertEquals(Arrays.asList(
                    "  NAME       HOST       PORT   DETECTOR  VERDICT",
                    "  http.port  localhost  " + free + "  bind      reassigned from " + taken
                            + " (in use (holder unknown))",
                    "  -          localhost  " + other + "  bind      free"), lines);
        }
    }

    @Test
    void thePropertiesFileIsSortedAndHasNoTimestamp(@TempDir Path dir) throws Exception {
        Map<String, String> ports = new LinkedHashMap<>();
        ports.put("zeta.port", "20001");
        ports.put("alpha.port", "20000");
        Path file = dir.resolve("sub/portcheck.properties");
        PropertiesFile.write(file, ports);
        byte[] first = Files.readAllBytes(file);
        assertEquals("# Ports exported by portcheck-maven-plugin\nalpha.port=20000\nzeta.port=20001\n",
                new String(first, StandardCharsets.ISO_8859_1));
        PropertiesFile.write(file, ports);
        assertTrue(Arrays.equals(first, Files.readAllBytes(file)), "the same ports give the same bytes");
        java.util.Properties read = new java.util.Properties();
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read.load(in);
        }
        assertEquals("20000", read.getProperty("alpha.port"));
    }
}
