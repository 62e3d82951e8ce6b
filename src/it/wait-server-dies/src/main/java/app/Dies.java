package app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/** A server that fails at start: writes its PID, then exits before it listens, as on a bad configuration. */
public class Dies {
    public static void main(String[] args) throws Exception {
        Files.write(Paths.get(args[0]), Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
        Thread.sleep(300);
        System.out.println("app: cannot start, exiting");
        System.exit(1);
    }
}
