package io.github.portcheck.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A forwarder whose service is not up: accepts each connection and closes it at once, as Docker's proxy does
 * before the container listens. Run as a child JVM under a forwarder's name ({@link #startAs}); prints "PORT n",
 * then serves until its input closes.
 */
public final class AcceptAndClose {
    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (Socket s = server.accept()) {
                    // closed at once
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("PORT " + server.getLocalPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our input
        }
    }

    /** The child JVM, started through a link called {@code name} so that the kernel calls the process so. */
    public static Process startAs(String name, Path dir) throws IOException {
        Path java = Files.createSymbolicLink(dir.resolve(name), Paths.get(ChildJvm.java()).toRealPath());
        ProcessBuilder builder = ChildJvm.of(AcceptAndClose.class);
        builder.command().set(0, java.toString());
        return builder.start();
    }

    /** The port a child started by {@link #startAs} listens on. */
    public static int port(Process child) throws IOException {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IOException("the forwarder did not start: " + line);
        }
        return Integer.parseInt(line.substring(5));
    }
}
