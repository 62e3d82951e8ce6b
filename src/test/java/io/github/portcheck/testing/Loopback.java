package io.github.portcheck.testing;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.BindDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;

/** Real sockets on loopback and wildcard addresses only, for tests. */
public final class Loopback {
    public static final InetAddress V4 = address("127.0.0.1");
    public static final InetAddress V4_SECOND = address("127.0.0.2");
    public static final InetAddress V6 = address("::1");
    public static final InetAddress WILDCARD = new InetSocketAddress(0).getAddress();

    private Loopback() {
    }

    /** Parses a literal address; never asks a name server. */
    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listener on the address; port 0 picks a free one. */
    public static ServerSocket listen(InetAddress address, int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(address, port), 50);
        return s;
    }

    /** A port that was free a moment ago on every local address. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(WILDCARD, 0));
            return s.getLocalPort();
        }
    }

    /** Closes {@code socket} after {@code delayMillis}, in the background: a listener that stops late. */
    public static Thread closeLater(ServerSocket socket, long delayMillis) {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                socket.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        closer.start();
        return closer;
    }

    /** A client socket bound to a port but neither listening nor connected. */
    public static Socket boundNotListening(InetAddress address) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(address, 0));
        return s;
    }

    /** A run of {@code length} consecutive ports free now on every address, below the usual ephemeral ranges. */
    public static PortRange freeRun(int length) {
        BindDetector bind = new BindDetector();
        int first = 20000 + (int) (ProcessHandle.current().pid() % 5000);
        for (int port = first, run = 0; port < 32000; port++) {
            run = bind.probe(WILDCARD, port).isFree() ? run + 1 : 0;
            if (run == length) {
                return PortRange.of(port - length + 1, port);
            }
        }
        throw new AssertionError("no run of " + length + " free ports");
    }
}
