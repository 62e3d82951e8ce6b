package io.github.portcheck.holder;

import java.net.InetAddress;
import java.net.ServerSocket;

/** A child JVM for {@link ProcNetHolderLookupTest}: listens on a free loopback port, prints it, waits for EOF. */
public final class ListenerChild {
    public static void main(String[] args) throws Exception {
        // --v6: on [::1] only; otherwise on 127.0.0.1
        InetAddress address = args.length > 0 && args[0].equals("--v6") ? InetAddress.getByName("::1")
                : InetAddress.getLoopbackAddress();
        try (ServerSocket s = new ServerSocket(0, 50, address)) {
            System.out.println("PORT " + s.getLocalPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // listen until the parent closes our input
            }
        }
    }
}
