package io.github.portcheck.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the {@code ports} entries, in either form. The short form: {@code PORT}, {@code NAME=PORT}, {@code
 * NAME=FIRST-LAST}, {@code NAME} (any free port), {@code NAME/COUNT} (a block of COUNT contiguous free ports)
 * and {@code NAME/COUNT=FIRST-LAST}, each port optionally preceded by {@code HOST:} or {@code [IPV6]:}. The
 * structured form sets the same things field by field, and a detector for the entry alone.
 */
public final class PortSpecParser {
    /** The largest block: far more than a cluster or an FTP passive range needs, small enough to search. */
    public static final int MAX_COUNT = 1000;

    static final String ALLOWED = "PORT, NAME=PORT, NAME=FIRST-LAST, NAME (any free port), NAME/COUNT (COUNT"
            + " contiguous free ports) or NAME/COUNT=FIRST-LAST, a port being 1-65535 and optionally preceded by"
            + " HOST: or [IPV6]:, a name starting with a letter or '_' and going on with letters, digits, '.', '_'"
            + " or '-'; or the structured form with <name>, <port> or <range>, <count>, <host>, <detector>; for"
            + " wait-ports also URL or NAME=URL, an http:// or https:// URL";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    /** Parses every entry; reports all bad entries at once, and a property name that two entries export. */
    public List<PortSpec> parse(List<PortEntry> entries) throws ConfigurationException {
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
        List<PortSpec> specs = new ArrayList<>();
        List<EntryProblem> problems = new ArrayList<>();
        Map<String, PortSpec> exportedBy = new HashMap<>();
        for (PortEntry entry : given) {
            try {
                PortSpec spec = parseEntry(entry);
                for (String name : spec.exportedNames()) {
                    PortSpec other = exportedBy.putIfAbsent(name, spec);
                    if (other != null) {
                        throw invalid(spec.text(), spec.name().equals(other.name())
                                ? "the name '" + spec.name().get() + "' is given twice; each name carries one port"
                                        + (spec.isBlock() ? " or block" : "")
                                : "property " + name + " is also exported by entry '" + other.text() + "'");
                    }
                }
                specs.add(spec);
            } catch (EntryProblem e) {
                problems.add(e);
            }
        }
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(names -> {
                StringBuilder message = new StringBuilder(problems.size() + " invalid entries in "
                        + names.of(Setting.PORTS) + ":");
                for (EntryProblem p : problems) {
                    message.append("\n  '").append(p.text).append("': ").append(p.problem);
                }
                return message.append("\nAllowed: ").append(ALLOWED).append('.').toString();
            });
        }
        return specs;
    }

    /** Parses short-form entries. */
    public List<PortSpec> parseTexts(List<String> texts) throws ConfigurationException {
        List<PortEntry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(PortEntry.of(text));
        }
        return parse(entries);
    }

    /** Parses one short-form entry. */
    public PortSpec parse(String text) throws ConfigurationException {
        return parseEntry(PortEntry.of(text));
    }

    private static PortSpec parseEntry(PortEntry entry) throws EntryProblem {
        if (entry.isStructured()) {
            return structured(entry);
        }
        String text = entry.text().trim();
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            return url(text, scheme);
        }
        int equals = text.indexOf('=');
        String head = equals < 0 ? text : text.substring(0, equals).trim();
        int slash = head.indexOf('/');
        if (equals < 0 && slash < 0) {
            // A bare word is a name for any free port; anything else, e.g. 8080, -1 or HOST:PORT, is a port.
            if (NAME.matcher(text).matches()) {
                return new PortSpec(text, text, null, null, 1, null, false);
            }
            if (!Character.isDigit(text.charAt(0)) && text.charAt(0) != '-' && text.charAt(0) != '['
                    && text.indexOf(':') < 0) {
                throw invalid(text, nameProblem(text));
            }
            return target(text, null, 1, text);
        }
        if (equals >= 0 && text.indexOf('=', equals + 1) >= 0) {
            throw invalid(text, "an entry has at most one '='");
        }
        String name = slash < 0 ? head : head.substring(0, slash).trim();
        int count = slash < 0 ? 1 : count(text, head.substring(slash + 1).trim());
        if (name.isEmpty()) {
            throw invalid(text, "the name before '" + (slash < 0 ? "=" : "/") + "' is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(text, nameProblem(name));
        }
        if (equals < 0) {
            return new PortSpec(text, name, null, null, count, null, false);
        }
        String target = text.substring(equals + 1).trim();
        if (target.isEmpty()) {
            throw invalid(text, "the port after '=' is missing (write just '" + head + "' for any free port"
                    + (count > 1 ? "s" : "") + ")");
        }
        return target(text, name, count, target);
    }

    /** {@code URL} or {@code NAME=URL}, an http or https URL whose host and port the entry waits on. */
    private static PortSpec url(String text, int scheme) throws EntryProblem {
        int equals = text.indexOf('=');
        String name = null;
        String url = text;
        if (equals >= 0 && equals < scheme) {
            name = text.substring(0, equals).trim();
            url = text.substring(equals + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw invalid(text, nameProblem(name));
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(text, "not a URL: " + e.getReason());
        }
        String protocol = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw invalid(text, "the scheme '" + uri.getScheme() + "' is not http or https");
        }
        if (uri.getHost() == null) {
            throw invalid(text, "the URL names no host, e.g. http://localhost:8080/health");
        }
        int port = uri.getPort() < 0 ? protocol.equals("https") ? 443 : 80 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid(text, "port " + port + " is outside 1-65535");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new PortSpec(text, name, host, PortRange.single(port), 1, null, false, uri);
    }

    private static String nameProblem(String name) {
        return "'" + name + "' is not a property name: a name starts with a letter or '_' and goes on with letters,"
                + " digits, '.', '_' or '-'";
    }

    private static PortSpec target(String text, String name, int count, String target) throws EntryProblem {
        String host = null;
        String ports = target;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0 || close + 1 >= target.length() || target.charAt(close + 1) != ':') {
                throw invalid(text, "an IPv6 address is written [ADDRESS]:PORT");
            }
            host = target.substring(1, close);
            ports = target.substring(close + 2);
        } else {
            int colon = target.indexOf(':');
            if (colon >= 0) {
                if (target.indexOf(':', colon + 1) >= 0) {
                    throw invalid(text, "an IPv6 address needs brackets, as in [::1]:5432");
                }
                host = target.substring(0, colon);
                ports = target.substring(colon + 1);
            }
        }
        if (host != null && host.trim().isEmpty()) {
            throw invalid(text, "the host before ':' is missing");
        }
        PortRange range = blockRange(text, range(text, ports.trim()), count);
        if (name == null && !range.isSingle()) {
            throw invalid(text, "a range needs a name to carry the port it picks, as in http.port=" + range);
        }
        return new PortSpec(text, name, host == null ? null : host.trim(), range, count, null, false);
    }

    /** A block given by its first port takes the COUNT ports from there; a range must hold a block. */
    private static PortRange blockRange(String text, PortRange range, int count) throws EntryProblem {
        if (count == 1) {
            return range;
        }
        if (range.isSingle()) {
            if (range.first() + count - 1 > PortRange.MAX_PORT) {
                throw invalid(text, "a block of " + count + " ports from " + range.first() + " goes past 65535");
            }
            return PortRange.of(range.first(), range.first() + count - 1);
        }
        if (range.size() < count) {
            throw invalid(text, "the range " + range + " has " + range.size() + " ports, too few for a block of "
                    + count);
        }
        return range;
    }

    private static PortSpec structured(PortEntry entry) throws EntryProblem {
        String text = entry.toString();
        if (entry.text() != null && !entry.text().trim().isEmpty()) {
            throw invalid(text, "an entry is either text, such as db=5432, or fields, such as <name>db</name>,"
                    + " not both");
        }
        String name = trimmed(entry.name());
        if (name != null && !NAME.matcher(name).matches()) {
            throw invalid(text, nameProblem(name));
        }
        if (entry.port() != null && entry.range() != null) {
            throw invalid(text, "<port> and <range> exclude each other: a fixed port, or a range to choose from");
        }
        int count = entry.count() == null ? 1 : count(text, entry.count().trim());
        PortRange range = null;
        if (entry.port() != null) {
            range = blockRange(text, PortRange.single(port(text, entry.port().trim())), count);
        } else if (entry.range() != null) {
            range = blockRange(text, range(text, entry.range().trim()), count);
            if (range.isSingle()) {
                throw invalid(text, "<range> " + range + " is one port; write it as <port>");
            }
        }
        if (name == null && (range == null || !range.isSingle())) {
            throw invalid(text, "<name> is missing: an entry that chooses its port"
                    + (count > 1 ? "s" : "") + " needs a name to export " + (count > 1 ? "them" : "it") + " as");
        }
        String host = trimmed(entry.host());
        if (entry.host() != null && host == null) {
            throw invalid(text, "<host> is empty");
        }
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        DetectorChoice detector = null;
        if (entry.detector() != null) {
            try {
                detector = DetectorChoice.parse(entry.detector());
            } catch (ConfigurationException e) {
                throw invalid(text, "<detector> '" + entry.detector().trim() + "' is not auto, bind or connect");
            }
        }
        return new PortSpec(text, name, host, range, count, detector, false);
    }

    private static String trimmed(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    private static int count(String text, String value) throws EntryProblem {
        int count;
        try {
            count = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(text, "'" + value + "' is not a number of ports");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw invalid(text, "a block of " + count + " ports: the count is 1 to " + MAX_COUNT);
        }
        return count;
    }

    private static PortRange range(String text, String ports) throws EntryProblem {
        if (ports.isEmpty()) {
            throw invalid(text, "the port is missing");
        }
        int dash = ports.indexOf('-', 1);
        if (dash < 0) {
            return PortRange.single(port(text, ports));
        }
        String first = ports.substring(0, dash).trim();
        String last = ports.substring(dash + 1).trim();
        if (first.isEmpty() || last.isEmpty()) {
            throw invalid(text, "the range '" + ports + "' lacks a bound");
        }
        int from = port(text, first);
        int to = port(text, last);
        if (from > to) {
            throw invalid(text, "the range " + from + "-" + to + " is reversed; write " + to + "-" + from);
        }
        return PortRange.of(from, to);
    }

    /** Parses one port number. */
    private static int port(String text, String value) throws EntryProblem {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(text, "'" + value + "' is not a port number");
        }
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw invalid(text, "port " + port + " is outside 1-65535");
        }
        return port;
    }

    /**
     * The entry with its port fixed by a user property {@code -DNAME=PORT}: on the command line the user
     * chose the port, and that value wins over an exported one for {@code ${NAME}}, so it is the port to check.
     */
    public PortSpec pin(PortSpec spec, String userValue) throws ConfigurationException {
        return fix(spec, userValue, "user property -D" + spec.name().orElseThrow(IllegalArgumentException::new));
    }

    /** The entry with its port taken from a property's value; {@code source} names the property for messages. */
    public PortSpec fix(PortSpec spec, String value, String source) throws ConfigurationException {
        try {
            return spec.pinnedTo(Integer.parseInt(value.trim()));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw new ConfigurationException(String.format("Invalid value '%s' for %s: it names the port for entry"
                    + " '%s' but is not a port. Allowed: a port from 1 to 65535.", value, source, spec.text()));
        }
    }

    private static EntryProblem invalid(String text, String problem) {
        return new EntryProblem(text, problem);
    }

    /** One bad entry; several are reported together with what is allowed said once. */
    private static final class EntryProblem extends ConfigurationException {
        private static final long serialVersionUID = 1L;
        final String text;
        final String problem;

        EntryProblem(String text, String problem) {
            super(Setting.PORTS, text, problem, ALLOWED);
            this.text = text;
            this.problem = problem;
        }
    }
}
