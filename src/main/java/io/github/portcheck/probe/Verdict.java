package io.github.portcheck.probe;

import java.net.InetAddress;
import java.util.Objects;

/** What one probe found out about one address and port, with the reason in words. */
public final class Verdict {

    /** The possible answers, most serious first: {@link Verdicts#combine} keeps the most serious. */
    public enum Status {
        /** Something holds the port: it accepted a connection, or a bind said "address already in use". */
        IN_USE,
        /** Another build (or another module of this build) leased the port: it will bind it soon. */
        LEASED,
        /** The operating system refused the bind (EACCES): a privileged port, or one the system excludes. */
        DENIED,
        /** The system reserves the port for itself (Windows' excluded port ranges): nobody may bind it. */
        RESERVED,
        /** A connection neither succeeded nor was refused within the timeout: never taken as free. */
        NO_ANSWER,
        /** The address could not be reached (no route, network down). */
        UNREACHABLE,
        /** The port is free on this address. */
        FREE,
        /** This machine or JVM cannot use the address family (e.g. IPv6 under preferIPv4Stack): not probed. */
        UNAVAILABLE
    }

    private final Status status;
    private final InetAddress address;
    private final int port;
    private final String reason;

    public Verdict(Status status, InetAddress address, int port, String reason) {
        this.status = Objects.requireNonNull(status);
        this.address = address;
        this.port = port;
        this.reason = Objects.requireNonNull(reason);
    }

    public Status status() {
        return status;
    }

    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** A short phrase for the report, e.g. "in use", "permission denied", "no answer within 1000 ms". */
    public String reason() {
        return reason;
    }

    public boolean isFree() {
        return status == Status.FREE;
    }

    @Override
    public String toString() {
        return status + " " + (address == null ? "" : address.getHostAddress()) + ":" + port + " (" + reason + ")";
    }
}
