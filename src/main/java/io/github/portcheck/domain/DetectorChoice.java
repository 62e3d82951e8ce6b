package io.github.portcheck.domain;

import java.util.Locale;

/** The {@code detector} parameter: which probe to use for an address. */
public enum DetectorChoice {
    /** Bind for addresses of this machine, connect for remote hosts. */
    AUTO,
    BIND,
    CONNECT;


    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
