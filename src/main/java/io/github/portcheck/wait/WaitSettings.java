package io.github.portcheck.wait;

import io.github.portcheck.spec.ConfigurationException;

/** Reads the waiting parameters from their text, with a clear message for each mistake. */
public final class WaitSettings {
    private WaitSettings() {
    }

    /**
     * Seconds as milliseconds; 0 allowed where waiting is optional.
     *
     * @param parameter e.g. "parameter timeout (portcheck.timeout)"
     */
    public static long seconds(String parameter, String text, boolean zeroAllowed) throws ConfigurationException {
        long seconds = number(text);
        if (seconds < (zeroAllowed ? 0 : 1) || seconds > 86_400) {
            throw new ConfigurationException(parameter, String.valueOf(text), "not a number of seconds",
                    (zeroAllowed ? "0 (no waiting) to" : "1 to") + " 86400 (a day)");
        }
        return seconds * 1000;
    }

    /** Milliseconds between probes. */
    public static long interval(String parameter, String text) throws ConfigurationException {
        long millis = number(text);
        if (millis < 10 || millis > 60_000) {
            throw new ConfigurationException(parameter, String.valueOf(text), "not an interval in milliseconds",
                    "10 to 60000");
        }
        return millis;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(String.valueOf(text).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
