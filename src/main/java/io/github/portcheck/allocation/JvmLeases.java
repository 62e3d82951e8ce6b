package io.github.portcheck.allocation;

import java.util.Properties;

/**
 * The ports of one lock file that some plugin realm of this JVM holds or is leasing. Two realms (two plugin versions
 * in one reactor, a daemon that reloads a plugin) have their own classes and statics; only JDK objects are shared,
 * and the system properties are the JDK's one map for such state. A realm locks a port only while it has reserved
 * it here, and closes a lock file only while nothing is reserved in that file (see {@link LeaseBook}). Keyed by the
 * file's identity, not its path: two paths to one file are one file.
 */
final class JvmLeases {
    private static final String PREFIX = "io.github.portcheck.lease:";

    /** What the keys of this file start with: "PREFIX" + identity + ":", then the port. */
    private final String keys;

    JvmLeases(String identity) {
        this.keys = PREFIX + identity + ":";
    }

    /** Reserves {@code port} for {@code owner}: null if granted, else the owner that has it. */
    LeaseOwner reserve(int port, LeaseOwner owner) {
        Object held = properties().putIfAbsent(keys + port, owner.encoded());
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    void free(int port, LeaseOwner owner) {
        properties().remove(keys + port, owner.encoded());
    }

    /** Whether any realm of this JVM holds or is leasing a port in this file. */
    boolean any() {
        for (String key : properties().stringPropertyNames()) { // a copy: safe while other threads change them
            if (key.startsWith(keys)) {
                return true;
            }
        }
        return false;
    }

    private static Properties properties() {
        return System.getProperties();
    }
}
