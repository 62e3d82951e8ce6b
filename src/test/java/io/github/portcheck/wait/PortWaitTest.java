package io.github.portcheck.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.report.WaitReport;
import io.github.portcheck.testing.AcceptAndClose;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Waits;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real listeners that start late, stop late, or accept and close at once. */
class PortWaitTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WaitResult wait(WaitFor goal, boolean acceptProxy, int timeoutSeconds, String... entries)
            throws Exception {
        return Waits.run(Waits.entries(entries).waitFor(goal.toString()).acceptProxy(acceptProxy).connectTimeout(500)
                .timeout(timeoutSeconds), System.currentTimeMillis(), progress::add, line -> { });
    }

    private List<WaitResult.Left> waitFor(WaitFor goal, boolean acceptProxy, int timeoutSeconds, String... entries)
            throws Exception {
        return wait(goal, acceptProxy, timeoutSeconds, entries).pending();
    }

    /** Starts a listener on {@code port} after {@code delayMillis}, in the background. */
    private CountDownLatch listenLater(int port, long delayMillis) {
        CountDownLatch listening = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                open.add(Loopback.listen(Loopback.V4, port));
                listening.countDown();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return listening;
    }

    @Test
    void waitsForListenersThatStartLateAllAtOnce() throws Exception {
        int a = Loopback.freePort();
        int b = Loopback.freePort();
        CountDownLatch first = listenLater(a, 300);
        CountDownLatch second = listenLater(b, 300);
        List<WaitResult.Left> left = waitFor(WaitFor.OPEN, false, 10, "a=" + a, Integer.toString(b));
        assertEquals(0, left.size());
        assertTrue(first.await(0, TimeUnit.SECONDS) && second.await(0, TimeUnit.SECONDS), "both were listening");
    }

    @Test
    void waitsForAListenerThatStopsLate() throws Exception {
        ServerSocket held = Loopback.listen(Loopback.V4, 0);
        int port = held.getLocalPort();
        Thread closer = Loopback.closeLater(held, 300);
        long start = System.nanoTime();
        assertEquals(0, waitFor(WaitFor.FREE, false, 10, "db=" + port).size());
        assertTrue(held.isClosed() && System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
        closer.join();
    }

    @Test
    void aForwarderThatAcceptsAndClosesAtOnceIsNotOpenUnlessProxiesAreAccepted(@TempDir Path dir) throws Exception {
        Process proxy = AcceptAndClose.startAs("docker-proxy", dir);
        try {
            int port = AcceptAndClose.port(proxy);
            WaitResult result = wait(WaitFor.OPEN, false, 1, "app=" + port);
            assertEquals(1, result.pending().size());
            assertEquals("The port did not become open within 1 s:\n  port " + port + " (app) on localhost:"
                    + " accepted and closed at once (a proxy whose service is not up yet; acceptProxy=true counts it"
                    + " as open)", WaitReport.timedOut(result));
            assertEquals(0, waitFor(WaitFor.OPEN, true, 1, "app=" + port).size());
        } finally {
            proxy.getOutputStream().close();
            proxy.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aListenerThatIsNoForwarderIsOpenOnceItAccepts() throws Exception {
        assumeTrue(Files.isReadable(Paths.get("/proc/net/tcp")), "without /proc every listener may be a forwarder");
        // This JVM accepts and closes at once too, but /proc shows that it is the service, not a forwarder.
        ServerSocket service = Loopback.listen(Loopback.V4, 0);
        open.add(service);
        Thread acceptor = new Thread(() -> {
            while (!service.isClosed()) {
                try (Socket s = service.accept()) {
                    // closed at once
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        assertEquals(0, waitFor(WaitFor.OPEN, false, 1, "app=" + service.getLocalPort()).size());
    }

    @Test
    void aListenerThatStaysQuietIsOpen() throws Exception {
        try (ServerSocket quiet = Loopback.listen(Loopback.V6, 0)) {
            assertEquals(0, waitFor(WaitFor.OPEN, false, 2, "[::1]:" + quiet.getLocalPort()).size());
        }
    }

    @Test
    void onTimeoutEveryPortIsNamedWithTheLastErrorSeen() throws Exception {
        int a = Loopback.freePort();
        int b = Loopback.freePort();
        WaitResult result = wait(WaitFor.OPEN, false, 1, "db=" + a, "127.0.0.1:" + b);
        assertEquals("2 of 2 ports did not become open within 1 s:\n  port " + a + " (db) on localhost: refused\n"
                + "  port " + b + " on 127.0.0.1: refused\nNothing accepted connections on ports " + a + ", " + b
                + ": was the server started before this goal ran? Within one phase Maven runs plugins in the order the"
                + " pom declares them.", WaitReport.timedOut(result));
    }

    @Test
    void rangesAndAnyPortsCannotBeWaitedFor() {
        io.github.portcheck.config.ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.github.portcheck.config.ConfigurationException.class,
                () -> waitFor(WaitFor.OPEN, false, 1, "http.port=8080-8090"));
        assertTrue(e.getMessage().contains("'http.port=8080-8090' for setting ports: wait-ports"
                + " waits for one known port per entry"), e.getMessage());
    }

    @Test
    void aTimeoutAfterAProcessOfThisBuildEndedSaysSo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.github.portcheck.system.ProcessTree.forThisSystem().canTell(),
                "needs /proc");
        Process server = new ProcessBuilder("sleep", "0.5").start(); // the server that was to open the port
        int port = Loopback.freePort();
        WaitResult result = wait(WaitFor.OPEN, false, 2, "app=" + port);
        assertTrue(server.waitFor(0, TimeUnit.SECONDS));
        String message = WaitReport.timedOut(result);
        assertTrue(message.contains("\nA process this build started ended during the wait: PID " + server.pid() + ": ")
                && message.endsWith("sleep 0.5."), message);
    }
}
