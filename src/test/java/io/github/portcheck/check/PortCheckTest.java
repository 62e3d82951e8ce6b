package io.github.portcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.allocation.KernelPortRanges;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseFile;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.check.EntryResult.Outcome;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.OpenFiles;
import io.github.portcheck.testing.Owners;
import io.github.portcheck.testing.Requests;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions, against real sockets on loopback. */
class PortCheckTest {
    private static final LeaseOwner A = Owners.module("module-a");
    private static final LeaseOwner B = Owners.module("module-b");
    private static final LeaseOwner C = Owners.module("module-c");

    private final PortRange ephemeral = KernelPortRanges.ofThisSystem().ephemeral();

    private static PortCheck check() {
        return new PortCheck(new HostResolver(new BindDetector(), new ConnectDetector(500)),
                new PortChooser(KernelPortRanges.ofThisSystem().poolWithin(PortChooser.ANY_BASE),
                        size -> ThreadLocalRandom.current().nextInt(size)),
                new ProcNetHolderLookup());
    }

    /** Listeners on {@code count} consecutive ports of 127.0.0.1, the first one chosen by the system. */
    private static List<ServerSocket> listeningRun(int count) throws java.io.IOException {
        List<ServerSocket> held = new java.util.ArrayList<>();
        held.add(Loopback.listen(Loopback.V4, 0));
        while (held.size() < count) {
            held.add(Loopback.listen(Loopback.V4, held.get(0).getLocalPort() + held.size()));
        }
        return held;
    }

    /** The port a check exported as {@code name}, or null. */
    static Integer port(CheckResult result, String name) {
        String value = result.exports().get(name);
        return value == null ? null : Integer.valueOf(value);
    }

    private static CheckResult run(ConflictPolicy policy, String... entries) throws Exception {
        List<PortRequest> specs = Requests.of(Arrays.asList(entries));
        return check().run(specs, "localhost", DetectorChoice.AUTO, policy);
    }

    @Test
    void freePortsAreExportedByName() throws Exception {
        int fixed = Loopback.freePort();
        CheckResult result = run(ConflictPolicy.FAIL, "http.port", "admin.port=" + fixed, Integer.toString(fixed + 0));
        assertFalse(result.failed());
        assertEquals(fixed, port(result, "admin.port"));
        int any = port(result, "http.port");
        assertTrue(any >= 10000 && !ephemeral.contains(any), "outside the ephemeral range: " + any);
        assertEquals(2, result.exports().size(), "an unnamed port is checked, not exported");
    }

