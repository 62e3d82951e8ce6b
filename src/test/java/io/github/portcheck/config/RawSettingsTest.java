package io.github.portcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.domain.WaitTarget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place that checks settings: defaults, each mistake's message, and how a front end words it. */
class RawSettingsTest {

    @Test
    void readsTheDefaults() throws Exception {
        CheckSettings s = checkEntries("8080").checked(BuildProperties.NONE);
        assertEquals(DetectorChoice.AUTO, s.detector());
        assertEquals("localhost", s.host());
        assertEquals(1000, s.connectTimeoutMillis());
        assertEquals(ConflictPolicy.FAIL, s.onConflict());
        assertFalse(s.portRange().isPresent());
        assertEquals(0, s.waitTimeoutMillis());
        CheckSettings t = checkEntries("8080").detector(" Connect ").host(" ::1 ").onConflict("REASSIGN")
                .portRange("20000-20099").exclude("20000, 20010-20019").waitTimeout(3).checked(BuildProperties.NONE);
        assertEquals(DetectorChoice.CONNECT, t.detector());
        assertEquals("::1", t.host());
        assertEquals(ConflictPolicy.REASSIGN, t.onConflict());
        assertEquals(PortRange.of(20000, 20099), t.portRange().get());
        assertEquals(Arrays.asList(PortRange.single(20000), PortRange.of(20010, 20019)), t.exclude());
        assertEquals(3000, t.waitTimeoutMillis());
        WaitSettings w = waitEntries("8080").waitFor(" Free ").timeout(5).interval(100).checked(BuildProperties.NONE);
        assertEquals(WaitFor.FREE, w.waitFor());
        assertEquals(5000, w.timeoutMillis());
        assertEquals(100, w.intervalMillis());
    }

    @Test
    void namesTheSettingTheValueAndWhatIsAllowed() {
        assertEquals("Invalid value 'listen' for setting detector: not a detector. Allowed: auto, bind or connect.",
                check(checkEntries("1").detector("listen")));
        assertEquals("Invalid value 'ignore' for setting onConflict: not a conflict policy. Allowed: fail, warn or"
                + " reassign.", check(checkEntries("1").onConflict("ignore")));
        assertEquals("Invalid value '-5' for setting connectTimeout: not a positive number of milliseconds."
                + " Allowed: a whole number of milliseconds from 1 to 2147483647.",
                check(checkEntries("1").connectTimeout(-5)));
        assertEquals("Invalid value ' ' for setting host: the host is empty. Allowed: localhost (this machine, the"
                + " default), a host name, or an IPv4 or IPv6 address.", check(checkEntries("1").host(" ")));
        assertEquals("Invalid value '-1' for setting waitTimeout: not a number of seconds. Allowed: 0 (no waiting) to"
                + " 86400 (a day).", check(checkEntries("1").waitTimeout(-1)));
        assertEquals("Invalid value '20000-' for setting portRange: not a range of ports. Allowed: FIRST-LAST with 1 <="
                + " FIRST <= LAST <= 65535, e.g. 20000-29999.", check(checkEntries("1").portRange("20000-")));
        assertEquals("Invalid value '8080,x' for setting exclude: 'x' is not a port or a range of ports. Allowed: ports"
                + " and ranges separated by commas, e.g. 8080,9000-9100, each port 1-65535.",
                check(checkEntries("1").exclude("8080,x")));
        assertEquals("Invalid value 'up' for setting waitFor: not a state to wait for. Allowed: open (accepts"
                + " connections) or free (released).", waitFor(waitEntries("1").waitFor("up")));
        assertEquals("Invalid value '0' for setting timeout: not a number of seconds. Allowed: 1 to 86400 (a day).",
                waitFor(waitEntries("1").timeout(0)));
        assertEquals("Invalid value '5' for setting interval: not an interval in milliseconds. Allowed: 10 to 60000.",
                waitFor(waitEntries("1").interval(5)));
    }

