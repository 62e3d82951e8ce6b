package app;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The server the recipe starts: writes its PID, listens at once, and answers /health with 503 STARTING for its
 * first 1.5 s (as an application warming up does), then 200 UP.
 */
public class HealthApp {
    public static void main(String[] args) throws Exception {
        int port = -1;
        String pidFile = null;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            } else if (arg.startsWith("--pid-file=")) {
                pidFile = arg.substring("--pid-file=".length());
            }
        }
        Files.write(Paths.get(pidFile), Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
        long up = System.nanoTime() + 1_500_000_000L;
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 50);
        server.createContext("/health", exchange -> {
            boolean ready = System.nanoTime() - up >= 0;
            byte[] body = (ready ? "{\"status\":\"UP\"}" : "{\"status\":\"STARTING\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("health app listening on " + port);
    }
}
