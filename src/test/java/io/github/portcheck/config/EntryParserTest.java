package io.github.portcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryParserTest {
    private final Parser parser = new Parser();

    /** Entries read as check-ports reads them; a value given on the command line as -DNAME gives. */
    private static final class Parser {
        List<PortRequest> parseTexts(List<String> texts) throws ConfigurationException {
            List<PortEntry> entries = new ArrayList<>();
            for (String text : texts) {
                entries.add(PortEntry.of(text));
            }
            return parse(entries);
        }

        List<PortRequest> parse(List<PortEntry> entries) throws ConfigurationException {
            return EntryParser.requests(entries);
        }

        PortRequest parse(String text) throws ConfigurationException {
            return parseTexts(Collections.singletonList(text)).get(0);
        }

        PortRequest pin(PortRequest request, String value) throws ConfigurationException {
            return new RawCheckSettings().ports(Collections.singletonList(PortEntry.of(request.text())))
                    .checked(new BuildProperties() {
                        @Override
                        public String commandLine(String name) {
                            return request.name().get().equals(name) ? value : null;
                        }

                        @Override
                        public String value(String name) {
                            return commandLine(name);
                        }
                    }).requests().get(0);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "8080                   | -         | -           | 8080",
        "http.port=8080         | http.port | -           | 8080",
        "http.port=8080-8090    | http.port | -           | 8080-8090",
        "http.port              | http.port | -           | -",
        "db=127.0.0.1:5432      | db        | 127.0.0.1   | 5432",
        "db=[::1]:5432          | db        | ::1         | 5432",
        "db=db.example.com:5432 | db        | db.example.com | 5432",
        "localhost:8080         | -         | localhost   | 8080",
        "' a_b-c.1 = 1-65535 '  | a_b-c.1   | -           | 1-65535",
        "x=[::1]:20000-20010    | x         | ::1         | 20000-20010",
    })
    void parsesEveryShortForm(String text, String name, String host, String range) throws Exception {
        PortRequest spec = parser.parseTexts(Collections.singletonList(text)).get(0);
        assertEquals(Optional.ofNullable(name), spec.name());
        assertEquals(Optional.ofNullable(host), spec.host());
        assertEquals(Optional.ofNullable(range), spec.range().map(Object::toString));
        assertFalse(spec.pinned());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "70000          | port 70000 is outside 1-65535",
        "0              | port 0 is outside 1-65535",
        "http.port=-1   | port -1 is outside 1-65535",
        "http=80a       | '80a' is not a port number",
        "x=8090-8080    | the range 8090-8080 is reversed",
        "x=8080-        | lacks a bound",
        "x=8080-99999   | port 99999 is outside 1-65535",
        "=8080          | the name before '=' is missing",
        "http.port=     | the port after '=' is missing",
        "a=b=c          | at most one '='",
        "a b=8080       | 'a b' is not a property name",
        "8080-8090      | a range needs a name",
        "db=::1:5432    | needs brackets",
        "db=[::1]5432   | [ADDRESS]:PORT",
        "db=:5432       | the host before ':' is missing",
        "db=localhost:  | the port is missing",
        "-1             | port -1 is outside 1-65535",
        "-8080          | port -8080 is outside 1-65535",
        "-1=8080        | '-1' is not a property name: a name starts with a letter or '_'",
        "1abc=8080      | '1abc' is not a property name",
        ".x             | '.x' is not a property name",
        "nodes/0        | a block of 0 ports: the count is 1 to 1000",
        "nodes/1001     | a block of 1001 ports: the count is 1 to 1000",
        "nodes/x        | 'x' is not a number of ports",
        "/3             | the name before '/' is missing",
        "nodes/3=20000-20001 | the range 20000-20001 has 2 ports, too few for a block of 3",
        "nodes/3=65534  | a block of 3 ports from 65534 goes past 65535",
        "nodes/3=       | the port after '=' is missing (write just 'nodes/3' for any free ports)",
    })
    void rejectsBadEntriesNamingParameterValueAndWhatIsAllowed(String text, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parseTexts(Collections.singletonList(text)));
        assertTrue(e.getMessage().contains("'" + text.trim() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("for setting ports"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed: PORT, NAME=PORT"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "nodes/3                 | nodes | -         | -           | 3",
        "nodes/3=20000-20099     | nodes | -         | 20000-20099 | 3",
        "nodes/3=20000           | nodes | -         | 20000-20002 | 3",
        "' nodes / 3 = [::1]:20000-20009 ' | nodes | ::1 | 20000-20009 | 3",
        "one/1=20000             | one   | -         | 20000       | 1",
        "_x=1                    | _x    | -         | 1           | 1",
    })
    void parsesBlocks(String text, String name, String host, String range, int count) throws Exception {
        PortRequest spec = parser.parse(text);
        assertEquals(Optional.of(name), spec.name());
        assertEquals(Optional.ofNullable(host), spec.host());
        assertEquals(Optional.ofNullable(range), spec.range().map(Object::toString));
        assertEquals(count, spec.count());
        assertEquals(count > 1 ? Arrays.asList(name + ".first", name + ".last", name + ".list")
                : Collections.singletonList(name), spec.exportedNames());
    }

    @Test
    void aBlockExportsDerivedNamesThatNoOtherEntryMayUse() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parseTexts(Arrays.asList("nodes/3", "nodes.last=8080")));
        assertEquals("Invalid value 'nodes.last=8080' for setting ports: property nodes.last is also exported by entry"
                + " 'nodes/3'. Allowed: " + EntryParser.ALLOWED + ".", e.getMessage());
        ConfigurationException twice = assertThrows(ConfigurationException.class,
                () -> parser.parseTexts(Arrays.asList("nodes/3", "nodes/2=20000")));
        assertTrue(twice.getMessage().contains("the name 'nodes' is given twice; each name carries one port or block"),
                twice.getMessage());
    }

    private static PortEntry structured(String name, String port, String range, String count, String host,
            String detector) {
        PortEntry entry = new PortEntry();
        entry.setName(name);
        entry.setPort(port);
        entry.setRange(range);
        entry.setCount(count);
        entry.setHost(host);
        entry.setDetector(detector);
        return entry;
    }

    @Test
    void theStructuredFormMixesWithShortEntries() throws Exception {
        List<PortRequest> specs = parser.parse(Arrays.asList(PortEntry.of("web=8080"),
                structured("db", "5432", null, null, "127.0.0.1", "connect"),
                structured("nodes", null, "20000-20099", "3", "[::1]", null),
                structured("any", null, null, null, null, " BIND "),
                structured(null, "9090", null, null, null, null)));
        assertEquals(5, specs.size());
        PortRequest db = specs.get(1);
        assertEquals(Optional.of("db"), db.name());
        assertEquals(Optional.of(PortRange.single(5432)), db.range());
        assertEquals(Optional.of("127.0.0.1"), db.host());
        assertEquals(Optional.of(DetectorChoice.CONNECT), db.detector());
        assertEquals("<port><name>db</name> <port>5432</port> <host>127.0.0.1</host> <detector>connect</detector>"
                + "</port>", db.text());
        PortRequest nodes = specs.get(2);
        assertEquals(3, nodes.count());
        assertEquals(Optional.of("::1"), nodes.host());
        assertEquals(Optional.of(PortRange.of(20000, 20099)), nodes.range());
        assertEquals(Optional.empty(), specs.get(3).range());
        assertEquals(Optional.of(DetectorChoice.BIND), specs.get(3).detector());
        assertEquals(Optional.empty(), specs.get(4).name());
        assertEquals(Optional.empty(), specs.get(0).detector());
    }

    @Test
    void everyBadStructuredEntryIsReportedAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parser.parse(Arrays.asList(
                structured("db", "5432", "1-2", null, null, null),
                structured(null, null, "20000-20010", null, null, null),
                structured("x", "5432", null, null, null, "listen"),
                structured("-1", "5432", null, null, null, null),
                structured("y", null, "20000", null, null, null),
                structured("z", "0", null, null, " ", null))));
        assertEquals("6 invalid entries in setting ports:\n"
                + "  '<port><name>db</name> <port>5432</port> <range>1-2</range></port>': <port> and <range> exclude"
                + " each other: a fixed port, or a range to choose from\n"
                + "  '<port><range>20000-20010</range></port>': <name> is missing: an entry that chooses its port"
                + " needs a name to export it as\n"
                + "  '<port><name>x</name> <port>5432</port> <detector>listen</detector></port>': <detector> 'listen'"
                + " is not auto, bind or connect\n"
                + "  '<port><name>-1</name> <port>5432</port></port>': '-1' is not a property name: a name starts with"
                + " a letter or '_' and goes on with letters, digits, '.', '_' or '-'\n"
                + "  '<port><name>y</name> <range>20000</range></port>': <range> 20000 is one port; write it as"
                + " <port>\n"
                + "  '<port><name>z</name> <port>0</port> <host></host></port>': port 0 is outside 1-65535\n"
                + "Allowed: " + EntryParser.ALLOWED + ".", e.getMessage());
        PortEntry both = structured("db", "5432", null, null, null, null);
        both.set("db=5432");
        assertTrue(assertThrows(ConfigurationException.class, () -> parser.parse(Collections.singletonList(both)))
                .getMessage().contains("an entry is either text, such as db=5432, or fields"));
    }

    @Test
    void rejectsTheSameNameTwice() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parseTexts(Arrays.asList("db=5432", "db=5433")));
        assertTrue(e.getMessage().contains("'db=5433'"), e.getMessage());
        assertTrue(e.getMessage().contains("the name 'db' is given twice"), e.getMessage());
    }

    @Test
    void reportsEveryBadEntryAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parseTexts(Arrays.asList("a=70000", "ok=8080", "=1")));
        assertEquals("2 invalid entries in setting ports:\n"
                + "  'a=70000': port 70000 is outside 1-65535\n"
                + "  '=1': the name before '=' is missing\n"
                + "Allowed: " + EntryParser.ALLOWED + ".", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsAnEmptyList(String blank) {
        for (List<String> empty : Arrays.asList(null, Collections.<String>emptyList(), Collections.singletonList(blank))) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> parser.parseTexts(empty == null ? Collections.<String>emptyList() : empty));
            assertTrue(e.getMessage().startsWith("No ports to check: setting ports is empty"),
                    e.getMessage());
        }
    }

    @Test
    void pinsANamedEntryToAPortFromTheCommandLine() throws Exception {
        PortRequest spec = parser.parse("http.port=8080-8090");
        PortRequest pinned = parser.pin(spec, " 1111 ");
        assertEquals(Optional.of(PortRange.single(1111)), pinned.range());
        assertTrue(pinned.pinned());
        assertEquals(Optional.of("http.port"), pinned.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "65536", ""})
    void rejectsACommandLinePortThatIsNotAPort(String value) throws Exception {
        PortRequest spec = parser.parse("http.port=8080");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parser.pin(spec, value));
        assertTrue(e.getMessage().contains("user property -Dhttp.port"), e.getMessage());
        assertTrue(e.getMessage().contains("a port from 1 to 65535"), e.getMessage());
    }
}
