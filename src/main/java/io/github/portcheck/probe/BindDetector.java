package io.github.portcheck.probe;

import io.github.portcheck.probe.Verdict.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Listens on the port for an instant, exactly as a Java server would: a plain {@link ServerSocket}, which
 * sets SO_REUSEADDR (so a port in TIME_WAIT counts as free, as it is for the server) and never SO_REUSEPORT
 * (which would bind beside a live listener). Sees listeners on any local address when bound to the wildcard
 * address, and sockets that are bound but not listening.
 */
public final class BindDetector implements Detector {

    @Override
    public String name() {
        return "bind";
    }

    @Override
    public Verdict probe(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, port), 1);
            return new Verdict(Status.FREE, address, port, "free");
        } catch (IOException e) {
            return SocketErrors.classify(e, address, port, 0);
        }
    }
}
