package io.github.portcheck.spec;

/**
 * A user's configuration mistake: names the parameter, the value and what is allowed.
 * Its message is shown to the user as it is, so it never wraps another exception's text.
 */
public class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String parameter, String value, String problem, String allowed) {
        super(String.format("Invalid value '%s' for %s: %s. Allowed: %s.", value, parameter, problem, allowed));
    }

    public ConfigurationException(String message) {
        super(message);
    }
}
