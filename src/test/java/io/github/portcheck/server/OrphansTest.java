package io.github.portcheck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.system.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build killed with kill -9 left running: stopped by the next build of its project only when the recorded
 * process provably still is that server; anything else is never touched.
 */
class OrphansTest {
    private static final String PROJECT = "it:app@/work/app";
    /** A start time no living process has: the recorded build is gone. */
    private static final String GONE = "00000000-0000-0000-0000-000000000000/1";

    @TempDir
    Path dir;

    private final ProcessTree tree = ProcessTree.forThisSystem();
    private final List<Process> started = new ArrayList<>();
    private ServerRecords records;
    private Orphans orphans;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(tree.canTell(), "needs /proc to tell a process's start");
        records = new ServerRecords(Files.createDirectory(dir.resolve("records")), tree);
        orphans = Orphans.of(records);
    }

    @AfterEach
    void end() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "300").start();
        started.add(p);
        return p;
    }

    private ServerRecord record(String project, Process server, String started, long ownerPid, String ownerStarted) {
        return new ServerRecord(project, "start-app", Signals.pidOf(server), started, "", "sleep 300",
                Collections.singletonList(21000), ownerPid, ownerStarted, System.currentTimeMillis());
    }

    private long records() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("records"))) {
            return files.count();
        }
    }

    @Test
    void aServerOfThisProjectWhoseBuildIsGoneIsStoppedAndItsRecordRemoved() throws Exception {
        Process server = sleeper();
        long pid = Signals.pidOf(server);
        records.write(record(PROJECT, server, tree.startTime(pid), 1, GONE));
        List<Orphans.Stopped> stopped = orphans.stopFor(PROJECT, 5000);
        assertEquals(1, stopped.size());
        assertEquals(pid, stopped.get(0).record().pid());
        assertTrue(server.waitFor(10, TimeUnit.SECONDS), "stopped");
        assertEquals(0, records());
    }

    @Test
    void aProcessThatIsNotProvablyTheRecordedServerIsNeverTouched() throws Exception {
        // The PID of the record is now another process's (its start time differs), or its start was not known.
        Process reused = sleeper();
        records.write(record(PROJECT, reused, GONE, 1, GONE));
        Process unknown = sleeper();
        records.write(record(PROJECT, unknown, null, 1, GONE));
        assertEquals(Collections.emptyList(), orphans.stopFor(PROJECT, 5000));
        assertTrue(reused.isAlive() && unknown.isAlive(), "never touched");
        assertEquals(0, records(), "the records of what is gone are forgotten");
    }

    @Test
    void aServerOfALivingBuildOrOfAnotherProjectIsLeftAloneAndAnotherProjectsOrphanIsNamed() throws Exception {
        Process living = sleeper();
        long self = tree.self();
        records.write(record(PROJECT, living, tree.startTime(Signals.pidOf(living)), self, tree.startTime(self)));
        Process other = sleeper();
        long otherPid = Signals.pidOf(other);
        records.write(record("it:other@/work/other", other, tree.startTime(otherPid), 1, GONE));
        assertEquals(Collections.emptyList(), orphans.stopFor(PROJECT, 5000));
        assertTrue(living.isAlive() && other.isAlive());
        assertEquals(2, records());
        assertEquals(Collections.singleton(otherPid), orphans.leftRunning().keySet(), "named where it holds a port");
    }
}
