package io.github.portcheck.probe;

import static io.github.portcheck.testing.Loopback.V4;
import static io.github.portcheck.testing.Loopback.V6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.DetectorChoice;
import io.github.portcheck.spec.PortEntry;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.PortSpecParser;
import io.github.portcheck.testing.Loopback;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class HostResolverTest {
    private final BindDetector bind = new BindDetector();
    private final ConnectDetector connect = new ConnectDetector(500);

    /** Resolves names without asking a name server: tests send nothing off this machine. */
    private HostResolver resolver(DetectorChoice choice) {
        return new HostResolver(choice, bind, connect, host -> {
            if (host.equals("db.example.com")) {
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 192, 0, 2, 7})};
            }
            if (host.equals("both.test")) {
                return new InetAddress[] {InetAddress.getByAddress(host, V4.getAddress()),
                    InetAddress.getByAddress(host, V6.getAddress())};
            }
            if (Character.digit(host.charAt(0), 16) >= 0 || host.contains(":")) {
                return InetAddress.getAllByName(host); // a literal: parsed, never looked up
            }
            throw new UnknownHostException(host);
        }, true);
    }

    @Test
    void localhostBindsTheWildcardAddressSoEveryLocalListenerIsSeen() throws Exception {
        ProbeTarget target = resolver(DetectorChoice.AUTO).resolve("localhost");
        assertEquals("bind", target.detectorName());
        try (ServerSocket second = Loopback.listen(Loopback.V4_SECOND, 0); ServerSocket v6 = Loopback.listen(V6, 0)) {
            assertEquals(Status.IN_USE, target.probe(second.getLocalPort()).status());
            assertEquals(Status.IN_USE, target.probe(v6.getLocalPort()).status());
        }
    }

    @Test
    void localhostWithConnectTriesBothLoopbackAddresses() throws Exception {
        ProbeTarget target = resolver(DetectorChoice.CONNECT).resolve("LocalHost");
        assertEquals("connect", target.detectorName());
        assertEquals("localhost", target.host());
        try (ServerSocket v6 = Loopback.listen(V6, 0); ServerSocket v4 = Loopback.listen(V4, 0)) {
            Verdict onV6 = target.probe(v6.getLocalPort());
            assertEquals(Status.IN_USE, onV6.status());
            assertEquals(V6, onV6.address());
            assertEquals(Status.IN_USE, target.probe(v4.getLocalPort()).status());
        }
        assertEquals(Status.FREE, target.probe(Loopback.freePort()).status());
    }

    @Test
    void aHostWithSeveralAddressesIsFreeOnlyIfEachIs() throws Exception {
        ProbeTarget target = resolver(DetectorChoice.CONNECT).resolve("both.test");
        try (ServerSocket v6 = Loopback.listen(V6, 0)) {
            assertEquals(Status.IN_USE, target.probe(v6.getLocalPort()).status());
        }
    }

    @Test
    void autoBindsLocalAddressesAndConnectsToRemoteOnes() throws Exception {
        assertEquals("bind", resolver(DetectorChoice.AUTO).resolve("127.0.0.1").detectorName());
        assertEquals("bind", resolver(DetectorChoice.AUTO).resolve("::1").detectorName());
        assertEquals("connect", resolver(DetectorChoice.AUTO).resolve("db.example.com").detectorName());
        assertEquals("connect", resolver(DetectorChoice.CONNECT).resolve("127.0.0.1").detectorName());
    }

    @Test
    void bindRefusesARemoteHost() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver(DetectorChoice.BIND).resolve("db.example.com"));
        assertTrue(e.getMessage().startsWith("Invalid value 'bind' for setting detector: host 'db.example.com'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("db.example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed: connect or auto"), e.getMessage());
    }

    /** The structured entry db, port 5432, on {@code host}, probed by {@code detector}. */
    private static PortSpec entry(String host, String detector) throws ConfigurationException {
        PortEntry entry = new PortEntry();
        entry.setName("db");
        entry.setPort("5432");
        entry.setHost(host);
        entry.setDetector(detector);
        return new PortSpecParser().parse(Collections.singletonList(entry)).get(0);
    }

    @Test
    void anEntryChoosesItsOwnDetectorAndMistakesNameTheEntry() throws Exception {
        PortSpec spec = entry("127.0.0.1", "connect");
        assertEquals("connect", resolver(DetectorChoice.BIND).resolve(spec, "localhost").detectorName());
        PortSpec plain = new PortSpecParser().parse("db=127.0.0.1:5432");
        assertEquals("bind", resolver(DetectorChoice.BIND).resolve(plain, "localhost").detectorName());
        assertEquals("connect", resolver(DetectorChoice.CONNECT).resolve(plain, "localhost").detectorName());

        PortSpec remote = entry("db.example.com", "bind");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver(DetectorChoice.AUTO).resolve(remote, "localhost"));
        assertTrue(e.getMessage().startsWith("Invalid value 'bind' for setting ports, entry '<port><name>db</name>"
                + " <port>5432</port> <host>db.example.com</host> <detector>bind</detector></port>': host"
                + " 'db.example.com' (192.0.2.7) is not an address of this machine"), e.getMessage());
    }

    @Test
    void aHostThatDoesNotResolveIsAConfigurationError() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> resolver(DetectorChoice.AUTO).resolve("nowhere.invalid"));
        assertEquals("Invalid value 'nowhere.invalid' for setting host: the host does not resolve,"
                + " so its ports cannot be checked. Allowed: a host name this machine resolves, an IPv4 address,"
                + " an IPv6 address, or localhost.", e.getMessage());
    }

    @Test
    void theMostSeriousVerdictWins() {
        Verdict free = new Verdict(Status.FREE, V4, 1, "free");
        Verdict unavailable = new Verdict(Status.UNAVAILABLE, V6, 1, "n/a");
        Verdict inUse = new Verdict(Status.IN_USE, V6, 1, "in use");
        assertEquals(free, Verdicts.combine(java.util.Arrays.asList(unavailable, free)));
        assertEquals(inUse, Verdicts.combine(java.util.Arrays.asList(free, inUse, unavailable)));
        assertEquals(unavailable, Verdicts.combine(java.util.Arrays.asList(unavailable)));
    }
}
