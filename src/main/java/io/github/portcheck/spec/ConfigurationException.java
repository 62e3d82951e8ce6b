package io.github.portcheck.spec;

import java.util.function.Function;

/**
 * A user's configuration mistake: names the setting, the value and what is allowed. Its message is shown to the
 * user as it is, so it never wraps another exception's text; the front end words the setting's name.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Function<SettingNames, String> text;

    /** E.g. setting DETECTOR, value "bnd", problem "not a detector", allowed "auto, bind or connect". */
    public ConfigurationException(Setting setting, String value, String problem, String allowed) {
        this(names -> String.format("Invalid value '%s' for %s: %s. Allowed: %s.", value, names.of(setting), problem,
                allowed));
    }

    /** A mistake in one entry of the {@code ports} setting, e.g. its host or its detector. */
    public static ConfigurationException inEntry(String entry, String value, String problem, String allowed) {
        return new ConfigurationException(names -> String.format("Invalid value '%s' for %s%s: %s. Allowed: %s.",
                value, names.of(Setting.PORTS), value.equals(entry) ? "" : ", entry '" + entry + "'", problem, allowed));
    }

    /** A message that may name settings in its own words, given how they are called. */
    public ConfigurationException(Function<SettingNames, String> text) {
        super(text.apply(SettingNames.PLAIN));
        this.text = text;
    }

    /** A message that names no setting. */
    public ConfigurationException(String message) {
        this(names -> message);
    }

    /** The message with each setting called as the front end calls it. */
    public String message(SettingNames names) {
        return text == null ? getMessage() : text.apply(names);
    }
}
