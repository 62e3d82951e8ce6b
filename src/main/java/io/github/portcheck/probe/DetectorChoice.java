package io.github.portcheck.probe;

import io.github.portcheck.spec.Choices;
import io.github.portcheck.spec.ConfigurationException;
import java.util.Locale;

/** The {@code detector} parameter: which probe to use for an address. */
public enum DetectorChoice {
    /** Bind for addresses of this machine, connect for remote hosts. */
    AUTO,
    BIND,
    CONNECT;

    public static DetectorChoice parse(String value) throws ConfigurationException {
        return Choices.parse(DetectorChoice.class, value, "parameter detector (portcheck.detector)", "not a detector",
                "auto, bind or connect");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
