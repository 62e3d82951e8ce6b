package io.github.portcheck.probe;

import static io.github.portcheck.testing.Loopback.V4;
import static io.github.portcheck.testing.Loopback.V6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class HostResolverTest {
    private final BindDetector bind = new BindDetector();
    private final ConnectDetector connect = new ConnectDetector(500);

    /** Resolves names without asking a name server: tests send nothing off this machine. */
    private HostResolver resolver() {
        return new HostResolver(bind, connect, host -> {
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
        });
    }

    @Test
    void localhostBindsTheWildcardAddressSoEveryLocalListenerIsSeen() throws Exception {
        ProbeTarget target = resolver().resolve("localhost", DetectorChoice.AUTO);
        assertEquals("bind", target.detectorName());
        try (ServerSocket second = Loopback.listen(Loopback.V4_SECOND, 0); ServerSocket v6 = Loopback.listen(V6, 0)) {
            assertEquals(Status.IN_USE, target.probe(second.getLocalPort()).status());
            assertEquals(Status.IN_USE, target.probe(v6.getLocalPort()).status());
        }
    }

    @Test
    void localhostWithConnectTriesBothLoopbackAddresses() throws Exception {
        ProbeTarget target = resolver().resolve("LocalHost", DetectorChoice.CONNECT);
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
        ProbeTarget target = resolver().resolve("both.test", DetectorChoice.CONNECT);
        try (ServerSocket v6 = Loopback.listen(V6, 0)) {
            assertEquals(Status.IN_USE, target.probe(v6.getLocalPort()).status());
        }
    }

    @Test
    void autoBindsLocalAddressesAndConnectsToRemoteOnes() throws Exception {
        assertEquals("bind", resolver().resolve("127.0.0.1", DetectorChoice.AUTO).detectorName());
        assertEquals("bind", resolver().resolve("::1", DetectorChoice.AUTO).detectorName());
        assertEquals("connect", resolver().resolve("db.example.com", DetectorChoice.AUTO).detectorName());
        assertEquals("connect", resolver().resolve("127.0.0.1", DetectorChoice.CONNECT).detectorName());
    }

    @Test
    void bindRefusesARemoteHostNamingItsAddress() {
        NotLocalHostException e = assertThrows(NotLocalHostException.class,
                () -> resolver().resolve("db.example.com", DetectorChoice.BIND));
        assertEquals("db.example.com", e.host());
        assertEquals("192.0.2.7", e.address());
    }

    @Test
    void aHostThatDoesNotResolveIsNamed() {
        HostNotFoundException e = assertThrows(HostNotFoundException.class,
                () -> resolver().resolve("nowhere.invalid", DetectorChoice.AUTO));
        assertEquals("nowhere.invalid", e.host());
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
