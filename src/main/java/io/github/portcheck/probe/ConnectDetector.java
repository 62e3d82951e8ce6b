package io.github.portcheck.probe;

import io.github.portcheck.probe.Verdict.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * Acts as a client: an accepted connection means taken, a refused one free. It never occupies the port, so
 * it cannot disturb a service that is starting, and it is the only probe for a remote host. It does not see
 * a socket that is bound but not listening, nor a listener on another local address. For many ports at once,
 * {@link ConnectScanner} does the same work in parallel.
 */
public final class ConnectDetector implements Detector {
    private final int timeoutMillis;
    private final Supplier<Socket> sockets;

    public ConnectDetector(int timeoutMillis) {
        this(timeoutMillis, Socket::new);
    }

    ConnectDetector(int timeoutMillis, Supplier<Socket> sockets) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
        this.sockets = sockets;
    }

    /**
     * TCP simultaneous open: when the probe's own ephemeral port is the target port, the connection meets
     * itself. That is no listener, and every connect probe must say so.
     */
    public static boolean connectedToItself(InetAddress local, int localPort, InetAddress target, int port) {
        return localPort == port && local.equals(target);
    }

    @Override
    public String name() {
        return "connect";
    }

    /** Many ports at once: waiting for slow answers overlaps, which matters for remote hosts. */
    @Override
    public Verdict[] probeAll(InetAddress address, int[] ports) {
        try {
            return new ConnectScanner(timeoutMillis, 256).scan(address, ports);
        } catch (IOException e) {
            return Detector.super.probeAll(address, ports); // no selector to be had: one at a time
        }
    }

    @Override
    public boolean batches() {
        return true;
    }

    @Override
    public Verdict probe(InetAddress address, int port) {
        try (Socket socket = sockets.get()) {
            socket.setSoLinger(true, 0); // close with a reset: probes leave no TIME_WAIT behind
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            if (connectedToItself(socket.getLocalAddress(), socket.getLocalPort(), address, port)) {
                return new Verdict(Status.FREE, address, port, "free (the probe connected to itself)");
            }
            return new Verdict(Status.IN_USE, address, port, "in use");
        } catch (IOException e) {
            return SocketErrors.classify(e, address, port, timeoutMillis);
        }
    }
}
