package io.github.portcheck.config;

import java.util.function.Function;

/**
 * A user's configuration mistake: names the setting, the value and what is allowed. Its message is shown to the user
 * as it is, so it never wraps another exception's text; the front end words the setting's name (see {@link
 * SettingNames}).
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Function<SettingNames, String> text;

    /** A message that may name settings in its own words, given how they are called. */
    public ConfigurationException(Function<SettingNames, String> text) {
        super(text.apply(SettingNames.PLAIN));
        this.text = text;
    }

    /** E.g. setting DETECTOR, value "bnd", problem "not a detector", allowed "auto, bind or connect". */
    public static ConfigurationException invalid(Setting setting, String value, String problem, String allowed) {
        return new ConfigurationException(names -> invalidValue(value, names.of(setting), problem, allowed));
    }

    /** A mistake in one entry of the {@code ports} setting, e.g. its host or its detector. */
    public static ConfigurationException invalidEntry(String entry, String value, String problem, String allowed) {
        return new ConfigurationException(names -> invalidValue(value, names.of(Setting.PORTS)
                + (value.equals(entry) ? "" : ", entry '" + entry + "'"), problem, allowed));
    }

    /**
     * The one wording of a value that is not allowed: "Invalid value 'V' for WHERE: PROBLEM. Allowed: ALLOWED."
     *
     * @param where the setting as the user knows it, e.g. "parameter host (portcheck.host)" or "property db.port"
     */
    public static String invalidValue(String value, String where, String problem, String allowed) {
        return String.format("Invalid value '%s' for %s: %s. Allowed: %s.", value, where, problem, allowed);
    }

    /** The message with each setting called as the front end calls it. */
    public String message(SettingNames names) {
        return text.apply(names);
    }
}
