package io.github.portcheck.allocation;

import java.util.Properties;

/**
 * Which module holds each port of one lock file, for every plugin realm of this JVM: two realms (two plugin versions
 * in one reactor, a daemon that reloads a plugin) have their own classes and statics, and the system properties are
 * the JDK's one map that both see. A label only, for messages and for a module's second execution: whether a port
 * is held in this JVM is what the JDK's lock table says, since others may replace the system properties (surefire
 * with {@code forkCount=0} restores a copy of them). Keyed by the file's identity: two paths to one file are one.
 */
final class JvmLeases {
    private static final String PREFIX = "io.github.portcheck.lease:";

    /** What the keys of this file start with: "PREFIX" + identity + ":", then the port. */
    private final String keys;

    JvmLeases(String identity) {
        this.keys = PREFIX + identity + ":";
    }

    void hold(int port, LeaseOwner owner) {
        properties().put(keys + port, owner.encoded());
    }

    /** The module a realm of this JVM holds {@code port} for, or null where none says so. */
    LeaseOwner holder(int port) {
        Object held = properties().get(keys + port);
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    void free(int port, LeaseOwner owner) {
        properties().remove(keys + port, owner.encoded());
    }

    private static Properties properties() {
        return System.getProperties();
    }
}
