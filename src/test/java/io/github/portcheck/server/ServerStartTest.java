package io.github.portcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawStartSettings;
import io.github.portcheck.config.StartSettings;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Owners;
import io.github.portcheck.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes started, waited for, failed and stopped; each test checks that no process is left. */
class ServerStartTest {
    private static final LeaseOwner MODULE = Owners.module("app");

    @TempDir
    Path dir;

    private ServerRecords records;
    private final Map<String, String> properties = new HashMap<>();
    private final List<String> said = new ArrayList<>();
    private final ProcessTree tree = ProcessTree.forThisSystem();

    @BeforeEach
    void records() throws Exception {
        records = new ServerRecords(Files.createDirectory(dir.resolve("records")), tree);
    }

    @AfterEach
    void endModule() {
        Servers.endModule(MODULE, (s, r) -> said.add("ended with the module: " + s.name()));
    }

    private final BuildProperties build = BuildProperties.NONE.with(properties);

    /** The test server, in a JVM of its own, with these arguments; its output in server.log. */
    private RawStartSettings testServer(String... args) {
        List<String> arguments = new ArrayList<>(Arrays.asList("-cp", ChildJvm.classpath(), TestServer.class.getName()));
        arguments.addAll(Arrays.asList(args));
        return new RawStartSettings().executable(ChildJvm.java()).arguments(arguments).workingDirectory(dir)
                .logFile(dir.resolve("server.log")).stopTimeout(5).timeout(30);
    }

    private ServerStart.Ready start(RawStartSettings raw) throws Exception {
        StartSettings settings = raw.checked(build);
        return new ServerStart(settings, "start-app", MODULE, "it:app@" + dir, records).run(build,
                Collections.<String, String>emptyMap(), said::add, said::add, said::add);
    }

    private static PortEntry entry(String text) {
        return PortEntry.of(text);
    }

    private boolean gone(long pid) {
        return tree.alive(pid) != 1;
    }

