package io.github.portcheck.domain;

import java.util.Optional;

/** What makes an http or https entry of wait-ports ready: the request to send and the answer to expect. */
public final class HttpExpectation {
    private final String method;
    private final HttpStatuses statuses;
    private final String bodyContains;
    private final int readTimeoutMillis;
    private final boolean insecure;

    public HttpExpectation(String method, HttpStatuses statuses, String bodyContains, int readTimeoutMillis, boolean insecure) {
        this.method = method;
        this.statuses = statuses;
        this.bodyContains = bodyContains;
        this.readTimeoutMillis = readTimeoutMillis;
        this.insecure = insecure;
    }

    /** GET or HEAD. */
    public String method() {
        return method;
    }

    public HttpStatuses statuses() {
        return statuses;
    }

    /** Text the body of the answer must contain; only with GET. */
    public Optional<String> bodyContains() {
        return Optional.ofNullable(bodyContains);
    }

    public int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    /** Trust any certificate and host name of an https server (a test server's self-signed certificate). */
    public boolean insecure() {
        return insecure;
    }
}
