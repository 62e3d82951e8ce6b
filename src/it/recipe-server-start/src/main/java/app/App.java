package app;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The server the recipe starts: takes a second to come up, as servers do, then greets every client. */
public class App {
    public static void main(String[] args) throws Exception {
        int port = -1;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        Thread.sleep(1000);
        try (ServerSocket server = new ServerSocket(port)) {
            System.out.println("app listening on " + port);
            while (true) {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("hello from app\n".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