    @Test
    void aTakenPortFailsNamingTheHolderAndExportsNothing() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            int port = held.getLocalPort();
            CheckResult result = run(ConflictPolicy.FAIL, "db=" + port, "http.port");
            assertTrue(result.failed());
            assertTrue(result.exports().isEmpty());
            EntryResult db = result.conflicts().get(0);
            assertEquals(Outcome.TAKEN, db.outcome());
            String message = ConflictReport.message(result, SettingNames.PLAIN);
            String expected = "port " + port + " (db) on localhost is in use by PID " + ProcessHandle.current().pid()
                    + ": ";
            assertTrue(message.startsWith("1 of 2 entries got no free port:\n  " + expected), message);
        }
    }

    @Test
    void everyConflictIsListedAtOnce() throws Exception {
        try (ServerSocket a = Loopback.listen(Loopback.V4, 0); ServerSocket b = Loopback.listen(Loopback.V6, 0)) {
            CheckResult result = run(ConflictPolicy.FAIL, "a=" + a.getLocalPort(), Integer.toString(b.getLocalPort()));
            String message = ConflictReport.message(result, SettingNames.PLAIN);
            assertTrue(message.contains("port " + a.getLocalPort() + " (a) on localhost is in use by PID"), message);
            assertTrue(message.contains("port " + b.getLocalPort() + " on localhost is in use by PID"), message);
            assertTrue(message.startsWith("2 ports of 2 are not free:"), message);
        }
    }

    @Test
    void warnGoesOnAndExportsTheConfiguredPort() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            CheckResult result = run(ConflictPolicy.WARN, "db=" + held.getLocalPort());
            assertFalse(result.failed());
            assertEquals(1, result.conflicts().size());
            assertEquals(held.getLocalPort(), port(result, "db"));
        }
    }

    @Test
    void reassignGivesANamedEntryAnotherFreePort() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            CheckResult result = run(ConflictPolicy.REASSIGN, "db=" + held.getLocalPort());
            assertFalse(result.failed());
            EntryResult db = result.entries().get(0);
            assertEquals(Outcome.REASSIGNED, db.outcome());
            assertEquals(held.getLocalPort(), db.conflict().get().port());
            int port = port(result, "db");
            assertNotEquals(held.getLocalPort(), port);
            assertTrue(new BindDetector().probe(Loopback.WILDCARD, port).isFree());
        }
    }

    @Test
    void reassignStillFailsAnUnnamedOrPinnedPort() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            String port = Integer.toString(held.getLocalPort());
            BuildProperties commandLine = new BuildProperties() { // -Ddb=PORT
                @Override
                public String commandLine(String name) {
                    return name.equals("db") ? port : null;
                }

                @Override
                public String value(String name) {
                    return commandLine(name);
                }
            };
            List<PortRequest> specs = new RawCheckSettings().ports(Arrays.asList(PortEntry.of(port),
                    PortEntry.of("db=20000-20010"))).checked(commandLine).requests();
            assertTrue(specs.get(1).pinned());
            CheckResult result = check().run(specs, "localhost", DetectorChoice.AUTO, ConflictPolicy.REASSIGN);
            assertTrue(result.failed());
            assertEquals(2, result.conflicts().size());
            assertTrue(ConflictReport.message(result, SettingNames.PLAIN).contains("onConflict=reassign gives another port only to a named"
                    + " entry whose port was not fixed on the command line"));
        }
    }

    @Test
    void aRangeSkipsTakenPortsAndPortsOfOtherEntries() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            int p = held.getLocalPort();
            CheckResult result = run(ConflictPolicy.FAIL, "a=" + p + "-" + (p + 3), "b=" + p + "-" + (p + 3));
            int a = port(result, "a");
            int b = port(result, "b");
            assertTrue(a > p && b > p && a != b, a + " " + b);
            assertEquals(new HashSet<>(Arrays.asList(a, b)).size(), 2);
        }
    }

    @Test
    void aRangeWithNoFreePortIsAConflictSayingHowManyWereTried() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            int p = held.getLocalPort();
            CheckResult result = run(ConflictPolicy.FAIL, "web=" + p + "-" + p);
            assertTrue(ConflictReport.message(result, SettingNames.PLAIN).startsWith("The port is not free:\n  port " + p
                    + " (web) on localhost is in use by PID " + ProcessHandle.current().pid()),
                    ConflictReport.message(result, SettingNames.PLAIN));
        }
        try (ServerSocket a = Loopback.listen(Loopback.WILDCARD, 0)) {
            int p = a.getLocalPort();
            try (ServerSocket b = Loopback.listen(Loopback.WILDCARD, p + 1)) {
                CheckResult result = run(ConflictPolicy.FAIL, "web=" + p + "-" + (p + 1));
                assertTrue(ConflictReport.message(result, SettingNames.PLAIN).startsWith("No free port was found:\n"
                        + "  no free port in " + p + "-" + (p + 1) + " (web) on localhost: none free (2 tried)\n"),
                        ConflictReport.message(result, SettingNames.PLAIN));
            }
        }
    }

    @Test
    void anyFreePortThatFindsNoneNamesThePortsItSearched() throws Exception {
        List<ServerSocket> held = listeningRun(2);
        try {
            int p = held.get(0).getLocalPort();
            PortCheck narrowed = new PortCheck(new HostResolver(new BindDetector(),
                    new ConnectDetector(500)), new PortChooser(PortPool.of(PortRange.of(p, p + 1),
                    java.util.Collections.emptyList()), size -> 0), new ProcNetHolderLookup());
            CheckResult result = narrowed.run(Requests.of(Arrays.asList("web", Integer.toString(Loopback.freePort()))), "localhost",
                    DetectorChoice.AUTO, ConflictPolicy.FAIL);
            String message = ConflictReport.message(result, SettingNames.PLAIN);
            assertTrue(message.startsWith("1 of 2 entries got no free port:\n  no free port in " + p + "-" + (p + 1)
                    + " (web) on localhost: none free (2 tried)\n"), message);
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Test
    void modulesOfOneBuildGetDistinctPortsAndAFixedPortOnce(@TempDir Path leases) throws Exception {
        LeaseBook book = Leases.in(leases);
        int fixed = Loopback.freePort();
        try {
            List<PortRequest> specs = Requests.of("http.port=20000-20999", "any.port", "admin=" + fixed);
            CheckResult a = check().leasingFrom(book, A).run(specs, "localhost",
                    DetectorChoice.AUTO, ConflictPolicy.FAIL);
            CheckResult b = check().leasingFrom(Leases.in(leases), B)
                    .run(specs, "localhost", DetectorChoice.AUTO, ConflictPolicy.REASSIGN);
            assertFalse(a.failed());
            assertNotEquals(port(a, "http.port"), port(b, "http.port"));
            assertNotEquals(port(a, "any.port"), port(b, "any.port"));
            assertEquals(fixed, port(a, "admin"));
            EntryResult admin = b.entries().get(2);
            assertEquals(Outcome.REASSIGNED, admin.outcome());
            assertNotEquals(fixed, port(b, "admin"));

            CheckResult c = check().leasingFrom(book, C).run(specs, "localhost",
                    DetectorChoice.AUTO, ConflictPolicy.FAIL);
            assertTrue(c.failed());
            assertEquals("1 of 3 entries got no free port:\n  port " + fixed + " (admin) on localhost is leased by this build"
                    + " (module-a)", ConflictReport.message(c, SettingNames.PLAIN).split("\nStop")[0]);
        } finally {
            LeaseBook.endBuild(Owners.BUILD);
        }
    }

    @Test
    void aLeaseFileThatCannotBeUsedEndsTheWholeCheckAtOnceNamingTheFile(@TempDir Path leases) throws Exception {
        // Checked, then replaced (as only its user or root could): no port can be leased from it, so the walk over
        // "any free port" ends at its first port instead of reporting every port of the pool as "none free".
        LeaseFile checked = LeaseDirectory.check(leases);
        Path replacement = Files.write(leases.resolve("replacement"), new byte[0]);
        Files.move(replacement, checked.path(), StandardCopyOption.REPLACE_EXISTING);
        PortCheck check = check().leasingFrom(LeaseBook.in(checked), A);
        LeaseDirectoryException e = assertThrows(LeaseDirectoryException.class, () -> check.run(Requests.of(Arrays.asList("fixed=" + Loopback.freePort(), "any.port")), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL));
        assertEquals(checked.path() + " was replaced since it was checked; run the build again", e.getMessage());
        assertEquals(0, OpenFiles.in(leases));
    }

    @Test
    void oneCheckMayAskForTheSamePortOnTwoHosts(@TempDir Path leases) throws Exception {
        LeaseBook book = Leases.in(leases);
        int port = Loopback.freePort();
        try {
            CheckResult result = check().leasingFrom(book, A).run(Requests.of(Arrays.asList("v4=127.0.0.1:" + port, "v6=[::1]:" + port)), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL);
            assertFalse(result.failed(), ConflictReport.message(result, SettingNames.PLAIN));
            assertFalse(book.claim(port, B).granted(), "the port stays leased to module-a");
        } finally {
            LeaseBook.endBuild(Owners.BUILD);
        }
    }

    @Test
    void aTakenPortMayBeWaitedForUntilItIsReleased() throws Exception {
        ServerSocket held = Loopback.listen(Loopback.V4, 0);
        int port = held.getLocalPort();
        Thread closer = Loopback.closeLater(held, 300);
        List<String> progress = new java.util.ArrayList<>();
        CheckResult result = check().waitingForRelease(10_000, progress::add)
                .run(Requests.of(Arrays.asList("db=" + port)), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL);
        closer.join();
        assertFalse(result.failed(), ConflictReport.message(result, SettingNames.PLAIN));
        assertEquals(port, port(result, "db"));
    }

    @Test
    void waitingForReleaseEndsAtItsTimeoutWithTheConflict() throws Exception {
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            long start = System.nanoTime();
            CheckResult result = check().waitingForRelease(300, line -> { })
                    .run(Requests.of(Arrays.asList("db=" + held.getLocalPort())), "localhost",
                            DetectorChoice.AUTO, ConflictPolicy.FAIL);
            assertTrue(result.failed());
            assertTrue(System.nanoTime() - start >= 250_000_000L, "it waited");
        }
    }

    @Test
    void aConnectRangeIsProbedInBatchesAndKeepsOnlyTheChosenLease(@TempDir Path leases) throws Exception {
        LeaseBook book = Leases.in(leases);
        List<ServerSocket> held = listeningRun(5);
        try {
            int p = held.get(0).getLocalPort();
            CheckResult result = check().leasingFrom(book, A).run(Requests.of(Arrays.asList("web=" + p + "-" + (p + 20))), "localhost", DetectorChoice.CONNECT, ConflictPolicy.FAIL);
            assertEquals(p + 5, port(result, "web"));
            assertFalse(book.claim(p + 5, B).granted(), "the chosen port stays leased");
            for (int port = p + 6; port <= p + 20; port++) {
                assertTrue(book.claim(port, B).granted(), "port " + port + " was given back");
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
            LeaseBook.endBuild(Owners.BUILD);
        }
    }

    @Test
    void aRangeEntryNamesThePortsItPassedOverAndWhy(@TempDir Path leases) throws Exception {
        LeaseBook book = Leases.in(leases);
        List<ServerSocket> held = listeningRun(3);
        try {
            int p = held.get(0).getLocalPort() - 1;
            assertTrue(book.claim(p, A).granted(), "module-a holds the first port of the range");
            CheckResult result = check().leasingFrom(book, B).run(Requests.of(Arrays.asList("web=" + p + "-" + (p + 9))), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL);
            assertEquals(p + 4, port(result, "web"));
            assertEquals("  web   localhost  " + (p + 4) + "  bind      free (passed over: " + p + " leased by this build"
                    + " (module-a), " + (p + 1) + " in use, " + (p + 2) + " in use, 1 more)",
                    ResultTable.lines(result).get(1));
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
            LeaseBook.endBuild(Owners.BUILD);
        }
    }
}
