package io.github.portcheck.probe;

import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.DetectorChoice;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.Setting;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Resolves a host to the addresses to probe. {@code localhost} means this machine whatever the hosts file
 * says: the bind detector binds the wildcard address (Java's dual-stack {@code [::]}, which collides with a
 * listener on any local address), the connect detector tries 127.0.0.1 and ::1.
 */
public final class HostResolver {
    public static final String LOCALHOST = "localhost";

    /** Looks up a host's addresses; the JDK's resolver outside tests. */
    interface NameService {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final DetectorChoice choice;
    private final Detector bind;
    private final Detector connect;
    private final NameService names;
    private final boolean entriesChoose;

    /** @param choice the detector of entries that name none */
    public HostResolver(DetectorChoice choice, Detector bind, Detector connect) {
        this(choice, bind, connect, InetAddress::getAllByName, true);
    }

    HostResolver(DetectorChoice choice, Detector bind, Detector connect, NameService names, boolean entriesChoose) {
        this.choice = choice;
        this.bind = bind;
        this.connect = connect;
        this.names = names;
        this.entriesChoose = entriesChoose;
    }

    /** Connects to every address, whatever an entry's detector: how to see that a service accepts connections. */
    public static HostResolver connecting(Detector connect) {
        return new HostResolver(DetectorChoice.CONNECT, connect, connect, InetAddress::getAllByName, false);
    }

    /** Resolves the {@code host} setting for the default detector. */
    public ProbeTarget resolve(String host) throws ConfigurationException {
        return resolve(host, choice, null, false, false);
    }

    /** Resolves an entry's host ({@code defaultHost} if it names none) for its detector (the default if none). */
    public ProbeTarget resolve(PortSpec spec, String defaultHost) throws ConfigurationException {
        boolean own = entriesChoose && spec.detector().isPresent();
        return resolve(spec.host().orElse(defaultHost), own ? spec.detector().get() : choice, spec.text(),
                spec.host().isPresent(), own);
    }

    private ProbeTarget resolve(String host, DetectorChoice choice, String entry, boolean hostInEntry,
            boolean detectorInEntry) throws ConfigurationException {
        List<ProbeTarget.Probe> probes = new ArrayList<>();
        if (host.toLowerCase(Locale.ROOT).equals(LOCALHOST)) {
            if (choice == DetectorChoice.CONNECT) {
                for (InetAddress loopback : loopbacks()) {
                    probes.add(new ProbeTarget.Probe(loopback, connect));
                }
            } else {
                probes.add(new ProbeTarget.Probe(new InetSocketAddress(0).getAddress(), bind));
            }
            return new ProbeTarget(LOCALHOST, probes);
        }
        InetAddress[] addresses;
        try {
            addresses = names.lookup(host);
        } catch (UnknownHostException e) {
            throw new HostNotFoundException(hostInEntry ? entry : null, host);
        }
        for (InetAddress address : addresses) {
            boolean local = isLocal(address);
            if (choice == DetectorChoice.BIND && !local) {
                String problem = "host '" + host + "' (" + address.getHostAddress() + ") is not an address of this"
                        + " machine, and only a local address can be bound";
                String allowed = "connect or auto for a remote host";
                throw detectorInEntry ? ConfigurationException.inEntry(entry, "bind", problem, allowed)
                        : new ConfigurationException(Setting.DETECTOR, "bind", problem + (hostInEntry ? " (entry '"
                                + entry + "')" : ""), allowed);
            }
            if (choice == DetectorChoice.CONNECT || !local) {
                if (address.isAnyLocalAddress()) {
                    for (InetAddress loopback : loopbacks()) {
                        probes.add(new ProbeTarget.Probe(loopback, connect));
                    }
                } else {
                    probes.add(new ProbeTarget.Probe(address, connect));
                }
            } else {
                probes.add(new ProbeTarget.Probe(address, bind));
            }
        }
        return new ProbeTarget(host, probes);
    }

    private static List<InetAddress> loopbacks() {
        try {
            return Arrays.asList(InetAddress.getByAddress(LOCALHOST, new byte[] {127, 0, 0, 1}),
                    InetAddress.getByAddress(LOCALHOST, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the addresses have valid lengths
        }
    }

    static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
