package io.github.portcheck.allocation;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The ports that some plugin realm of this JVM holds or is leasing, by lease directory. Two realms (two plugin
 * versions in one reactor, a daemon that reloads a plugin) have their own classes and statics; only JDK objects are
 * shared, and the system properties are the JDK's one map for such state. A realm locks a port only while it has
 * reserved it here, and closes a lock file only while nothing is reserved in its directory (see {@link LeaseTable}).
 */
final class JvmLeases {
    private static final String PREFIX = "io.github.portcheck.lease:";

    private JvmLeases() {
    }

    /**
     * What the keys of {@code directory}'s ports start with. Every version of the plugin names a port's key as the
     * path of a lease file, "DIRECTORY/port-N.lock", so that realms of older versions see these leases too.
     */
    static String keysOf(Path directory) {
        return PREFIX + directory.resolve("port-");
    }

    /** Reserves {@code port} for {@code owner}: null if granted, else the owner that has it. */
    static LeaseOwner reserve(String keys, int port, LeaseOwner owner) {
        Object held = properties().putIfAbsent(keys + port + ".lock", owner.encoded());
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    static void free(String keys, int port, LeaseOwner owner) {
        properties().remove(keys + port + ".lock", owner.encoded());
    }

    /** Whether any realm of this JVM holds or is leasing a port among {@code keys}. */
    static boolean anyIn(String keys) {
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
