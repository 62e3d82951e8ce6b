package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** What the user's failsafe test does with the ports: read them and serve on them. */
class ExportedPortsIT {

    @Test
    void bothPortsArriveAndBind() throws Exception {
        int http = Integer.parseInt(System.getProperty("http.port"));
        int jmx = Integer.parseInt(System.getProperty("jmx.port"));
        assertTrue(jmx >= 21000 && jmx <= 21999, "jmx.port from its range: " + jmx);
        try (ServerSocket a = new ServerSocket(http); ServerSocket b = new ServerSocket(jmx)) {
            Files.write(Paths.get("target", "served.txt"),
                    (http + " " + jmx).getBytes(StandardCharsets.UTF_8));
        }
    }
}
