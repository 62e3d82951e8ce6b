package io.github.portcheck.config;

import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.domain.WaitTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the {@code ports} entries, in either form, for the goal that reads them. The short form: {@code PORT},
 * {@code NAME=PORT}, {@code NAME=FIRST-LAST}, {@code NAME} (check-ports: any free port; wait-ports: the port in
 * property NAME), {@code NAME/COUNT} (a block of COUNT contiguous free ports) and {@code NAME/COUNT=FIRST-LAST},
 * each port optionally preceded by {@code HOST:} or {@code [IPV6]:}; for wait-ports also {@code URL} and {@code
 * NAME=URL}. The structured form sets the same things field by field, and a detector for the entry alone. Every bad
 * entry is reported at once.
 */
public final class EntryParser {
    /** The largest block: far more than a cluster or an FTP passive range needs, small enough to search. */
    public static final int MAX_COUNT = 1000;

    static final String ALLOWED = "PORT, NAME=PORT, NAME=FIRST-LAST, NAME (any free port), NAME/COUNT (COUNT"
            + " contiguous free ports) or NAME/COUNT=FIRST-LAST, a port being 1-65535 and optionally preceded by"
            + " HOST: or [IPV6]:, a name starting with a letter or '_' and going on with letters, digits, '.', '_'"
            + " or '-'; or the structured form with <name>, <port> or <range>, <count>, <host>, <detector>; for"
            + " wait-ports also URL or NAME=URL, an http:// or https:// URL";
    /** What wait-ports takes as an entry: one known port each. */
    static final String WAIT_ENTRIES = "PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or"
            + " NAME alone for a port that an earlier goal exported as NAME (NAME.first of a block)";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    private EntryParser() {
    }

    /** The entries of check-ports (and start): a URL is for waiting. */
    static List<PortRequest> requests(List<PortEntry> entries) throws ConfigurationException {
        List<Entry> parsed = parse(entries);
        Problems problems = new Problems();
        List<PortRequest> requests = new ArrayList<>();
        for (Entry e : parsed) {
            if (e.url != null) {
                problems.add(e.text, "check-ports checks that ports are free; a URL is for wait-ports, which waits"
                        + " until it answers", ALLOWED);
            } else {
                requests.add(new PortRequest(e.text, e.name, e.host, e.range, e.count, e.detector));
            }
        }
        problems.throwIfAny();
        return requests;
    }

    /**
     * The entries of wait-ports: one known port each; a bare name is the port its property holds now.
     *
     * @param properties where a bare name's port is read
     */
    static List<WaitTarget> targets(List<PortEntry> entries, BuildProperties properties)
            throws ConfigurationException {
        List<Entry> parsed = parse(entries);
        Problems problems = new Problems();
        for (Entry e : parsed) {
            if (e.count > 1 || e.range != null && !e.range.isSingle()) {
                problems.add(e.text, "wait-ports waits for one known port per entry", WAIT_ENTRIES);
            } else if (e.range == null && properties.value(e.name) == null) {
                problems.add(e.text, "no port, and no property " + e.name + " is set (is check-ports, which exports"
                        + " it, bound to an earlier phase or declared before this goal?)", WAIT_ENTRIES);
            }
        }
        problems.throwIfAny();
        List<WaitTarget> targets = new ArrayList<>();
        for (Entry e : parsed) {
            int port = e.range != null ? e.range.first() : port(properties.value(e.name), "property " + e.name, e.text);
            targets.add(new WaitTarget(e.text, e.name, e.host, port, e.detector, e.url));
        }
        return targets;
    }

    /**
     * The port a property or a command-line value names for an entry.
     *
     * @param source the value's origin for messages, e.g. "user property -Ddb.port"
     */
    static int port(String value, String source, String entry) throws ConfigurationException {
        PortRange port = PortRange.parse(value);
        if (port == null || !port.isSingle()) {
            throw new ConfigurationException(names -> ConfigurationException.invalidValue(value, source, "it names"
                    + " the port for entry '" + entry + "' but is not a port", "a port from 1 to 65535"));
        }
        return port.first();
    }

    /** Every entry in the grammar both goals share; the bad ones reported together, and a name exported twice. */
    private static List<Entry> parse(List<PortEntry> entries) throws ConfigurationException {
        List<PortEntry> given = new ArrayList<>();
        if (entries != null) {
            for (PortEntry entry : entries) {
                if (entry != null && (entry.isStructured() || entry.text() != null && !entry.text().trim().isEmpty())) {
                    given.add(entry);
                }
            }
        }
        if (given.isEmpty()) {
            throw new ConfigurationException(names -> "No ports to check: " + names.of(Setting.PORTS) + " is empty."
                    + " List at least one entry, e.g. http.port (any free port), 8080 or db=5432.");
        }
        List<Entry> parsed = new ArrayList<>();
        Problems problems = new Problems();
        Map<String, Entry> exportedBy = new HashMap<>();
        for (PortEntry raw : given) {
            Entry entry;
            try {
                entry = raw.isStructured() ? structured(raw) : shortForm(raw.text().trim());
            } catch (Invalid e) {
                problems.add(e.text, e.problem, ALLOWED);
                continue;
            }
            String twice = null;
            for (String name : entry.exportedNames()) {
                Entry other = exportedBy.putIfAbsent(name, entry);
                if (other != null && twice == null) {
                    twice = entry.name.equals(other.name) ? "the name '" + entry.name + "' is given twice; each name"
                            + " carries one port" + (entry.count > 1 ? " or block" : "")
                            : "property " + name + " is also exported by entry '" + other.text + "'";
                }
            }
            if (twice != null) {
                problems.add(entry.text, twice, ALLOWED);
            } else {
                parsed.add(entry);
            }
        }
        problems.throwIfAny();
        return parsed;
    }

