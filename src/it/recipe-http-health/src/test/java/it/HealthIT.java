package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** When the integration tests start, the server is already healthy. */
class HealthIT {

    @Test
    void theServerIsUp() throws Exception {
        HttpURLConnection health = (HttpURLConnection) new URL("http://localhost:" + System.getProperty("app.port")
                + "/health").openConnection();
        assertEquals(200, health.getResponseCode());
        try (InputStream in = health.getInputStream()) {
            assertEquals("{\"status\":\"UP\"}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