    private long recordCount() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("records"))) {
            return files.count();
        }
    }

    @Test
    void readyWhenItsPortOpensAndStoppedWithItsPortFreeAgain() throws Exception {
        int port = Loopback.freePort();
        properties.put("app.port", Integer.toString(port));
        ServerStart.Ready ready = start(testServer("listen", "@{app.port}", "300")
                .readyWhen(Collections.singletonList(entry("app=127.0.0.1:@{app.port}"))));
        RunningServer server = ready.server();
        assertEquals(Status.IN_USE, new BindDetector().probe(Loopback.V4, port).status(), "listening when ready");
        assertEquals(1, recordCount(), "recorded while it runs");
        List<StopResult> results = new ArrayList<>();
        Servers.stop(MODULE, Collections.<String>emptyList(), 5000, (s, r) -> results.add(r));
        assertEquals(StopResult.How.ENDED, results.get(0).how());
        assertTrue(gone(server.pid()));
        assertEquals(0, recordCount(), "its record goes with it");
    }

    @Test
    void readyByAUrlAndByALineOfItsOutput() throws Exception {
        int port = Loopback.freePort();
        properties.put("app.port", Integer.toString(port));
        ServerStart.Ready ready = start(testServer("listen", "@{app.port}", "200")
                .readyWhen(Collections.singletonList(entry("http://127.0.0.1:@{app.port}/health")))
                .readyLog("Listening on \\d+"));
        assertTrue(ready.line().startsWith("Listening on " + port), ready.line());
    }

    @Test
    void aProcessThatEndsBeforeItIsReadyFailsAtOnceWithItsExitCodeAndLastLines() throws Exception {
        ProcessExitedException e = assertThrows(ProcessExitedException.class,
                () -> start(testServer("exit", "3", "100").readyLog("never printed")));
        assertEquals(3, e.exitCode());
        assertTrue(e.lastLines().get(e.lastLines().size() - 1).startsWith("ending with 3 at "), e.lastLines().toString());
        assertTrue(e.millis() < 20_000, "long before the timeout of 30 s: " + e.millis() + " ms");
        assertEquals(0, recordCount());
    }

    @Test
    void aServerNotReadyInTimeIsStoppedBeforeTheStartFails() throws Exception {
        NotReadyException e = assertThrows(NotReadyException.class,
                () -> start(testServer("print", "started, but not as asked", "0").readyLog("READY").timeout(1)));
        assertTrue(e.notReady().get(0).endsWith("not seen yet"), e.notReady().toString());
        assertTrue(e.lastLines().get(0).startsWith("started, but not as asked"), e.lastLines().toString());
        assertTrue(gone(e.pid()), "stopped before the failure");
        assertEquals(0, recordCount());
    }

    @Test
    void aLogInAFolderAnotherUserCouldChangeIsRefusedBeforeAnythingStarts() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = Files.createTempDirectory(java.nio.file.Paths.get("/tmp"), "portcheck-test-");
        try {
            Files.setAttribute(shared, "unix:mode", 01777); // as /tmp
            // a folder of another user's, in which it could swap the log for a link to a file of root's, or a FIFO
            Path theirs = shared.resolve("logs");
            assertEquals(0, ChildJvm.asNobody("mkdir -m 755 " + theirs).exit);
            LaunchException e = assertThrows(LaunchException.class,
                    () -> start(testServer("print", "READY", "0").readyLog("READY").logFile(theirs.resolve("app.log"))));
            assertTrue(e.why().contains(theirs + " belongs to user nobody"), e.why());
            assertFalse(Files.exists(theirs.resolve("app.log")), "nothing written there");
            // a folder of root's that everybody may write: anybody could plant the log
            Path open = Files.createDirectory(shared.resolve("open"));
            Files.setAttribute(open, "unix:mode", 0777);
            e = assertThrows(LaunchException.class,
                    () -> start(testServer("print", "READY", "0").readyLog("READY").logFile(open.resolve("app.log"))));
            assertTrue(e.why().contains("may be written by other users"), e.why());
            assertFalse(said.stream().anyMatch(s -> s.startsWith("Started")), said.toString());
            assertEquals(0, recordCount(), "no server was started");
        } finally {
            try (Stream<Path> all = Files.walk(shared)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aLogFolderThatOnlyItsOwnersOwnGroupMayWriteIsTheOwners() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs a folder of a user whose group has its name");
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.setAttribute(logs, "unix:mode", 0775); // umask 002: group root is root's own
        ServerStart.Ready ready = start(testServer("print", "READY", "0").readyLog("READY")
                .logFile(logs.resolve("app.log")));
        assertTrue(ready.line().contains("READY"), ready.line());
    }

    @Test
    void aServerNoStopStoppedEndsWithItsModule() throws Exception {
        ServerStart.Ready ready = start(testServer("print", "READY", "0").readyLog("READY"));
        Servers.endModule(MODULE, (s, r) -> said.add("ended with the module: " + s.name() + " " + r.how()));
        assertTrue(gone(ready.server().pid()));
        assertTrue(said.contains("ended with the module: start-app ENDED"), said.toString());
    }

    @Test
    void everyProcessItStartedIsStoppedTooAlsoOneItsParentLeftToInit() throws Exception {
        assumeTrue(tree.canTell(), "needs /proc");
        // a grandchild in a session of its own, whose shell ends: only the cookie in its environment still names it
        ServerStart.Ready ready = start(new RawStartSettings().executable("sh").arguments(Arrays.asList("-c",
                "(setsid sleep 300 &); sleep 300 & echo READY; wait")).workingDirectory(dir)
                .logFile(dir.resolve("server.log")).readyLog("READY").stopTimeout(5).timeout(30));
        RunningServer server = ready.server();
        List<Long> family = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (family.size() < 3 && System.nanoTime() < deadline) { // the sh, its sleep, the one left to init
            family = tree.withEnvironment(ServerStart.COOKIE, server.cookie());
            Thread.sleep(20);
        }
        assertEquals(3, family.size(), "the server's processes: " + family);
        List<StopResult> results = new ArrayList<>();
        Servers.stop(MODULE, Collections.<String>emptyList(), 5000, (s, r) -> results.add(r));
        for (long pid : family) {
            assertTrue(gone(pid), "PID " + pid + " of the server outlived its stop");
        }
        assertEquals(3, results.get(0).processes());
    }

    @Test
    void aServerThatIgnoresTheRequestToEndIsEndedByForce() throws Exception {
        ServerStart.Ready ready = start(new RawStartSettings().executable("sh").arguments(Arrays.asList("-c",
                "trap '' TERM; echo READY; sleep 300")).workingDirectory(dir).logFile(dir.resolve("server.log"))
                .readyLog("READY").stopTimeout(1).timeout(30));
        List<StopResult> results = new ArrayList<>();
        Servers.stop(MODULE, Collections.<String>emptyList(), 1000, (s, r) -> results.add(r));
        assertEquals(StopResult.How.KILLED, results.get(0).how());
        assertTrue(results.get(0).millis() >= 1000, "asked first, for its stop timeout: " + results.get(0).millis());
        assertTrue(gone(ready.server().pid()));
        assertFalse(results.get(0).exitCode() == 0);
    }
}
