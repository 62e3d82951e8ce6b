package io.github.portcheck.probe;

import static io.github.portcheck.testing.Loopback.V4;
import static io.github.portcheck.testing.Loopback.V6;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectScannerTest {

    @Test
    void answersForEveryPortInOrderWithFewerProbesInFlightThanPorts() throws Exception {
        List<ServerSocket> held = new ArrayList<>();
        int[] ports = new int[40];
        try {
            for (int i = 0; i < ports.length; i++) {
                if (i % 3 == 0) {
                    ServerSocket s = Loopback.listen(V4, 0);
                    held.add(s);
                    ports[i] = s.getLocalPort();
                } else {
                    ports[i] = Loopback.freePort();
                }
            }
            Verdict[] verdicts = new ConnectScanner(500, 7).scan(V4, ports);
            for (int i = 0; i < ports.length; i++) {
                assertEquals(ports[i], verdicts[i].port());
                assertEquals(i % 3 == 0 ? Status.IN_USE : Status.FREE, verdicts[i].status(), "port " + ports[i]);
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    @Test
    void severalThreadsShareALongListAndKeepItsOrder() throws Exception {
        try (ServerSocket held = Loopback.listen(V4, 0)) {
            int[] ports = new int[1200];
            int free = Loopback.freePort();
            for (int i = 0; i < ports.length; i++) {
                ports[i] = i % 100 == 7 ? held.getLocalPort() : free;
            }
            Verdict[] verdicts = new ConnectScanner(500, 32, 3).scan(V4, ports);
            for (int i = 0; i < ports.length; i++) {
                assertEquals(i % 100 == 7 ? Status.IN_USE : Status.FREE, verdicts[i].status(), "index " + i);
            }
        }
    }

    @Test
    void seesIpv6ListenersToo() throws Exception {
        try (ServerSocket v6 = Loopback.listen(V6, 0)) {
            int free = Loopback.freePort();
            Verdict[] verdicts = new ConnectScanner(500, 4).scan(V6, new int[] {v6.getLocalPort(), free});
            assertEquals(Status.IN_USE, verdicts[0].status());
            assertEquals(Status.FREE, verdicts[1].status());
        }
    }

    @Test
    void aListenerWithAFullBacklogTimesOutWhileTheOthersAreAnswered() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket stuck = new ServerSocket()) {
            stuck.bind(new InetSocketAddress(V4, 0), 1);
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket();
                queued.add(s);
                try {
                    s.connect(new InetSocketAddress(V4, stuck.getLocalPort()), 200);
                } catch (SocketTimeoutException e) {
                    break;
                }
            }
            int free = Loopback.freePort();
            Verdict[] verdicts = new ConnectScanner(300, 8).scan(V4, new int[] {stuck.getLocalPort(), free});
            assertEquals(Status.NO_ANSWER, verdicts[0].status());
            assertEquals("no answer within 300 ms", verdicts[0].reason());
            assertEquals(Status.FREE, verdicts[1].status());
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }
}
