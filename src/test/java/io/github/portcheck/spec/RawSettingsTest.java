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
                + " Allowed: PORT, NAME=PORT, HOST:PORT, or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(new RawSettings().portTexts("web=20000-20009")));
        assertEquals("Invalid value 'nodes/3' for setting ports: wait-ports waits for one known port per entry."
                + " Allowed: PORT, NAME=PORT, HOST:PORT, or NAME alone for a port that an earlier goal exported as NAME"
                + " (NAME.first of a block).", waitFor(new RawSettings().portTexts("nodes/3")));
    }

    private static String check(RawSettings raw) {
        return assertThrows(ConfigurationException.class, raw::forCheck).getMessage();
    }

    private static String waitFor(RawSettings raw) {
        return assertThrows(ConfigurationException.class, raw::forWait).getMessage();
    }
}
