package io.github.portcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.testing.Requests;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts of the lower layers worded as the mistake in the settings the user wrote. */
class FailuresTest {
    @Test
    void aHostThatDoesNotResolveNamesTheEntryThatNamesItOrTheHostSetting() throws Exception {
        List<PortRequest> requests = Requests.of("8080", "db=nowhere.invalid:5432");
        assertEquals("Invalid value 'nowhere.invalid' for setting ports, entry 'db=nowhere.invalid:5432': the host"
                + " does not resolve, so its ports cannot be checked. Allowed: a host name this machine resolves, an"
                + " IPv4 address, an IPv6 address, or localhost.", Failures.hostNotFound(
                        new HostNotFoundException("nowhere.invalid"), requests).message(SettingNames.PLAIN));
        assertEquals("Invalid value 'nowhere.invalid' for setting host: the host does not resolve, so its ports cannot"
                + " be checked. Allowed: a host name this machine resolves, an IPv4 address, an IPv6 address, or"
                + " localhost.", Failures.hostNotFound(new HostNotFoundException("nowhere.invalid"),
                        Requests.of("8080")).message(SettingNames.PLAIN));
    }

    @Test
    void bindOnARemoteHostNamesTheEntryWhoseDetectorItIsOrTheDetectorSetting() throws Exception {
        PortEntry entry = new PortEntry();
        entry.setName("db");
        entry.setPort("5432");
        entry.setHost("db.example.com");
        entry.setDetector("bind");
        List<PortRequest> structured = new RawCheckSettings().ports(Arrays.asList(entry)).checked(BuildProperties.NONE)
                .requests();
        NotLocalHostException remote = new NotLocalHostException("db.example.com", "192.0.2.7");
        assertEquals("Invalid value 'bind' for setting ports, entry '<port><name>db</name> <port>5432</port>"
                + " <host>db.example.com</host> <detector>bind</detector></port>': host 'db.example.com' (192.0.2.7)"
                + " is not an address of this machine, and only a local address can be bound. Allowed: connect or"
                + " auto for a remote host.", Failures.notLocal(remote, structured, "localhost")
                        .message(SettingNames.PLAIN));
        assertEquals("Invalid value 'bind' for setting detector: host 'db.example.com' (192.0.2.7) is not an address"
                + " of this machine, and only a local address can be bound (entry 'db=db.example.com:5432'). Allowed:"
                + " connect or auto for a remote host.", Failures.notLocal(remote,
                        Requests.of("db=db.example.com:5432"), "localhost").message(SettingNames.PLAIN));
    }
}
