package io.github.portcheck.probe;

/** The bind detector was asked to probe a host that is not this machine: only a local address can be bound. */
public final class NotLocalHostException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final String address;

    public NotLocalHostException(String host, String address) {
        super("host " + host + " (" + address + ") is not an address of this machine", null, false, false);
        this.host = host;
        this.address = address;
    }

    public String host() {
        return host;
    }

    /** The address of the host that is not local, e.g. 192.0.2.7. */
    public String address() {
        return address;
    }
}
