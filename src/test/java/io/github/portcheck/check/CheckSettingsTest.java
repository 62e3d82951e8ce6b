package io.github.portcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.portcheck.probe.DetectorChoice;
import io.github.portcheck.spec.ConfigurationException;
import org.junit.jupiter.api.Test;

class CheckSettingsTest {

    @Test
    void readsTheDefaults() throws Exception {
        CheckSettings s = CheckSettings.parse("auto", "localhost", "1000", "fail");
        assertEquals(DetectorChoice.AUTO, s.detector());
        assertEquals(1000, s.connectTimeoutMillis());
        assertEquals(ConflictPolicy.FAIL, s.policy());
        assertEquals(ConflictPolicy.REASSIGN, CheckSettings.parse(" Connect ", "::1", "5", "REASSIGN").policy());
    }

    @Test
    void namesTheParameterTheValueAndWhatIsAllowed() throws Exception {
        assertEquals("Invalid value 'listen' for parameter detector (portcheck.detector): not a detector."
                + " Allowed: auto, bind or connect.", message("listen", "localhost", "1000", "fail"));
        assertEquals("Invalid value 'ignore' for parameter onConflict (portcheck.onConflict): not a conflict policy."
                + " Allowed: fail, warn or reassign.", message("auto", "localhost", "1000", "ignore"));
        assertEquals("Invalid value '-5' for parameter connectTimeout (portcheck.connectTimeout): not a positive"
                + " number of milliseconds. Allowed: a whole number of milliseconds from 1 to 2147483647.",
                message("auto", "localhost", "-5", "fail"));
        assertEquals("Invalid value '1s' for parameter connectTimeout (portcheck.connectTimeout): not a positive"
                + " number of milliseconds. Allowed: a whole number of milliseconds from 1 to 2147483647.",
                message("auto", "localhost", "1s", "fail"));
        assertEquals("Invalid value 'up' for parameter waitFor (portcheck.waitFor): not a state to wait for. Allowed:"
                + " open (accepts connections) or free (released).", assertThrows(ConfigurationException.class,
                        () -> io.github.portcheck.wait.WaitFor.parse("up")).getMessage());
        assertEquals(io.github.portcheck.wait.WaitFor.FREE, io.github.portcheck.wait.WaitFor.parse(" Free "));
        assertEquals("Invalid value ' ' for parameter host (portcheck.host): the host is empty. Allowed: localhost"
                + " (this machine, the default), a host name, or an IPv4 or IPv6 address.",
                message("auto", " ", "1000", "fail"));
    }

    private static String message(String detector, String host, String timeout, String onConflict) {
        return assertThrows(ConfigurationException.class,
                () -> CheckSettings.parse(detector, host, timeout, onConflict)).getMessage();
    }
}
