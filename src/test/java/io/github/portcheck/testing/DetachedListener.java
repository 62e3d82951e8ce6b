package io.github.portcheck.testing;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A listener that the test JVM did not start: launched through a shell that exits at once, so that the system
 * adopts it. Listens on a free port of 127.0.0.1, writes "PORT PID" to the file it is given, and lives while that
 * file does (a minute at most).
 */
public final class DetachedListener {
    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[0]);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path written = Paths.get(args[0] + ".tmp");
            Files.write(written, (server.getLocalPort() + " " + ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (Files.exists(file) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        }
    }

    /** Starts one, detached from this JVM; returns its port and PID once it listens. */
    public static long[] start(Path file) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" -cp \"$1\" " + DetachedListener.class.getName()
                + " \"$2\" </dev/null >/dev/null 2>&1 &", ChildJvm.java(), ChildJvm.classpath(), file.toString())
                .start();
        if (!shell.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the shell did not return");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the detached listener never started");
            }
            Thread.sleep(20);
        }
        String[] portAndPid = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim().split(" ");
        return new long[] {Long.parseLong(portAndPid[0]), Long.parseLong(portAndPid[1])};
    }
}