    private static Entry shortForm(String text) throws Invalid {
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            return url(text, scheme);
        }
        int equals = text.indexOf('=');
        String head = equals < 0 ? text : text.substring(0, equals).trim();
        int slash = head.indexOf('/');
        if (equals < 0 && slash < 0) {
            // A bare word is a name; anything else, e.g. 8080, -1 or HOST:PORT, is a port.
            if (NAME.matcher(text).matches()) {
                return new Entry(text, text, null, null, 1, null, null);
            }
            if (!Character.isDigit(text.charAt(0)) && text.charAt(0) != '-' && text.charAt(0) != '['
                    && text.indexOf(':') < 0) {
                throw new Invalid(text, nameProblem(text));
            }
            return target(text, null, 1, text);
        }
        if (equals >= 0 && text.indexOf('=', equals + 1) >= 0) {
            throw new Invalid(text, "an entry has at most one '='");
        }
        String name = slash < 0 ? head : head.substring(0, slash).trim();
        int count = slash < 0 ? 1 : count(text, head.substring(slash + 1).trim());
        if (name.isEmpty()) {
            throw new Invalid(text, "the name before '" + (slash < 0 ? "=" : "/") + "' is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw new Invalid(text, nameProblem(name));
        }
        if (equals < 0) {
            return new Entry(text, name, null, null, count, null, null);
        }
        String target = text.substring(equals + 1).trim();
        if (target.isEmpty()) {
            throw new Invalid(text, "the port after '=' is missing (write just '" + head + "' for any free port"
                    + (count > 1 ? "s" : "") + ")");
        }
        return target(text, name, count, target);
    }

    /** {@code URL} or {@code NAME=URL}, an http or https URL whose host and port the entry waits on. */
    private static Entry url(String text, int scheme) throws Invalid {
        int equals = text.indexOf('=');
        String name = null;
        String url = text;
        if (equals >= 0 && equals < scheme) {
            name = text.substring(0, equals).trim();
            url = text.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw new Invalid(text, nameProblem(name));
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Invalid(text, "not a URL: " + e.getReason());
        }
        String protocol = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new Invalid(text, "the scheme '" + uri.getScheme() + "' is not http or https");
        }
        if (uri.getHost() == null) {
            throw new Invalid(text, "the URL names no host, e.g. http://localhost:8080/health");
        }
        int defaultPort = protocol.equals("https") ? 443 : 80;
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
        if (port < 1 || port > 65535) {
            throw new Invalid(text, "port " + port + " is outside 1-65535");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new Entry(text, name, host, PortRange.single(port), 1, null, uri);
    }

    private static String nameProblem(String name) {
        return "'" + name + "' is not a property name: a name starts with a letter or '_' and goes on with letters,"
                + " digits, '.', '_' or '-'";
    }

