package io.github.portcheck.config;

/**
 * The settings' defaults, in the one place both the goals' parameters ({@code @Parameter(defaultValue =
 * Defaults.DETECTOR)}: annotation values may be constants) and the raw settings take them from.
 */
public final class Defaults {
    public static final String DETECTOR = "auto";
    public static final String HOST = "localhost";
    public static final String CONNECT_TIMEOUT = "1000";
    public static final String SKIP = "false";
    public static final String ON_CONFLICT = "fail";
    public static final String WAIT_TIMEOUT = "0";
    public static final String WAIT_FOR = "open";
    public static final String TIMEOUT = "60";
    public static final String INTERVAL = "250";
    public static final String ACCEPT_PROXY = "false";
    public static final String HTTP_STATUS = "200-299";
    public static final String HTTP_METHOD = "GET";
    public static final String INSECURE = "false";
    public static final String READ_TIMEOUT = "5000";
    public static final String OWN_LISTENER = "false";
    /** Seconds a server may take to be ready. */
    public static final String START_TIMEOUT = "60";
    /** Seconds a server is given to end when asked, before it is ended by force. */
    public static final String STOP_TIMEOUT = "10";

    private Defaults() {
    }

    static int number(String value) {
        return Integer.parseInt(value);
    }

    static boolean flag(String value) {
        return Boolean.parseBoolean(value);
    }
}
