package io.github.portcheck.spec;

import java.util.Locale;

/** The {@code detector} parameter: which probe to use for an address. */
public enum DetectorChoice {
    /** Bind for addresses of this machine, connect for remote hosts. */
    AUTO,
    BIND,
    CONNECT;

    public static DetectorChoice parse(String value) throws ConfigurationException {
        return Choices.parse(DetectorChoice.class, value, Setting.DETECTOR, "not a detector",
                "auto, bind or connect");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
