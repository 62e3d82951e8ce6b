package io.github.portcheck.config;

/**
 * The settings a user gives. The core names the setting a mistake is in; how it is called where the user wrote
 * it (a pom parameter and its {@code -D} property) is the front end's business, see {@link SettingNames}.
 */
public enum Setting {
    PORTS("ports"),
    DETECTOR("detector"),
    HOST("host"),
    CONNECT_TIMEOUT("connectTimeout"),
    ON_CONFLICT("onConflict"),
    PORT_RANGE("portRange"),
    EXCLUDE("exclude"),
    LEASE_DIRECTORY("leaseDirectory"),
    WAIT_TIMEOUT("waitTimeout"),
    WAIT_FOR("waitFor"),
    TIMEOUT("timeout"),
    INTERVAL("interval"),
    HTTP_STATUS("httpStatus"),
    HTTP_METHOD("httpMethod"),
    BODY_CONTAINS("bodyContains"),
    INSECURE("insecure"),
    READ_TIMEOUT("readTimeout"),
    PID_FILE("pidFile"),
    OWN_LISTENER("ownListener"),
    EXECUTABLE("executable"),
    ARGUMENTS("arguments"),
    WORKING_DIRECTORY("workingDirectory"),
    ENVIRONMENT("environment"),
    READY_WHEN("readyWhen"),
    READY_LOG("readyLog"),
    LOG_FILE("logFile"),
    STOP_TIMEOUT("stopTimeout"),
    /** The timeout of start: its own property, as it means readiness, not a wait. */
    START_TIMEOUT("timeout"),
    SERVERS("servers");

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** The setting's name, e.g. {@code connectTimeout}. */
    public String key() {
        return key;
    }
}
