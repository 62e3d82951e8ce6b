package io.github.portcheck.probe;

import static io.github.portcheck.testing.Loopback.V4;
import static io.github.portcheck.testing.Loopback.V4_SECOND;
import static io.github.portcheck.testing.Loopback.V6;
import static io.github.portcheck.testing.Loopback.WILDCARD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class BindDetectorTest {
    private final BindDetector bind = new BindDetector();

    @Test
    void aFreePortIsFreeOnEveryAddress() throws Exception {
        int port = Loopback.freePort();
        assertEquals(Status.FREE, bind.probe(WILDCARD, port).status());
        assertEquals(Status.FREE, bind.probe(V4, port).status());
        assertEquals(Status.FREE, bind.probe(V6, port).status());
    }

    @Test
    void aListenerOn127001IsInUseForTheWildcardAndForItsAddress() throws Exception {
        try (ServerSocket held = Loopback.listen(V4, 0)) {
            Verdict v = bind.probe(WILDCARD, held.getLocalPort());
            assertEquals(Status.IN_USE, v.status());
            assertEquals("in use", v.reason());
            assertEquals(Status.IN_USE, bind.probe(V4, held.getLocalPort()).status());
        }
    }

    @Test
    void aListenerOnTheWildcardAddressIsInUseEverywhere() throws Exception {
        try (ServerSocket held = Loopback.listen(WILDCARD, 0)) {
            assertEquals(Status.IN_USE, bind.probe(WILDCARD, held.getLocalPort()).status());
            assertEquals(Status.IN_USE, bind.probe(V4, held.getLocalPort()).status());
            assertEquals(Status.IN_USE, bind.probe(V6, held.getLocalPort()).status());
        }
    }

    @Test
    void aListenerOn127002OnlyIsSeenByTheWildcardBindButNotBy127001() throws Exception {
        try (ServerSocket held = Loopback.listen(V4_SECOND, 0)) {
            assertEquals(Status.IN_USE, bind.probe(WILDCARD, held.getLocalPort()).status());
            // The blind spot of a bind to one address: why localhost binds the wildcard address.
            assertEquals(Status.FREE, bind.probe(V4, held.getLocalPort()).status());
        }
    }

    @Test
    void anIpv6OnlyListenerIsSeenByTheWildcardBind() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(V6, 0)); // a specific IPv6 address: IPV6_V6ONLY in effect
            assertEquals(Status.IN_USE, bind.probe(WILDCARD, held.getLocalPort()).status());
            assertEquals(Status.IN_USE, bind.probe(V6, held.getLocalPort()).status());
            assertEquals(Status.FREE, bind.probe(V4, held.getLocalPort()).status());
        }
    }

    @Test
    void aSocketBoundButNotListeningIsInUse() throws Exception {
        try (Socket held = Loopback.boundNotListening(V4)) {
            assertEquals(Status.IN_USE, bind.probe(WILDCARD, held.getLocalPort()).status());
            assertEquals(Status.IN_USE, bind.probe(V4, held.getLocalPort()).status());
        }
    }

    @Test
    void aListenerWithReusePortIsInUseBecauseTheProbeNeverSetsIt() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            held.bind(new InetSocketAddress(V4, 0));
            assertEquals(Status.IN_USE, bind.probe(V4, held.getLocalPort()).status());
            assertEquals(Status.IN_USE, bind.probe(WILDCARD, held.getLocalPort()).status());
        }
    }

    @Test
    void aPortInTimeWaitIsFreeAsItIsForAJavaServer() throws Exception {
        int port;
        try (ServerSocket server = Loopback.listen(V4, 0); Socket client = new Socket(V4, server.getLocalPort())) {
            port = server.getLocalPort();
            server.accept().close(); // the server side closes first: its end of the connection enters TIME_WAIT
            client.getInputStream().read();
        }
        assertTrue(inTimeWait(port), "port " + port + " is in TIME_WAIT");
        assertEquals(Status.FREE, bind.probe(WILDCARD, port).status());
        assertEquals(Status.FREE, bind.probe(V4, port).status());
    }

    /** Java's sockets are dual-stack, so their connections are listed in /proc/net/tcp6 as IPv4-mapped. */
    private static boolean inTimeWait(int port) throws IOException {
        String local = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Paths.get(table))) {
                String[] cols = line.trim().split("\\s+");
                if (cols[1].endsWith(local) && cols[3].equals("06")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theProbeLeavesThePortFreeForTheServer() throws Exception {
        int port = Loopback.freePort();
        assertEquals(Status.FREE, bind.probe(WILDCARD, port).status());
        try (ServerSocket server = Loopback.listen(WILDCARD, port)) {
            assertEquals(port, server.getLocalPort());
        }
    }
}
