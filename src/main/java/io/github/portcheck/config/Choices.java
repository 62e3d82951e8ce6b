package io.github.portcheck.config;

import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.WaitFor;
import java.util.Locale;

/** Settings whose value is one of an enum's constants, written in any case. */
final class Choices {
    private Choices() {
    }

    static DetectorChoice detector(String value, Setting setting) throws ConfigurationException {
        return parse(DetectorChoice.class, value, setting, "not a detector", "auto, bind or connect");
    }

    static ConflictPolicy onConflict(String value) throws ConfigurationException {
        return parse(ConflictPolicy.class, value, Setting.ON_CONFLICT, "not a conflict policy",
                "fail, warn or reassign");
    }

    static WaitFor waitFor(String value) throws ConfigurationException {
        return parse(WaitFor.class, value, Setting.WAIT_FOR, "not a state to wait for",
                "open (accepts connections) or free (released)");
    }

    /** The constant named {@code value} in any case, or null. */
    static <E extends Enum<E>> E constant(Class<E> type, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, Setting setting, String problem,
            String allowed) throws ConfigurationException {
        E constant = constant(type, value);
        if (constant == null) {
            throw ConfigurationException.invalid(setting, String.valueOf(value), problem, allowed);
        }
        return constant;
    }
}
