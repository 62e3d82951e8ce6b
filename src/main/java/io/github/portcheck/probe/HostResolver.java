package io.github.portcheck.probe;

import io.github.portcheck.spec.ConfigurationException;
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

    public HostResolver(DetectorChoice choice, Detector bind, Detector connect) {
        this(choice, bind, connect, InetAddress::getAllByName);
    }

    HostResolver(DetectorChoice choice, Detector bind, Detector connect, NameService names) {
        this.choice = choice;
        this.bind = bind;
        this.connect = connect;
        this.names = names;
    }

    /**
     * @param host      the host to resolve
     * @param parameter where the host was written, for the message if it is wrong
     */
    public ProbeTarget resolve(String host, String parameter) throws ConfigurationException {
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
        for (InetAddress address : addresses(host, parameter)) {
            boolean local = isLocal(address);
            if (choice == DetectorChoice.BIND && !local) {
                throw new ConfigurationException("parameter detector (portcheck.detector)", "bind",
                        "host '" + host + "' (" + address.getHostAddress() + ") in " + parameter
                                + " is not an address of this machine, and only a local address can be bound",
                        "connect or auto for a remote host");
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

    private InetAddress[] addresses(String host, String parameter) throws ConfigurationException {
        try {
            return names.lookup(host);
        } catch (UnknownHostException e) {
            throw new HostNotFoundException(parameter, host);
        }
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
