package io.github.portcheck.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the short form of the {@code ports} entries:
 * {@code PORT}, {@code NAME=PORT}, {@code NAME=FIRST-LAST}, {@code NAME}, each port optionally
 * preceded by {@code HOST:} or {@code [IPV6]:}.
 */
public final class PortSpecParser {
    public static final String PARAMETER = "parameter ports (portcheck.ports)";

    static final String ALLOWED = "PORT, NAME=PORT, NAME=FIRST-LAST or NAME (any free port), "
            + "a port being 1-65535 and optionally preceded by HOST: or [IPV6]:, "
            + "a name being letters, digits, '.', '_' or '-'";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** Parses every entry; reports all bad entries at once, and the same name given twice. */
    public List<PortSpec> parse(List<String> entries) throws ConfigurationException {
        List<String> texts = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry != null && !entry.trim().isEmpty()) {
                    texts.add(entry.trim());
                }
            }
        }
        if (texts.isEmpty()) {
            throw new ConfigurationException("No ports to check: " + PARAMETER + " is empty. List at least one entry,"
                    + " e.g. <ports><port>http.port</port></ports> or -Dportcheck.ports=8080,db=5432.");
        }
        List<PortSpec> specs = new ArrayList<>();
        List<EntryProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : texts) {
            try {
                PortSpec spec = parseEntry(text);
                String name = spec.name().orElse(null);
                if (name != null && !names.add(name)) {
                    throw invalid(text, "the name '" + name + "' is given twice; each name carries one port");
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
            StringBuilder message = new StringBuilder(problems.size() + " invalid entries in " + PARAMETER + ":");
            for (EntryProblem p : problems) {
                message.append("\n  '").append(p.text).append("': ").append(p.problem);
            }
            throw new ConfigurationException(message.append("\nAllowed: ").append(ALLOWED).append('.').toString());
        }
        return specs;
    }

    /** Parses one entry. */
    public PortSpec parse(String text) throws ConfigurationException {
        return parseEntry(text);
    }

    private PortSpec parseEntry(String text) throws EntryProblem {
        int equals = text.indexOf('=');
        if (equals < 0) {
            // A bare word is a name for any free port; anything that looks like a port or HOST:PORT is unnamed.
            if (NAME.matcher(text).matches() && !Character.isDigit(text.charAt(0))) {
                return new PortSpec(text, text, null, null, false);
            }
            return target(text, null, text);
        }
        if (text.indexOf('=', equals + 1) >= 0) {
            throw invalid(text, "an entry has at most one '='");
        }
        String name = text.substring(0, equals).trim();
        String target = text.substring(equals + 1).trim();
        if (name.isEmpty()) {
            throw invalid(text, "the name before '=' is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(text, "'" + name + "' is not a property name");
        }
        if (target.isEmpty()) {
            throw invalid(text, "the port after '=' is missing (write just '" + name + "' for any free port)");
        }
        return target(text, name, target);
    }

    private static PortSpec target(String text, String name, String target) throws EntryProblem {
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
        PortRange range = range(text, ports.trim());
        if (name == null && !range.isSingle()) {
            throw invalid(text, "a range needs a name to carry the port it picks, as in http.port=" + range);
        }
        return new PortSpec(text, name, host == null ? null : host.trim(), range, false);
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
            throw new ConfigurationException(source, value,
                    "it names the port for entry '" + spec.text() + "' but is not a port", "a port from 1 to 65535");
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
            super(PARAMETER, text, problem, ALLOWED);
            this.text = text;
            this.problem = problem;
        }
    }
}
