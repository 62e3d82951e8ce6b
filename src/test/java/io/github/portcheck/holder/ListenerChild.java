package io.github.portcheck.holder;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A child JVM for {@link ProcNetHolderLookupTest}: listens on a free loopback port, prints it, waits for EOF. */
public final class ListenerChild {
    public static void main(String[] args) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("PORT " + s.getLocalPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // listen until the parent closes our input
            }
        }
    }
}
