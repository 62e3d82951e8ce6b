import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The server these ITs start, run from source (java App.java ...): --port=N, --delay=MS before it listens,
 * --pid-file=PATH to write its PID, --exit=CODE to end at once with an error, as a misconfigured server does.
 * Answers HTTP: 200 "ok" on /health, 404 elsewhere.
 */
public class App {
    public static void main(String[] args) throws Exception {
        int port = 0;
        long delay = 0;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--delay=")) {
                delay = Long.parseLong(arg.substring(8));
            } else if (arg.startsWith("--pid-file=")) {
                Files.write(Paths.get(arg.substring(11)), Long.toString(ProcessHandle.current().pid()).getBytes());
            } else if (arg.startsWith("--exit=")) {
                System.err.println("app: cannot start: no configuration found (exit " + arg.substring(7) + ")");
                System.exit(Integer.parseInt(arg.substring(7)));
            }
        }
        Thread.sleep(delay);
        try (ServerSocket server = new ServerSocket(port)) {
            System.out.println("app listening on " + port);
            System.out.flush();
            while (true) {
                try (Socket client = server.accept()) {
                    InputStream in = client.getInputStream();
                    byte[] request = new byte[4096];
                    int n = in.read(request);
                    String line = n > 0 ? new String(request, 0, n, StandardCharsets.US_ASCII) : "";
                    boolean health = line.startsWith("GET /health") || line.startsWith("HEAD /health");
                    OutputStream out = client.getOutputStream();
                    out.write(((health ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found")
                            + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n" + (health ? "ok" : "no"))
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        }
    }
}
