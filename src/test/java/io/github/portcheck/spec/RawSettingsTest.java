package io.github.portcheck.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one place that checks settings: defaults, each mistake's message, and how a front end words it. */
class RawSettingsTest {

    @Test
    void readsTheDefaults() throws Exception {
        CheckSettings s = new RawSettings().portTexts("8080").forCheck();
        assertEquals(DetectorChoice.AUTO, s.detector());
        assertEquals("localhost", s.host());
        assertEquals(1000, s.connectTimeoutMillis());
        assertEquals(ConflictPolicy.FAIL, s.onConflict());
        assertFalse(s.portRange().isPresent());
        assertEquals(0, s.waitTimeoutMillis());
        CheckSettings t = new RawSettings().portTexts("8080").detector(" Connect ").host(" ::1 ").onConflict("REASSIGN")
                .portRange("20000-20099").exclude("20000, 20010-20019").waitTimeout(3).forCheck();
        assertEquals(DetectorChoice.CONNECT, t.detector());
        assertEquals("::1", t.host());
        assertEquals(ConflictPolicy.REASSIGN, t.onConflict());
        assertEquals(PortRange.of(20000, 20099), t.portRange().get());
        assertEquals(Arrays.asList(PortRange.single(20000), PortRange.of(20010, 20019)), t.exclude());
        assertEquals(3000, t.waitTimeoutMillis());
        WaitSettings w = new RawSettings().portTexts("8080").waitFor(" Free ").timeout(5).interval(100).forWait();
        assertEquals(WaitFor.FREE, w.waitFor());
        assertEquals(5000, w.timeoutMillis());
        assertEquals(100, w.intervalMillis());
    }

    @Test
    void namesTheSettingTheValueAndWhatIsAllowed() {
        assertEquals("Invalid value 'listen' for setting detector: not a detector. Allowed: auto, bind or connect.",
                check(new RawSettings().portTexts("1").detector("listen")));
        assertEquals("Invalid value 'ignore' for setting onConflict: not a conflict policy. Allowed: fail, warn or"
                + " reassign.", check(new RawSettings().portTexts("1").onConflict("ignore")));
        assertEquals("Invalid value '-5' for setting connectTimeout: not a positive number of milliseconds."
                + " Allowed: a whole number of milliseconds from 1 to 2147483647.",
                check(new RawSettings().portTexts("1").connectTimeout(-5)));
        assertEquals("Invalid value ' ' for setting host: the host is empty. Allowed: localhost (this machine, the"
                + " default), a host name, or an IPv4 or IPv6 address.", check(new RawSettings().portTexts("1").host(" ")));
        assertEquals("Invalid value '-1' for setting waitTimeout: not a number of seconds. Allowed: 0 (no waiting) to"
                + " 86400 (a day).", check(new RawSettings().portTexts("1").waitTimeout(-1)));
        assertEquals("Invalid value '20000-' for setting portRange: not a range of ports. Allowed: FIRST-LAST with 1 <="
                + " FIRST <= LAST <= 65535, e.g. 20000-29999.", check(new RawSettings().portTexts("1").portRange("20000-")));
        assertEquals("Invalid value '8080,x' for setting exclude: 'x' is not a port or a range of ports. Allowed: ports"
                + " and ranges separated by commas, e.g. 8080,9000-9100, each port 1-65535.",
                check(new RawSettings().portTexts("1").exclude("8080,x")));
        assertEquals("Invalid value 'up' for setting waitFor: not a state to wait for. Allowed: open (accepts"
                + " connections) or free (released).", waitFor(new RawSettings().portTexts("1").waitFor("up")));
        assertEquals("Invalid value '0' for setting timeout: not a number of seconds. Allowed: 1 to 86400 (a day).",
                waitFor(new RawSettings().portTexts("1").timeout(0)));
        assertEquals("Invalid value '5' for setting interval: not an interval in milliseconds. Allowed: 10 to 60000.",
                waitFor(new RawSettings().portTexts("1").interval(5)));
    }

