package io.github.portcheck.domain;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wait-ports waits on: a known port on a host, or an http or https URL (on its host and port). A name in
 * the entry ({@code NAME=PORT}, or {@code NAME} alone for the port a property holds) is only its label.
 */
public final class WaitTarget {
    private final String text;
    private final String name;
    private final String host;
    private final int port;
    private final DetectorChoice detector;
    private final URI url;

    /**
     * @param text the entry as the user wrote it, for messages
     * @param host null where the {@code host} setting applies
     * @param url  null for a port
     */
    public WaitTarget(String text, String name, String host, int port, DetectorChoice detector, URI url) {
        this.text = Objects.requireNonNull(text);
        this.name = name;
        this.host = host;
        this.port = port;
        this.detector = detector;
        this.url = url;
    }

    public String text() {
        return text;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    public int port() {
        return port;
    }

    /** The detector written in the entry, for waiting until the port is free. */
    public Optional<DetectorChoice> detector() {
        return Optional.ofNullable(detector);
    }

    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public String toString() {
        return text;
    }
}
