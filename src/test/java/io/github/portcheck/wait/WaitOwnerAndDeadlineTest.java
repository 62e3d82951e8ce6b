package io.github.portcheck.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.config.RawWaitSettings;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.holder.ListenerChild;
import io.github.portcheck.report.Failures;
import io.github.portcheck.report.WaitReport;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.DetachedListener;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Waits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ends a wait early or on time: a foreign listener, a server that died, ports that never answer. */
class WaitOwnerAndDeadlineTest {
    private final List<String> progress = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** What is pending at the timeout; the build started a second ago. */
    private List<WaitResult.Left> run(RawWaitSettings raw, int timeoutSeconds) throws Exception {
        return Waits.run(raw.interval(50).timeout(timeoutSeconds), System.currentTimeMillis() - 1000, progress::add,
                warnings::add).pending();
    }

    @Test
    void silentPortsEndTheWaitByItsTimeoutPlusOneProbeTimeout() throws Exception {
        List<ServerSocket> stuck = new ArrayList<>();
        List<Socket> queued = new ArrayList<>();
        try {
            List<String> entries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ServerSocket s = new ServerSocket();
                s.bind(new InetSocketAddress(Loopback.V4, 0), 1); // never accepts
                stuck.add(s);
                fill(s.getLocalPort(), queued);
                entries.add("127.0.0.1:" + s.getLocalPort());
            }
            long start = System.nanoTime();
            List<WaitResult.Left> left = run(Waits.entries(entries.toArray(new String[0]))
                    .connectTimeout(2000), 3);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(4, left.size());
            assertEquals("no answer within 2000 ms", left.get(0).last().reason());
            // one after the other, four silent ports would cost 4 x 2 s a round
            assertTrue(elapsed < 6000, "the timeout of 3 s plus one probe timeout of 2 s, not " + elapsed + " ms");
        } finally {
            for (Socket s : queued) {
                s.close();
            }
            for (ServerSocket s : stuck) {
                s.close();
            }
        }
    }

    /** Connects until the listener's accept queue is full: then a connect gets no answer at all. */
    private static void fill(int port, List<Socket> queued) throws Exception {
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket();
            queued.add(s);
            try {
                s.connect(new InetSocketAddress(Loopback.V4, port), 200);
            } catch (SocketTimeoutException e) {
                return;
            }
        }
        fail("the accept queue of a backlog-1 listener never filled in 20 connections");
    }

    @Test
    void aListenerThisBuildDidNotStartEndsTheWaitNamingIt(@TempDir Path dir) throws Exception {
        assumeTrue(ProcessTree.forThisSystem().canTell(), "needs /proc");
        Path alive = dir.resolve("listener");
        long[] portAndPid = DetachedListener.start(alive);
        try {
            WaitStoppedException e = assertThrows(WaitStoppedException.class, () -> run(Waits
                    .entries("app=127.0.0.1:" + portAndPid[0]).ownListener(true), 60));
            String message = WaitReport.stopped(e);
            assertTrue(message.startsWith("port " + portAndPid[0] + " (app) on 127.0.0.1 is open, but held by"
                    + " PID " + portAndPid[1] + ": java " + DetachedListener.class.getName()), message);
            assertTrue(message.contains("which this build did not start"), message);
            assertEquals(List.of(), warnings);
            // without the check, the same port is simply open (asked while the listener lives: it ends with its file)
            assertEquals(0, run(Waits.entries("app=127.0.0.1:" + portAndPid[0]), 60).size());
        } finally {
            Files.deleteIfExists(alive);
        }
    }

    @Test
    void aListenerThisJvmStartedIsItsOwn() throws Exception {
        assumeTrue(ProcessTree.forThisSystem().canTell(), "needs /proc");
        Process child = ChildJvm.of(ListenerChild.class).start();
        try {
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line != null && line.startsWith("PORT "), String.valueOf(line));
            assertEquals(0, run(Waits.entries("app=127.0.0.1:" + line.substring(5)).ownListener(true),
                    60).size());
            assertEquals(List.of(), warnings);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aServerWhoseProcessEndsFailsTheWaitAtOnce(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("app.pid");
        int port = Loopback.freePort();
        Process server = new ProcessBuilder("sleep", "0.3").start();
        Files.write(pidFile, Long.toString(server.pid()).getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        WaitStoppedException e = assertThrows(WaitStoppedException.class,
                () -> run(Waits.entries("app=127.0.0.1:" + port).pidFile(pidFile), 60));
        assertEquals("The server's process (PID " + server.pid() + ", from " + pidFile + ") ended before the port was"
                + " ready:\n  port " + port + " (app) on 127.0.0.1: refused", WaitReport.stopped(e));
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 30, "long before the timeout");
    }

    @Test
    void aPidFileOfAnEarlierRunWaitsForTheNewServer(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("app.pid");
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        Files.write(pidFile, Long.toString(gone.pid()).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(pidFile, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        List<WaitResult.Left> left = run(Waits.entries("app=127.0.0.1:" + Loopback.freePort())
                .pidFile(pidFile), 1);
        assertEquals(1, left.size(), "pending at the timeout, not stopped by a leftover pid file");
    }

    @Test
    void aPidFileGoesWithEntriesOfThisMachineOnly(@TempDir Path dir) {
        Path pidFile = dir.resolve("app.pid");
        PidFileHostException e = assertThrows(PidFileHostException.class,
                () -> run(Waits.entries("db=192.0.2.1:5432").pidFile(pidFile), 1));
        assertEquals("Invalid value '" + pidFile + "' for setting pidFile: entry 'db=192.0.2.1:5432' is on host"
                + " 192.0.2.1, where this machine cannot see the process of a pid file. Allowed: a pid file only"
                + " with entries on this machine (localhost or one of its addresses).", Failures.pidFileHost(e)
                .message(SettingNames.PLAIN));
        assertEquals(List.of(), progress, "refused before any waiting");
    }
}
