package io.github.portcheck.domain;

import java.util.Locale;

/** The {@code waitFor} parameter: the state every port must reach. */
public enum WaitFor {
    /** Something accepts connections on the port. */
    OPEN,
    /** Nothing holds the port any more, e.g. a server of the previous build has shut down. */
    FREE;


    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
