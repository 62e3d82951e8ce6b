package io.github.portcheck.spec;

import java.util.Locale;

/** The {@code waitFor} parameter: the state every port must reach. */
public enum WaitFor {
    /** Something accepts connections on the port. */
    OPEN,
    /** Nothing holds the port any more, e.g. a server of the previous build has shut down. */
    FREE;

    public static WaitFor parse(String value) throws ConfigurationException {
        return Choices.parse(WaitFor.class, value, Setting.WAIT_FOR, "not a state to wait for",
                "open (accepts connections) or free (released)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
