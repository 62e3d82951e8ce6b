package io.github.portcheck.probe;

import io.github.portcheck.domain.DetectorChoice;
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

    private final Detector bind;
    private final Detector connect;
    private final NameService names;

    public HostResolver(Detector bind, Detector connect) {
        this(bind, connect, InetAddress::getAllByName);
    }

    HostResolver(Detector bind, Detector connect, NameService names) {
        this.bind = bind;
        this.connect = connect;
        this.names = names;
    }

    /**
     * The addresses of {@code host} and the detector for each: {@code bind} for this machine's addresses and
     * {@code connect} for others under {@code auto}; under {@code connect}, every address connects.
     *
     * @throws HostNotFoundException where the host does not resolve
     * @throws NotLocalHostException where {@code bind} is asked for an address of another machine
     */
    public ProbeTarget resolve(String host, DetectorChoice choice) throws HostNotFoundException,
            NotLocalHostException {
        List<ProbeTarget.Endpoint> endpoints = new ArrayList<>();
        if (host.toLowerCase(Locale.ROOT).equals(LOCALHOST)) {
            if (choice == DetectorChoice.CONNECT) {
                for (InetAddress loopback : loopbacks()) {
                    endpoints.add(new ProbeTarget.Endpoint(loopback, connect));
                }
            } else {
                endpoints.add(new ProbeTarget.Endpoint(new InetSocketAddress(0).getAddress(), bind));
            }
            return new ProbeTarget(LOCALHOST, endpoints);
        }
        InetAddress[] addresses;
        try {
            addresses = names.lookup(host);
        } catch (UnknownHostException e) {
            throw new HostNotFoundException(host);
        }
        for (InetAddress address : addresses) {
            boolean local = isLocal(address);
            if (choice == DetectorChoice.BIND && !local) {
                throw new NotLocalHostException(host, address.getHostAddress());
            }
            if (choice == DetectorChoice.CONNECT || !local) {
                if (address.isAnyLocalAddress()) {
                    for (InetAddress loopback : loopbacks()) {
                        endpoints.add(new ProbeTarget.Endpoint(loopback, connect));
                    }
                } else {
                    endpoints.add(new ProbeTarget.Endpoint(address, connect));
                }
            } else {
                endpoints.add(new ProbeTarget.Endpoint(address, bind));
            }
        }
        return new ProbeTarget(host, endpoints);
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
