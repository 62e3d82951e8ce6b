package io.github.portcheck.check;

import static io.github.portcheck.check.PortCheckTest.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Owners;
import io.github.portcheck.testing.Requests;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blocks of contiguous ports, against real listeners on loopback, leased as a whole or not at all. */
class BlockCheckTest {
    @TempDir
    Path leases;

    private final PortRange run = Loopback.freeRun(40);

    @AfterEach
    void endLeases() {
        LeaseBook.endBuild(Owners.BUILD);
    }

    /** A check whose "any free port" pool is the second half of the free run. */
    private PortCheck check() {
        PortPool pool = PortPool.of(PortRange.of(run.first() + 20, run.last()), Collections.<PortRange>emptyList());
        return new PortCheck(new HostResolver(new BindDetector(), new ConnectDetector(500)),
                new PortChooser(pool, size -> 0), new ProcNetHolderLookup())
                .leasingFrom(Leases.in(leases), Owners.module("module-a"));
    }

    private CheckResult run(ConflictPolicy policy, String... entries) throws Exception {
        return check().run(Requests.of(Arrays.asList(entries)), "localhost", DetectorChoice.AUTO, policy);
    }

    private int p(int offset) {
        return run.first() + offset;
    }

    @Test
    void aBlockFromTheRangeOrThePoolExportsItsFirstLastAndList() throws Exception {
        CheckResult result = run(ConflictPolicy.FAIL, "nodes/3=" + p(0) + "-" + p(9), "pool/4");
        assertFalse(result.failed());
        assertEquals(p(0), port(result, "nodes.first"));
        assertEquals(p(2), port(result, "nodes.last"));
        assertEquals(p(0) + "," + p(1) + "," + p(2), result.exports().get("nodes.list"));
        assertEquals(p(20), port(result, "pool.first"));
        assertEquals(p(23), port(result, "pool.last"));
        assertEquals(6, result.exports().size());
        assertEquals("  nodes  localhost  " + p(0) + "-" + p(2) + "  bind      free", ResultTable.lines(result).get(1));
        assertFalse(Leases.in(leases).claim(p(1), Owners.module("module-b")).granted(), "every port is leased");
    }

    @Test
    void aTakenPortInTheFirstCandidateMovesTheBlockPastIt() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, p(1))) {
            CheckResult result = run(ConflictPolicy.FAIL, "nodes/3=" + p(0) + "-" + p(9));
            assertEquals(p(2), port(result, "nodes.first"));
            assertEquals("  nodes  localhost  " + p(2) + "-" + p(4) + "  bind      free (passed over: " + p(1)
                    + " in use)", ResultTable.lines(result).get(1));
            assertTrue(Leases.in(leases).claim(p(0), Owners.module("module-b")).granted(),
                    "the port before the taken one was given back");
        }
    }

    @Test
    void twoBlocksOfOneCheckNeverOverlap() throws Exception {
        String range = p(0) + "-" + p(9);
        CheckResult result = run(ConflictPolicy.FAIL, "a/3=" + range, "b/3=" + range, "c=" + range);
        assertEquals(p(0) + "," + p(1) + "," + p(2), result.exports().get("a.list"));
        assertEquals(p(3) + "," + p(4) + "," + p(5), result.exports().get("b.list"));
        assertEquals(p(6), port(result, "c"));
    }

    @Test
    void aFixedBlockWithTakenPortsFailsNamingEachOrMovesAsAWholeUnderReassign() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, p(2));
                ServerSocket second = Loopback.listen(Loopback.V4, p(3))) {
            CheckResult failed = run(ConflictPolicy.FAIL, "nodes/3=" + p(1));
            assertTrue(failed.failed());
            assertTrue(failed.exports().isEmpty());
            String message = ConflictReport.message(failed, SettingNames.PLAIN);
            assertTrue(message.startsWith("The ports are not free:\n  port " + p(2) + " (nodes) on localhost is in"
                    + " use by PID"), message);
            assertTrue(message.contains("; also not free: " + p(3) + " in use\n"), message);
            assertTrue(Leases.in(leases).claim(p(1), Owners.module("module-b")).granted(),
                    "the free port of the taken block was given back");
            LeaseBook.endModule(Owners.module("module-b"));

            CheckResult moved = run(ConflictPolicy.REASSIGN, "nodes/3=" + p(1));
            assertFalse(moved.failed());
            EntryResult nodes = moved.entries().get(0);
            assertEquals(Outcome.REASSIGNED, nodes.outcome());
            assertEquals(Arrays.asList(p(20), p(21), p(22)), nodes.ports());
            assertTrue(ResultTable.lines(moved).get(1).contains("reassigned from " + p(1) + "-" + p(3) + " (in use by"),
                    ResultTable.lines(moved).get(1));
            assertTrue(Leases.in(leases).claim(p(1), Owners.module("module-b")).granted(),
                    "no half of the configured block is kept");
        }
    }

    @Test
    void aRangeWithoutAFreeBlockSaysSo() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, p(2))) {
            CheckResult result = run(ConflictPolicy.FAIL, "nodes/3=" + p(0) + "-" + p(4));
            assertTrue(result.failed());
            List<String> lines = Arrays.asList(ConflictReport.message(result, SettingNames.PLAIN).split("\n"));
            assertEquals("  no 3 contiguous free ports in " + p(0) + "-" + p(4) + " (nodes) on localhost: none free"
                    + " (3 tried)", lines.get(1));
        }
    }
}
