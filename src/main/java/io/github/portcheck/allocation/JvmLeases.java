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

    /** Reserves {@code port} in {@code directory} for {@code owner}: null if granted, else the owner that has it. */
    static LeaseOwner reserve(Path directory, int port, LeaseOwner owner) {
        Object held = properties().putIfAbsent(key(directory, port), owner.encoded());
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    static void free(Path directory, int port, LeaseOwner owner) {
        properties().remove(key(directory, port), owner.encoded());
    }

    /** Whether any realm of this JVM holds or is leasing a port in {@code directory}. */
    static boolean anyIn(Path directory) {
        String prefix = key(directory, 0);
        prefix = prefix.substring(0, prefix.length() - "0.lock".length());
        for (String key : properties().stringPropertyNames()) { // a copy: safe while other threads change them
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The key that every version of the plugin uses: realms of older versions see these leases too. */
    private static String key(Path directory, int port) {
        return PREFIX + directory.resolve("port-" + port + ".lock");
    }

    private static Properties properties() {
        return System.getProperties();
    }
}
