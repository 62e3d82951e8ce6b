package io.github.portcheck.probe;

import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.Setting;

/** A host that does not resolve: a mistake for check-ports, but maybe not yet up for wait-ports. */
public final class HostNotFoundException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** @param entry the entry that names the host, or null for the {@code host} setting */
    HostNotFoundException(String entry, String host) {
        super(names -> String.format("Invalid value '%s' for %s: %s. Allowed: %s.", host,
                entry == null ? names.of(Setting.HOST) : names.of(Setting.PORTS) + ", entry '" + entry + "'",
                PROBLEM, ALLOWED));
    }

    private static final String PROBLEM = "the host does not resolve, so its ports cannot be checked";
    private static final String ALLOWED = "a host name this machine resolves, an IPv4 address, an IPv6 address,"
            + " or localhost";
}
