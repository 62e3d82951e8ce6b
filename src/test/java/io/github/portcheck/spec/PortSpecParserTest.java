package io.github.portcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortSpecParserTest {
    private final PortSpecParser parser = new PortSpecParser();

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
        PortSpec spec = parser.parse(Collections.singletonList(text)).get(0);
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
    })
    void rejectsBadEntriesNamingParameterValueAndWhatIsAllowed(String text, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parse(Collections.singletonList(text)));
        assertTrue(e.getMessage().contains("'" + text.trim() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("portcheck.ports"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed: PORT, NAME=PORT"), e.getMessage());
    }

    @Test
    void rejectsTheSameNameTwice() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parse(Arrays.asList("db=5432", "db=5433")));
        assertTrue(e.getMessage().contains("'db=5433'"), e.getMessage());
        assertTrue(e.getMessage().contains("the name 'db' is given twice"), e.getMessage());
    }

    @Test
    void reportsEveryBadEntryAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parser.parse(Arrays.asList("a=70000", "ok=8080", "=1")));
        assertEquals("2 invalid entries in parameter ports (portcheck.ports):\n"
                + "  'a=70000': port 70000 is outside 1-65535\n"
                + "  '=1': the name before '=' is missing\n"
                + "Allowed: " + PortSpecParser.ALLOWED + ".", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsAnEmptyList(String blank) {
        for (List<String> empty : Arrays.asList(null, Collections.<String>emptyList(), Collections.singletonList(blank))) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> parser.parse(empty));
            assertTrue(e.getMessage().startsWith("No ports to check: parameter ports (portcheck.ports) is empty"),
                    e.getMessage());
        }
    }

    @Test
    void pinsANamedEntryToAPortFromTheCommandLine() throws Exception {
        PortSpec spec = parser.parse("http.port=8080-8090");
        PortSpec pinned = parser.pin(spec, " 1111 ");
        assertEquals(Optional.of(PortRange.single(1111)), pinned.range());
        assertTrue(pinned.pinned());
        assertEquals(Optional.of("http.port"), pinned.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "65536", ""})
    void rejectsACommandLinePortThatIsNotAPort(String value) throws Exception {
        PortSpec spec = parser.parse("http.port=8080");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parser.pin(spec, value));
        assertTrue(e.getMessage().contains("user property -Dhttp.port"), e.getMessage());
        assertTrue(e.getMessage().contains("a port from 1 to 65535"), e.getMessage());
    }
}
