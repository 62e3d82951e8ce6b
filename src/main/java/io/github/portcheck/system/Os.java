package io.github.portcheck.system;

import java.util.Locale;

/** The operating systems whose tools name a port's holder and whose port ranges differ. */
public enum Os {
    LINUX,
    MAC,
    WINDOWS,
    OTHER;

    /** The system this JVM runs on. */
    public static Os current() {
        return of(System.getProperty("os.name", ""));
    }

    public static Os of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("linux")) {
            return LINUX;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return MAC;
        }
        return n.startsWith("windows") ? WINDOWS : OTHER;
    }
}
