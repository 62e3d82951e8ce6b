package io.github.portcheck.wait;

import io.github.portcheck.holder.ForwarderCheck;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.Detector;
import io.github.portcheck.probe.SocketErrors;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.probe.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Is a service up on the port? A connection must be accepted, and where the listener may be a forwarder (Docker's
 * proxy, an SSH tunnel: they accept at once and close when the service behind them is not listening yet), it
 * must then stay open for a moment. Where /proc shows that the service itself listens, the accepted connection
 * is enough. Answers {@code IN_USE} ("open") when the service is up; anything else is not up yet, with the reason.
 */
final class OpenDetector implements Detector {
    /** How long an accepted connection must stay open (or send data) to count as a service. */
    static final int PROXY_GRACE_MILLIS = 200;

    private final ConnectDetector connect;
    private final int timeoutMillis;
    private final boolean acceptProxy;
    private final ForwarderCheck forwarders;

    OpenDetector(int timeoutMillis, boolean acceptProxy, ForwarderCheck forwarders) {
        this.connect = new ConnectDetector(timeoutMillis);
        this.timeoutMillis = timeoutMillis;
        this.acceptProxy = acceptProxy;
        this.forwarders = forwarders;
    }

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public Verdict probe(InetAddress address, int port) {
        if (acceptProxy) {
            return named(connect.probe(address, port));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            if (ConnectDetector.connectedToItself(socket.getLocalAddress(), socket.getLocalPort(), address, port)) {
                return new Verdict(Status.FREE, address, port, "refused"); // nothing listens
            }
            if (!(address.isLoopbackAddress() || address.isAnyLocalAddress()) || forwarders.mayForward(port)) {
                return watched(socket, address, port);
            }
            return new Verdict(Status.IN_USE, address, port, "open");
        } catch (IOException e) {
            // worded from this attempt: probing again would double what a silent port costs
            return named(SocketErrors.classify(e, address, port, timeoutMillis));
        }
    }

    /** An accepted connection that a forwarder may close at once: open if it stays open for a moment. */
    private static Verdict watched(Socket socket, InetAddress address, int port) throws IOException {
        socket.setSoTimeout(PROXY_GRACE_MILLIS);
        try {
            if (socket.getInputStream().read() < 0) {
                return new Verdict(Status.UNREACHABLE, address, port, "accepted and closed at once"
                        + " (a proxy whose service is not up yet; acceptProxy=true counts it as open)");
            }
        } catch (SocketTimeoutException e) {
            // still open and quiet: a service waiting for its client to speak
        } catch (IOException e) {
            return new Verdict(Status.UNREACHABLE, address, port, "accepted and reset at once");
        }
        return new Verdict(Status.IN_USE, address, port, "open");
    }

    /** The connect detector's words, as a waiting user reads them. */
    private static Verdict named(Verdict v) {
        switch (v.status()) {
            case IN_USE:
                return new Verdict(Status.IN_USE, v.address(), v.port(), "open");
            case FREE:
                return new Verdict(Status.FREE, v.address(), v.port(), "refused");
            default:
                return v;
        }
    }
}
