package io.github.portcheck.config;

import io.github.portcheck.domain.HttpExpectation;
import io.github.portcheck.domain.HttpStatuses;
import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.domain.WaitTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The settings of wait-ports as the user gave them; {@link #checked} is where each is checked. */
public final class RawWaitSettings extends RawProbeSettings<RawWaitSettings> {
    private static final String STATUSES = "status codes or ranges of codes from 100 to 599, comma-separated, e.g."
            + " 200-299, 200-399 or 200,401";

    private String waitFor = Defaults.WAIT_FOR;
    private int timeout = Defaults.number(Defaults.TIMEOUT);
    private int interval = Defaults.number(Defaults.INTERVAL);
    private boolean acceptProxy = Defaults.flag(Defaults.ACCEPT_PROXY);
    private String httpStatus = Defaults.HTTP_STATUS;
    private String httpMethod = Defaults.HTTP_METHOD;
    private String bodyContains;
    private boolean insecure = Defaults.flag(Defaults.INSECURE);
    private int readTimeout = Defaults.number(Defaults.READ_TIMEOUT);
    private Path pidFile;
    private boolean ownListener = Defaults.flag(Defaults.OWN_LISTENER);

    public RawWaitSettings waitFor(String value) {
        this.waitFor = value;
        return this;
    }

    /** Seconds. */
    public RawWaitSettings timeout(int value) {
        this.timeout = value;
        return this;
    }

    /** Milliseconds. */
    public RawWaitSettings interval(int value) {
        this.interval = value;
        return this;
    }

    public RawWaitSettings acceptProxy(boolean value) {
        this.acceptProxy = value;
        return this;
    }

    /** Codes and ranges, e.g. "200-299" or "200,401". */
    public RawWaitSettings httpStatus(String value) {
        this.httpStatus = value;
        return this;
    }

    public RawWaitSettings httpMethod(String value) {
        this.httpMethod = value;
        return this;
    }

    public RawWaitSettings bodyContains(String value) {
        this.bodyContains = value;
        return this;
    }

    public RawWaitSettings insecure(boolean value) {
        this.insecure = value;
        return this;
    }

    /** Milliseconds. */
    public RawWaitSettings readTimeout(int value) {
        this.readTimeout = value;
        return this;
    }

    public RawWaitSettings pidFile(Path value) {
        this.pidFile = value;
        return this;
    }

    public RawWaitSettings ownListener(boolean value) {
        this.ownListener = value;
        return this;
    }

    /**
     * The checked settings, every mistake found before any waiting.
     *
     * @param properties where an entry that is a bare name finds its port
     */
    public WaitSettings checked(BuildProperties properties) throws ConfigurationException {
        List<WaitTarget> targets = EntryParser.targets(ports, properties);
        WaitFor goal = Choices.waitFor(waitFor);
        if (ownListener && goal == WaitFor.FREE) {
            throw ConfigurationException.invalid(Setting.OWN_LISTENER, "true", "waitFor=free waits for ports to be"
                    + " released, so there is no listener to own", "ownListener only with waitFor=open");
        }
        return new WaitSettings(targets, checkedDetector(), checkedHost(), checkedConnectTimeout(), goal,
                seconds(Setting.TIMEOUT, timeout, 1, "1 to " + MAX_SECONDS + " (a day)"),
                bounded(Setting.INTERVAL, interval, 10, 60_000, "not an interval in milliseconds", "10 to 60000"),
                acceptProxy, http(targets), pidFile, ownListener);
    }

    /** URL entries and these settings: a mistake here is found before any waiting, like any other. */
    private HttpExpectation http(List<WaitTarget> targets) throws ConfigurationException {
        HttpStatuses statuses = HttpStatuses.parse(httpStatus);
        if (statuses == null) {
            throw ConfigurationException.invalid(Setting.HTTP_STATUS, String.valueOf(httpStatus),
                    "not a list of HTTP status codes", STATUSES);
        }
        String method = httpMethod == null ? "" : httpMethod.trim().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw ConfigurationException.invalid(Setting.HTTP_METHOD, String.valueOf(httpMethod),
                    "not a method wait-ports sends", "GET (the default) or HEAD");
        }
        String body = bodyContains == null || bodyContains.isEmpty() ? null : bodyContains;
        if (body != null && method.equals("HEAD")) {
            throw ConfigurationException.invalid(Setting.BODY_CONTAINS, body, "an answer to HEAD has no body",
                    "bodyContains with httpMethod GET");
        }
        boolean https = false;
        for (WaitTarget target : targets) {
            https |= target.url().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false);
        }
        if (insecure && !https) {
            throw ConfigurationException.invalid(Setting.INSECURE, "true", "no entry is an https:// URL, so there"
                    + " is no certificate to trust", "insecure only next to an https:// entry");
        }
        int read = (int) bounded(Setting.READ_TIMEOUT, readTimeout, 1, Integer.MAX_VALUE,
                "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                        + Integer.MAX_VALUE);
        return new HttpExpectation(method, statuses, body, read, insecure);
    }
}