    private static Entry target(String text, String name, int count, String target) throws Invalid {
        String host = null;
        String ports = target;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0 || close + 1 >= target.length() || target.charAt(close + 1) != ':') {
                throw new Invalid(text, "an IPv6 address is written [ADDRESS]:PORT");
            }
            host = target.substring(1, close);
            ports = target.substring(close + 2);
        } else {
            int colon = target.indexOf(':');
            if (colon >= 0) {
                if (target.indexOf(':', colon + 1) >= 0) {
                    throw new Invalid(text, "an IPv6 address needs brackets, as in [::1]:5432");
                }
                host = target.substring(0, colon);
                ports = target.substring(colon + 1);
            }
        }
        if (host != null && host.trim().isEmpty()) {
            throw new Invalid(text, "the host before ':' is missing");
        }
        PortRange range = blockRange(text, range(text, ports.trim()), count);
        if (name == null && !range.isSingle()) {
            throw new Invalid(text, "a range needs a name to carry the port it picks, as in http.port=" + range);
        }
        return new Entry(text, name, host == null ? null : host.trim(), range, count, null, null);
    }

    /** A block given by its first port takes the COUNT ports from there; a range must hold a block. */
    private static PortRange blockRange(String text, PortRange range, int count) throws Invalid {
        if (count == 1) {
            return range;
        }
        if (range.isSingle()) {
            if (range.first() + count - 1 > PortRange.MAX_PORT) {
                throw new Invalid(text, "a block of " + count + " ports from " + range.first() + " goes past 65535");
            }
            return PortRange.of(range.first(), range.first() + count - 1);
        }
        if (range.size() < count) {
            throw new Invalid(text, "the range " + range + " has " + range.size() + " ports, too few for a block of "
                    + count);
        }
        return range;
    }

    private static Entry structured(PortEntry entry) throws Invalid {
        String text = entry.toString();
        if (entry.text() != null && !entry.text().trim().isEmpty()) {
            throw new Invalid(text, "an entry is either text, such as db=5432, or fields, such as <name>db</name>,"
                    + " not both");
        }
        String name = trimmed(entry.name());
        if (name != null && !NAME.matcher(name).matches()) {
            throw new Invalid(text, nameProblem(name));
        }
        if (entry.port() != null && entry.range() != null) {
            throw new Invalid(text, "<port> and <range> exclude each other: a fixed port, or a range to choose from");
        }
        int count = entry.count() == null ? 1 : count(text, entry.count().trim());
        PortRange range = null;
        if (entry.port() != null) {
            range = blockRange(text, PortRange.single(port(text, entry.port().trim())), count);
        } else if (entry.range() != null) {
            range = blockRange(text, range(text, entry.range().trim()), count);
            if (range.isSingle()) {
                throw new Invalid(text, "<range> " + range + " is one port; write it as <port>");
            }
        }
        if (name == null && (range == null || !range.isSingle())) {
            throw new Invalid(text, "<name> is missing: an entry that chooses its port" + (count > 1 ? "s" : "")
                    + " needs a name to export " + (count > 1 ? "them" : "it") + " as");
        }
        String host = trimmed(entry.host());
        if (entry.host() != null && host == null) {
            throw new Invalid(text, "<host> is empty");
        }
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        DetectorChoice detector = null;
        if (entry.detector() != null) {
            detector = Choices.constant(DetectorChoice.class, entry.detector());
            if (detector == null) {
                throw new Invalid(text, "<detector> '" + entry.detector().trim() + "' is not auto, bind or connect");
            }
        }
        return new Entry(text, name, host, range, count, detector, null);
    }

    private static String trimmed(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static int count(String text, String value) throws Invalid {
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid(text, "'" + value + "' is not a number of ports");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new Invalid(text, "a block of " + count + " ports: the count is 1 to " + MAX_COUNT);
        }
        return count;
    }

    /** A port or a range, with what exactly is wrong where it is neither. */
    private static PortRange range(String text, String ports) throws Invalid {
        if (ports.isEmpty()) {
            throw new Invalid(text, "the port is missing");
        }
        int dash = ports.indexOf('-', 1);
        if (dash < 0) {
            return PortRange.single(port(text, ports));
        }
        String first = ports.substring(0, dash).trim();
        String last = ports.substring(dash + 1).trim();
        if (first.isEmpty() || last.isEmpty()) {
            throw new Invalid(text, "the range '" + ports + "' lacks a bound");
        }
        int from = port(text, first);
        int to = port(text, last);
        if (from > to) {
            throw new Invalid(text, "the range " + from + "-" + to + " is reversed; write " + to + "-" + from);
        }
        return PortRange.of(from, to);
    }

    private static int port(String text, String value) throws Invalid {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Invalid(text, "'" + value + "' is not a port number");
        }
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new Invalid(text, "port " + port + " is outside 1-65535");
        }
        return port;
    }

    /** An entry in the grammar both goals share; each goal takes what it means from it. */
    private static final class Entry {
        final String text;
        final String name;
        final String host;
        final PortRange range;
        final int count;
        final DetectorChoice detector;
        final URI url;

        Entry(String text, String name, String host, PortRange range, int count, DetectorChoice detector, URI url) {
            this.text = text;
            this.name = name;
            this.host = host;
            this.range = range;
            this.count = count;
            this.detector = detector;
            this.url = url;
        }

        List<String> exportedNames() {
            return new PortRequest(text, name, host, range, count, detector).exportedNames();
        }
    }

    /** One bad entry, found while parsing. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String text;
        final String problem;

        Invalid(String text, String problem) {
            super(problem, null, false, false);
            this.text = text;
            this.problem = problem;
        }
    }

    /** The bad entries: one is worded with what it allows, several in a list with what entries allow said once. */
    private static final class Problems {
        private final List<String[]> found = new ArrayList<>();

        void add(String text, String problem, String allowed) {
            found.add(new String[] {text, problem, allowed});
        }

        void throwIfAny() throws ConfigurationException {
            if (found.size() == 1) {
                String[] p = found.get(0);
                throw ConfigurationException.invalidEntry(p[0], p[0], p[1], p[2]);
            }
            if (!found.isEmpty()) {
                throw new ConfigurationException(names -> {
                    StringBuilder message = new StringBuilder(found.size() + " invalid entries in "
                            + names.of(Setting.PORTS) + ":");
                    for (String[] p : found) {
                        message.append("\n  '").append(p[0]).append("': ").append(p[1]);
                    }
                    return message.append("\nAllowed: ").append(ALLOWED).append('.').toString();
                });
            }
        }
    }
}
