package io.github.portcheck.probe;

import io.github.portcheck.probe.Verdict.Status;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Turns the exception of a failed bind or connect into a verdict. Java throws the same
 * {@link BindException} for "address already in use" (EADDRINUSE), "permission denied" (EACCES) and
 * "cannot assign requested address" (EADDRNOTAVAIL); only the operating system's text tells them apart.
 */
public final class SocketErrors {
    private SocketErrors() {
    }

    public static Verdict classify(IOException e, InetAddress address, int port, int connectTimeoutMillis) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || message.contains("timed out")) {
            return new Verdict(Status.NO_ANSWER, address, port, "no answer within " + connectTimeoutMillis + " ms");
        }
        if (message.contains("family")) {
            // "Protocol family unavailable" (preferIPv4Stack) or "Address family not supported by protocol"
            return new Verdict(Status.UNAVAILABLE, address, port, "address family not available in this JVM");
        }
        if (e instanceof BindException) {
            if (message.contains("permission denied") || message.contains("access")) {
                return new Verdict(Status.DENIED, address, port, "permission denied");
            }
            if (message.contains("cannot assign") || message.contains("not available")) {
                return new Verdict(Status.UNAVAILABLE, address, port, "address not configured on this machine");
            }
            // "Address already in use", or the same text in another language: never call it free.
            return new Verdict(Status.IN_USE, address, port, "in use");
        }
        if (e instanceof NoRouteToHostException || message.contains("unreachable")) {
            return new Verdict(Status.UNREACHABLE, address, port, "unreachable");
        }
        if (e instanceof ConnectException) {
            // Refused: nothing listens there.
            return new Verdict(Status.FREE, address, port, "free");
        }
        return new Verdict(Status.UNREACHABLE, address, port, "unreachable (" + e.getMessage() + ")");
    }
}
