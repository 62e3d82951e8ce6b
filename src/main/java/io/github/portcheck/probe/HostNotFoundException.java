package io.github.portcheck.probe;

import io.github.portcheck.spec.ConfigurationException;

/** A host that does not resolve: a mistake for check-ports, but maybe not yet up for wait-ports. */
public final class HostNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    HostNotFoundException(String parameter, String host) {
        super(parameter, host, "the host does not resolve, so its ports cannot be checked",
                "a host name this machine resolves, an IPv4 address, an IPv6 address, or localhost");
    }
}