    @Test
    void aFrontEndWordsTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new RawSettings().portTexts("1").detector("listen").forCheck());
        assertEquals("Invalid value 'listen' for parameter detector (portcheck.detector): not a detector. Allowed:"
                + " auto, bind or connect.", e.message(s -> "parameter " + s.key() + " (portcheck." + s.key() + ")"));
    }

    @Test
    void aRangeOrBlockThatTheExclusionsLeaveNothingOfIsAMistakeAFixedPortIsNot() throws Exception {
        assertEquals("Invalid value 'web=20000-20009' for setting ports: every port of 20000-20009 is in setting"
                + " exclude, so nothing could be chosen from it. Allowed: a range with ports outside the exclusions.",
                check(new RawSettings().portTexts("web=20000-20009").exclude("19000-20009")));
        assertEquals("Invalid value 'nodes/3=20000-20009' for setting ports: no 3 contiguous ports of 20000-20009 are"
                + " outside setting exclude, so nothing could be chosen from it. Allowed: a range with ports outside"
                + " the exclusions.", check(new RawSettings().portTexts("nodes/3=20000-20009").exclude("20002,20005,20008")));
        assertEquals("Every port of setting portRange 20000-20009 is in setting exclude, so no port could be chosen"
                + " from it. Narrow the exclusions or widen the range.",
                check(new RawSettings().portTexts("web").portRange("20000-20009").exclude("20000-20009")));
        // the user named these ports: they are checked as given
        new RawSettings().portTexts("web=20005", "nodes/3=20000").exclude("20000-20009").forCheck();
        new RawSettings().portTexts("nodes/2=20000-20009").exclude("20002,20005,20008").forCheck();
    }

    @Test
    void waitPortsTakesOneKnownPortPerEntry() {
        assertEquals("Invalid value 'web=20000-20009' for setting ports: wait-ports waits for one known port per entry."
                + " Allowed: PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(new RawSettings().portTexts("web=20000-20009")));
        assertEquals("Invalid value 'nodes/3' for setting ports: wait-ports waits for one known port per entry."
                + " Allowed: PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(new RawSettings().portTexts("nodes/3")));
    }

    @Test
    void urlEntriesAndTheirSettings() throws Exception {
        WaitSettings w = new RawSettings().portTexts("health=https://[::1]:8443/actuator/health?full=1",
                "http://localhost/ping").httpStatus(" 200-299, 401 ").httpMethod("head").insecure(true)
                .readTimeout(750).forWait();
        PortSpec health = w.ports().get(0);
        assertEquals("health", health.name().get());
        assertEquals("::1", health.host().get());
        assertEquals(PortRange.single(8443), health.range().get());
        assertEquals("/actuator/health", health.url().get().getPath());
        assertEquals(PortRange.single(80), w.ports().get(1).range().get(), "http's own port when none is given");
        assertEquals("HEAD", w.http().method());
        assertEquals(true, w.http().statuses().contains(401) && w.http().statuses().contains(250));
        assertEquals(false, w.http().statuses().contains(302));
        assertEquals(750, w.http().readTimeoutMillis());
        assertEquals("GET", new RawSettings().portTexts("1").forWait().http().method());
    }

    @Test
    void eachBadWaitInputGetsOneMessage() {
        assertEquals("Invalid value 'ftp://localhost:21/' for setting ports: the scheme 'ftp' is not http or https."
                + " Allowed: " + PortSpecParser.ALLOWED + ".", waitFor(new RawSettings().portTexts("ftp://localhost:21/")));
        assertEquals("Invalid value 'web=http://local host/' for setting ports: not a URL: Illegal character in"
                + " authority. Allowed: " + PortSpecParser.ALLOWED + ".",
                waitFor(new RawSettings().portTexts("web=http://local host/")));
        for (String status : Arrays.asList("99", "200-600", "abc", "300-200", "200,,204")) {
            assertEquals("Invalid value '" + status + "' for setting httpStatus: not a list of HTTP status codes."
                    + " Allowed: status codes or ranges of codes from 100 to 599, comma-separated, e.g. 200-299,"
                    + " 200-399 or 200,401.", waitFor(new RawSettings().portTexts("1").httpStatus(status)));
        }
        assertEquals("Invalid value 'POST' for setting httpMethod: not a method wait-ports sends. Allowed: GET (the"
                + " default) or HEAD.", waitFor(new RawSettings().portTexts("1").httpMethod("POST")));
        assertEquals("Invalid value 'UP' for setting bodyContains: an answer to HEAD has no body. Allowed:"
                + " bodyContains with httpMethod GET.",
                waitFor(new RawSettings().portTexts("http://localhost:1/").httpMethod("HEAD").bodyContains("UP")));
        assertEquals("Invalid value 'true' for setting insecure: no entry is an https:// URL, so there is no"
                + " certificate to trust. Allowed: insecure only next to an https:// entry.",
                waitFor(new RawSettings().portTexts("http://localhost:8080/").insecure(true)));
        assertEquals("Invalid value 'true' for setting ownListener: waitFor=free waits for ports to be released, so"
                + " there is no listener to own. Allowed: ownListener only with waitFor=open.",
                waitFor(new RawSettings().portTexts("1").waitFor("free").ownListener(true)));
        assertEquals("Invalid value 'http://localhost:8080/' for setting ports: check-ports checks that ports are"
                + " free; a URL is for wait-ports, which waits until it answers. Allowed: " + PortSpecParser.ALLOWED
                + ".", check(new RawSettings().portTexts("http://localhost:8080/")));
    }

    private static String check(RawSettings raw) {
        return assertThrows(ConfigurationException.class, raw::forCheck).getMessage();
    }

    private static String waitFor(RawSettings raw) {
        return assertThrows(ConfigurationException.class, raw::forWait).getMessage();
    }
}
