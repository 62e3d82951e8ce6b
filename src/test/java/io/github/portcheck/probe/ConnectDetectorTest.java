package io.github.portcheck.probe;

import static io.github.portcheck.testing.Loopback.V4;
import static io.github.portcheck.testing.Loopback.V4_SECOND;
import static io.github.portcheck.testing.Loopback.V6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectDetectorTest {
    private final ConnectDetector connect = new ConnectDetector(500);

    @Test
    void aRefusedConnectionIsFree() throws Exception {
        int port = Loopback.freePort();
        assertEquals(Status.FREE, connect.probe(V4, port).status());
        assertEquals(Status.FREE, connect.probe(V6, port).status());
    }

    @Test
    void anAcceptedConnectionIsInUse() throws Exception {
        try (ServerSocket held = Loopback.listen(V4, 0)) {
            Verdict v = connect.probe(V4, held.getLocalPort());
            assertEquals(Status.IN_USE, v.status());
            assertEquals(V4, v.address());
        }
        try (ServerSocket held = Loopback.listen(V6, 0)) {
            assertEquals(Status.IN_USE, connect.probe(V6, held.getLocalPort()).status());
        }
    }

    @Test
    void blindSpotsListenersElsewhereAndBoundSocketsLookFree() throws Exception {
        try (ServerSocket other = Loopback.listen(V4_SECOND, 0); Socket bound = Loopback.boundNotListening(V4)) {
            assertEquals(Status.FREE, connect.probe(V4, other.getLocalPort()).status());
            assertEquals(Status.FREE, connect.probe(V4, bound.getLocalPort()).status());
        }
    }

    @Test
    void aConnectionToItselfIsNotAListener() throws Exception {
        int port = Loopback.freePort();
        // A client socket pre-bound to the target port makes the kernel's simultaneous open certain.
        ConnectDetector selfConnecting = new ConnectDetector(500, () -> {
            try {
                Socket s = new Socket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(V4, port));
                return s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Verdict v = selfConnecting.probe(V4, port);
        assertEquals(Status.FREE, v.status(), v.toString());
        assertTrue(v.reason().contains("connected to itself"), v.reason());
    }

    @Test
    void aListenerWithAFullBacklogGivesNoAnswerNeverFree() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket stuck = new ServerSocket()) {
            stuck.bind(new InetSocketAddress(V4, 0), 1); // never accepts
            int port = stuck.getLocalPort();
            boolean full = false;
            for (int i = 0; i < 20 && !full; i++) {
                Socket s = new Socket();
                queued.add(s);
                try {
                    s.connect(new InetSocketAddress(V4, port), 200);
                } catch (SocketTimeoutException e) {
                    full = true;
                }
            }
            if (!full) {
                fail("the accept queue of a backlog-1 listener never filled in 20 connections");
            }
            Verdict v = new ConnectDetector(200).probe(V4, port);
            assertEquals(Status.NO_ANSWER, v.status(), v.toString());
            assertEquals("no answer within 200 ms", v.reason());
            assertEquals(Status.IN_USE, new BindDetector().probe(V4, port).status(), "bind sees the listener");
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }
}
