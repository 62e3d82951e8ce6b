package io.github.portcheck.spec;

import java.util.Locale;

/** Reads a setting whose value is one of an enum's constants, written in any case. */
public final class Choices {
    private Choices() {
    }

    /**
     * @param problem what is wrong with an unknown value, e.g. "not a detector"
     * @param allowed the values, e.g. "auto, bind or connect"
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, Setting setting, String problem,
            String allowed) throws ConfigurationException {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw new ConfigurationException(setting, String.valueOf(value), problem, allowed);
    }
}
