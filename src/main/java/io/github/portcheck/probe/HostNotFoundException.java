package io.github.portcheck.probe;

/** A host that does not resolve: a mistake for check-ports, but maybe not up yet for wait-ports. */
public final class HostNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String host;

    public HostNotFoundException(String host) {
        super("host " + host + " does not resolve", null, false, false);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
