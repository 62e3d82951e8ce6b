package io.github.portcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.testing.Owners;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A skipped check still gives later plugins a port for every named entry, or says at once which it cannot. */
class UncheckedPortsTest {
    private final Map<String, String> properties = new HashMap<>();

    /** As a build skips the check: settings checked with skip=true, the runner they make. */
    private CheckResult skip(String... entries) throws Exception {
        List<PortEntry> raw = new ArrayList<>();
        for (String entry : entries) {
            raw.add(PortEntry.of(entry));
        }
        CheckSettings settings = new RawCheckSettings().ports(raw).skip(true).checked(new BuildProperties() {
            @Override
            public String commandLine(String name) {
                return null;
            }

            @Override
            public String value(String name) {
                return properties.get(name);
            }
        });
        return new PortChecks(SettingNames.PLAIN, line -> { }).forThisMachine(settings, Owners.module("a"), line -> { })
                .run();
    }

    @Test
    void fixedPortsRangesAndKnownPropertiesAreExportedUnchecked() throws Exception {
        properties.put("known", "24680");
        CheckResult result = skip("8080", "db=127.0.0.1:5432", "jmx.port=21000-21099", "known");
        Map<String, String> expected = new TreeMap<>();
        expected.put("db", "5432");
        expected.put("jmx.port", "21000");
        expected.put("known", "24680");
        assertEquals(expected, result.exports());
        assertFalse(result.failed());
        assertTrue(result.skipped());
        assertEquals(Arrays.asList(
                "  NAME      HOST       PORT   DETECTOR  VERDICT",
                "  -         localhost  8080   -         not checked (skipped)",
                "  db        127.0.0.1  5432   -         not checked (skipped)",
                "  jmx.port  localhost  21000  -         not checked (skipped)",
                "  known     localhost  24680  -         not checked (skipped)"), ResultTable.lines(result));
    }

    @Test
    void anyFreePortWithoutAValueFailsAtOnceNamingEveryEntry() {
        properties.put("bad", "eighty");
        ConfigurationException one = assertThrows(ConfigurationException.class, () -> skip("db=5432", "http.port"));
        assertEquals("The port check is skipped, so entry 'http.port' gets no port: it asks for any free port, which"
                + " only the check can find. Give it a port on the command line (-Dhttp.port=PORT), or do not skip"
                + " the check.", one.getMessage());
        ConfigurationException two = assertThrows(ConfigurationException.class, () -> skip("http.port", "bad"));
        assertEquals("The port check is skipped, so 2 entries get no port: 'http.port', 'bad' ask for any free port,"
                + " which only the check can find. Give each a port on the command line (-Dhttp.port=PORT"
                + " -Dbad=PORT), or do not skip the check.", two.getMessage());
    }

    @Test
    void aBlockExportsTheFirstBlockOfItsRangeOrTheOneItsFirstPortNames() throws Exception {
        properties.put("pool.first", "30000");
        CheckResult result = skip("nodes/3=21000-21099", "pool/2");
        assertEquals("21000", result.exports().get("nodes.first"));
        assertEquals("21002", result.exports().get("nodes.last"));
        assertEquals("21000,21001,21002", result.exports().get("nodes.list"));
        assertEquals("30000,30001", result.exports().get("pool.list"));
        properties.remove("pool.first");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> skip("pool/2"));
        assertTrue(e.getMessage().contains("(-Dpool.first=PORT)"), e.getMessage());
    }

    @Test
    void noEntryNoExport() throws Exception {
        assertEquals(Collections.emptyMap(), skip("8080").exports());
    }
}