    @Test
    void aFrontEndWordsTheSetting() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> checkEntries("1").detector("listen").checked(BuildProperties.NONE));
        assertEquals("Invalid value 'listen' for parameter detector (portcheck.detector): not a detector. Allowed:"
                + " auto, bind or connect.", e.message(s -> "parameter " + s.key() + " (portcheck." + s.key() + ")"));
    }

    @Test
    void aRangeOrBlockThatTheExclusionsLeaveNothingOfIsAMistakeAFixedPortIsNot() throws Exception {
        assertEquals("Invalid value 'web=20000-20009' for setting ports: every port of 20000-20009 is in setting"
                + " exclude, so nothing could be chosen from it. Allowed: a range with ports outside the exclusions.",
                check(checkEntries("web=20000-20009").exclude("19000-20009")));
        assertEquals("Invalid value 'nodes/3=20000-20009' for setting ports: no 3 contiguous ports of 20000-20009 are"
                + " outside setting exclude, so nothing could be chosen from it. Allowed: a range with ports outside"
                + " the exclusions.", check(checkEntries("nodes/3=20000-20009").exclude("20002,20005,20008")));
        assertEquals("Every port of setting portRange 20000-20009 is in setting exclude, so no port could be chosen"
                + " from it. Narrow the exclusions or widen the range.",
                check(checkEntries("web").portRange("20000-20009").exclude("20000-20009")));
        // the user named these ports: they are checked as given
        checkEntries("web=20005", "nodes/3=20000").exclude("20000-20009").checked(BuildProperties.NONE);
        checkEntries("nodes/2=20000-20009").exclude("20002,20005,20008").checked(BuildProperties.NONE);
    }

    @Test
    void waitPortsTakesOneKnownPortPerEntry() {
        assertEquals("Invalid value 'web=20000-20009' for setting ports: wait-ports waits for one known port per entry."
                + " Allowed: PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(waitEntries("web=20000-20009")));
        assertEquals("Invalid value 'nodes/3' for setting ports: wait-ports waits for one known port per entry."
                + " Allowed: PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(waitEntries("nodes/3")));
    }

    @Test
    void urlEntriesAndTheirSettings() throws Exception {
        WaitSettings w = waitEntries("health=https://[::1]:8443/actuator/health?full=1",
                "http://localhost/ping").httpStatus(" 200-299, 401 ").httpMethod("head").insecure(true)
                .readTimeout(750).checked(BuildProperties.NONE);
        WaitTarget health = w.targets().get(0);
        assertEquals("health", health.name().get());
        assertEquals("::1", health.host().get());
        assertEquals(8443, health.port());
        assertEquals("/actuator/health", health.url().get().getPath());
        assertEquals(80, w.targets().get(1).port(), "http's own port when none is given");
        assertEquals("HEAD", w.http().method());
        assertEquals(true, w.http().statuses().contains(401) && w.http().statuses().contains(250));
        assertEquals(false, w.http().statuses().contains(302));
        assertEquals(750, w.http().readTimeoutMillis());
        assertEquals("GET", waitEntries("1").checked(BuildProperties.NONE).http().method());
    }

    @Test
    void eachBadWaitInputGetsOneMessage() {
        assertEquals("Invalid value 'ftp://localhost:21/' for setting ports: the scheme 'ftp' is not http or https."
                + " Allowed: " + EntryParser.ALLOWED + ".", waitFor(waitEntries("ftp://localhost:21/")));
        assertEquals("Invalid value 'web=http://local host/' for setting ports: not a URL: Illegal character in"
                + " authority. Allowed: " + EntryParser.ALLOWED + ".",
                waitFor(waitEntries("web=http://local host/")));
        for (String status : Arrays.asList("99", "200-600", "abc", "300-200", "200,,204")) {
            assertEquals("Invalid value '" + status + "' for setting httpStatus: not a list of HTTP status codes."
                    + " Allowed: status codes or ranges of codes from 100 to 599, comma-separated, e.g. 200-299,"
                    + " 200-399 or 200,401.", waitFor(waitEntries("1").httpStatus(status)));
        }
        assertEquals("Invalid value 'POST' for setting httpMethod: not a method wait-ports sends. Allowed: GET (the"
                + " default) or HEAD.", waitFor(waitEntries("1").httpMethod("POST")));
        assertEquals("Invalid value 'UP' for setting bodyContains: an answer to HEAD has no body. Allowed:"
                + " bodyContains with httpMethod GET.",
                waitFor(waitEntries("http://localhost:1/").httpMethod("HEAD").bodyContains("UP")));
        assertEquals("Invalid value 'true' for setting insecure: no entry is an https:// URL, so there is no"
                + " certificate to trust. Allowed: insecure only next to an https:// entry.",
                waitFor(waitEntries("http://localhost:8080/").insecure(true)));
        assertEquals("Invalid value 'true' for setting ownListener: waitFor=free waits for ports to be released, so"
                + " there is no listener to own. Allowed: ownListener only with waitFor=open.",
                waitFor(waitEntries("1").waitFor("free").ownListener(true)));
        assertEquals("Invalid value 'http://localhost:8080/' for setting ports: check-ports checks that ports are"
                + " free; a URL is for wait-ports, which waits until it answers. Allowed: " + EntryParser.ALLOWED
                + ".", check(checkEntries("http://localhost:8080/")));
    }

    private static RawCheckSettings checkEntries(String... texts) {
        return new RawCheckSettings().ports(entries(texts));
    }

    private static RawWaitSettings waitEntries(String... texts) {
        return new RawWaitSettings().ports(entries(texts));
    }

    private static List<PortEntry> entries(String... texts) {
        List<PortEntry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(PortEntry.of(text));
        }
        return entries;
    }

    private static String check(RawCheckSettings raw) {
        return assertThrows(ConfigurationException.class, () -> raw.checked(BuildProperties.NONE)).getMessage();
    }

    private static String waitFor(RawWaitSettings raw) {
        return assertThrows(ConfigurationException.class, () -> raw.checked(BuildProperties.NONE)).getMessage();
    }
}
