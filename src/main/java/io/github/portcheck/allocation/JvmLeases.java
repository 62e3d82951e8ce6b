package io.github.portcheck.allocation;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The lease files that some plugin realm of this JVM holds or is locking. Two realms (two plugin versions in
 * one reactor, a daemon that reloads a plugin) have their own classes and statics; only JDK objects are shared,
 * and the system properties are the JDK's one map for such state. A realm opens a lease file only while it has
 * reserved its path here, so no realm ever opens, and by closing drops the OS lock of, a file another holds.
 */
final class JvmLeases {
    private static final String PREFIX = "io.github.portcheck.lease:";

    private JvmLeases() {
    }

    /** Reserves {@code file} for {@code owner}: null if granted, else the owner that has it. */
    static LeaseOwner reserve(Path file, LeaseOwner owner) {
        Object held = properties().putIfAbsent(PREFIX + file, owner.encoded());
        return held == null ? null : LeaseOwner.decode(held.toString());
    }

    static void free(Path file, LeaseOwner owner) {
        properties().remove(PREFIX + file, owner.encoded());
    }

    private static Properties properties() {
        return System.getProperties();
    }
}
