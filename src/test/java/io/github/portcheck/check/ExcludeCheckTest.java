package io.github.portcheck.check;

import static io.github.portcheck.check.PortCheckTest.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Owners;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code exclude} setting and per-entry detectors, through the same settings and wiring that the goal uses:
 * excluded ports are never handed out, by any free port, a range, a block or reassign; a fixed port is checked.
 */
class ExcludeCheckTest {
    @TempDir
    Path leases;

    private final int p = Loopback.freeRun(10).first();

    @AfterEach
    void endLeases() {
        LeaseBook.endBuild(Owners.BUILD);
    }

    /** As a build runs it: raw settings checked, one runner made from them. */
    private CheckResult run(RawCheckSettings raw) throws Exception {
        CheckSettings settings = raw.leaseDirectory(leases).checked(BuildProperties.NONE);
        return new PortChecks(SettingNames.PLAIN, line -> { }).forThisMachine(settings, Owners.module("module-a"),
                line -> { }).run();
    }

    private static RawCheckSettings entries(String... texts) {
        List<PortEntry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(PortEntry.of(text));
        }
        return new RawCheckSettings().ports(entries);
    }

    private String range(int from, int to) {
        return (p + from) + "-" + (p + to);
    }

    @Test
    void anyFreePortComesFromOutsideTheExclusions() throws Exception {
        CheckResult result = run(entries("web").portRange(range(0, 9)).exclude(range(0, 8)));
        assertEquals(p + 9, port(result, "web"));
    }

    @Test
    void aRangeAndABlockSkipExcludedPorts() throws Exception {
        CheckResult result = run(entries("web=" + range(0, 9), "nodes/2=" + range(0, 9))
                .exclude((p + 0) + "," + (p + 1) + "," + (p + 3) + "," + (p + 5)));
        assertEquals(p + 2, port(result, "web"));
        assertEquals((p + 6) + "," + (p + 7), result.exports().get("nodes.list"));
    }

    @Test
    void reassignSkipsExcludedPortsAndAnExcludedFixedPortIsStillChecked() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, p)) {
            CheckResult result = run(entries("db=" + p, "admin=" + (p + 1)).onConflict("reassign")
                    .portRange(range(0, 9)).exclude(range(0, 8)));
            assertEquals(Outcome.REASSIGNED, result.entries().get(0).outcome());
            assertEquals(p + 9, port(result, "db"));
            assertEquals(Outcome.FREE, result.entries().get(1).outcome(), "the user named it");
            assertEquals(p + 1, port(result, "admin"));
        }
    }

    @Test
    void eachEntryMayChooseItsDetector() throws Exception {
        PortEntry db = new PortEntry();
        db.setName("db");
        db.setPort(Integer.toString(p));
        db.setHost("127.0.0.1");
        db.setDetector("connect");
        try (ServerSocket held = Loopback.listen(Loopback.V4, p)) {
            CheckResult result = run(new RawCheckSettings().ports(Arrays.asList(db, PortEntry.of("web=" + (p + 1))))
                    .onConflict("warn"));
            assertEquals(Arrays.asList(
                    "  NAME  HOST       PORT   DETECTOR  VERDICT",
                    "  db    127.0.0.1  " + p + "  connect   in use by PID " + ProcessHandle.current().pid() + ": "
                            + result.entries().get(0).holder().get().describe().split(": ", 2)[1],
                    "  web   localhost  " + (p + 1) + "  bind      free"), ResultTable.lines(result));
            assertFalse(result.failed());
        }
    }
}
