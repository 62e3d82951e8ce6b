package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ServerOnExportedPortIT {

    @Test
    void startsAServerOnTheExportedPortAndTalksToIt() throws Exception {
        int port = Integer.parseInt(System.getProperty("http.port"));
        assertEquals(port, Integer.parseInt(System.getProperty("argline.port")));
        try (ServerSocket server = new ServerSocket(port)) {
            Thread echo = new Thread(() -> {
                try (Socket s = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(s.getOutputStream(), true)) {
                    out.println("echo " + in.readLine());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            echo.start();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(10_000);
                new PrintWriter(client.getOutputStream(), true).println("hello");
                String reply = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertEquals("echo hello", reply);
            }
            echo.join(10_000);
        }
        Files.write(Paths.get("target", "server-port.txt"), Integer.toString(port).getBytes(StandardCharsets.UTF_8));
    }
}
