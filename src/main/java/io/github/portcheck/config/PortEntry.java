package io.github.portcheck.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the {@code ports} list as the user wrote it: the short text form ({@code db=5432}), or the
 * structured form whose fields Maven sets from {@code <name>}, {@code <port>}, {@code <range>}, {@code <count>},
 * {@code <host>} and {@code <detector>}. {@link EntryParser} checks it.
 */
public final class PortEntry {
    private String text;
    private String name;
    private String port;
    private String range;
    private String count;
    private String host;
    private String detector;

    /** The short form, e.g. {@code db=127.0.0.1:5432}. */
    public static PortEntry of(String text) {
        PortEntry entry = new PortEntry();
        entry.set(text);
        return entry;
    }

    /** Maven's default setter: an element with text only, such as {@code <port>db=5432</port>}. */
    public void set(String text) {
        this.text = text;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public void setRange(String range) {
        this.range = range;
    }

    public void setCount(String count) {
        this.count = count;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public void setDetector(String detector) {
        this.detector = detector;
    }

    /** This entry with {@code resolve} applied to each of its texts, e.g. to replace {@code @{NAME}}. */
    public PortEntry resolved(java.util.function.UnaryOperator<String> resolve) {
        PortEntry copy = new PortEntry();
        copy.text = text == null ? null : resolve.apply(text);
        copy.name = name == null ? null : resolve.apply(name);
        copy.port = port == null ? null : resolve.apply(port);
        copy.range = range == null ? null : resolve.apply(range);
        copy.count = count == null ? null : resolve.apply(count);
        copy.host = host == null ? null : resolve.apply(host);
        copy.detector = detector == null ? null : resolve.apply(detector);
        return copy;
    }

    /** The short form, or null for a structured entry. */
    String text() {
        return text;
    }

    boolean isStructured() {
        return name != null || port != null || range != null || count != null || host != null || detector != null;
    }

    String name() {
        return name;
    }

    String port() {
        return port;
    }

    String range() {
        return range;
    }

    String count() {
        return count;
    }

    String host() {
        return host;
    }

    String detector() {
        return detector;
    }

    /** The entry as the user wrote it, for messages: the short form, or the structured fields that are set. */
    @Override
    public String toString() {
        if (!isStructured()) {
            return text == null ? "" : text.trim();
        }
        List<String> fields = new ArrayList<>();
        add(fields, "name", name);
        add(fields, "port", port);
        add(fields, "range", range);
        add(fields, "count", count);
        add(fields, "host", host);
        add(fields, "detector", detector);
        return "<port>" + String.join(" ", fields) + (text == null || text.trim().isEmpty() ? "" : " " + text.trim())
                + "</port>";
    }

    private static void add(List<String> fields, String field, String value) {
        if (value != null) {
            fields.add("<" + field + ">" + value.trim() + "</" + field + ">");
        }
    }
}
