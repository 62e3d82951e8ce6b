package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The integration test: the server is up when it starts, on the port that check-ports chose. */
class AppIT {

    @Test
    void theServerAnswers() throws Exception {
        int port = Integer.parseInt(System.getProperty("app.port"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertEquals("hello from app", greeting);
        }
    }
}
