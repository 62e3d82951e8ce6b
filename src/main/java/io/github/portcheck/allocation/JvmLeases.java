package io.github.portcheck.allocation;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The ports of one lease directory that some plugin realm of this JVM holds or is leasing. Two realms (two plugin
 * versions in one reactor, a daemon that reloads a plugin) have their own classes and statics; only JDK objects are
 * shared, and the system properties are the JDK's one map for such state. A realm locks a port only while it has
 * reserved it here, and closes a lock file only while nothing is reserved in its directory (see {@link LeaseTable}).
 */
final class JvmLeases {
    private static final String PREFIX = "io.github.portcheck.lease:";

    /** What the keys of this directory start with: "PREFIX/DIRECTORY/port-", then the port and ".lock". */
    private final String keys;

    JvmLeases(Path directory) {
        this.keys = PREFIX + directory.resolve("port-");
    }

    /** Reserves {@code port} for {@code owner}: null if granted, else the owner that has it. */
    LeaseOwner reserve(int port, LeaseOwner owner) {
        Object held = properties().putIfAbsent(key(port), owner.encoded());
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    void free(int port, LeaseOwner owner) {
        properties().remove(key(port), owner.encoded());
    }

    /** Whether any realm of this JVM holds or is leasing a port in this directory. */
    boolean any() {
        for (String key : properties().stringPropertyNames()) { // a copy: safe while other threads change them
            if (key.startsWith(keys)) {
                return true;
            }
        }
        return false;
    }

    private String key(int port) {
        return keys + port + ".lock";
    }

    private static Properties properties() {
        return System.getProperties();
    }
}
