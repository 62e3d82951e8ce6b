package it;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Listens on 127.0.0.1:PORT after DELAY ms and answers "pong" to each line; gives up after a minute. */
public final class DelayedServer {
    public static void main(String[] args) throws Exception {
        Thread.sleep(Long.parseLong(args[1]));
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(60_000);
            while (true) {
                try (Socket s = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(s.getOutputStream(), true)) {
                    if (in.readLine() != null) {
                        out.println("pong");
                    }
                }
            }
        }
    }
}
