package io.github.portcheck.testing;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server for the tests of start and stop, run as a process of its own. Modes:
 * {@code listen PORT DELAY_MS}: after the delay, listens on 127.0.0.1:PORT, prints "Listening on PORT at MILLIS" and
 * answers every connection with HTTP 200 "ok";
 * {@code print TEXT DELAY_MS}: after the delay, prints "TEXT at MILLIS" and sleeps;
 * {@code exit CODE DELAY_MS}: after the delay, prints "ending with CODE at MILLIS" and exits with CODE.
 * MILLIS is the wall clock, so that a test can tell how long after the event a goal noticed it.
 */
public final class TestServer {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Thread.sleep(Long.parseLong(args[2]));
        switch (mode) {
            case "listen":
                serve(Integer.parseInt(args[1]));
                break;
            case "print":
                System.out.println(args[1] + " at " + System.currentTimeMillis());
                System.out.flush();
                Thread.sleep(600_000);
                break;
            default:
                System.out.println("ending with " + args[1] + " at " + System.currentTimeMillis());
                System.out.flush();
                System.exit(Integer.parseInt(args[1]));
        }
    }

    private static void serve(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            System.out.println("Listening on " + port + " at " + System.currentTimeMillis());
            System.out.flush();
            while (true) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    byte[] request = new byte[4096];
                    in.read(request);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        }
    }
}
