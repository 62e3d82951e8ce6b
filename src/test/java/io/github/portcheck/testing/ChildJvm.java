package io.github.portcheck.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the tests in a JVM of its own, optionally as user nobody. */
public final class ChildJvm {
    private static final String SETPRIV = "/usr/bin/setpriv";
    /** User and group nobody (65534), no supplementary groups. */
    private static final String[] NOBODY = {SETPRIV, "--reuid=65534", "--regid=65534", "--clear-groups"};

    private ChildJvm() {
    }

    /** Whether this test runs as root with setpriv, so that it can act as another user. */
    public static boolean canActAsNobody() {
        return "root".equals(System.getProperty("user.name")) && new File(SETPRIV).canExecute();
    }

    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The class path of the plugin's classes and the tests' classes. */
    public static String classpath() {
        return location(Loopback.class) + File.pathSeparator + location(io.github.portcheck.probe.Verdict.class);
    }

    public static ProcessBuilder of(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(Arrays.asList(java(), "-cp", classpath(), main.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Runs {@code main} to its end within 60 s and returns what it printed; fails on a non-zero exit. */
    public static String run(Class<?> main, String... args) throws Exception {
        return await(of(main, args).start());
    }

    /** Runs {@code main} as user nobody to its end within 60 s; returns what it printed, failing on a non-zero exit. */
    public static String runAsNobody(Class<?> main, String... args) throws Exception {
        return await(asNobody(main, args).start());
    }

    /** {@code main} in a JVM of its own, as user nobody. */
    public static ProcessBuilder asNobody(Class<?> main, String... args) {
        List<String> command = new ArrayList<>(Arrays.asList(NOBODY));
        command.addAll(of(main, args).command());
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Starts {@code command} as user nobody, its output and errors in one stream; the caller ends it. */
    public static Process startAsNobody(String... command) throws java.io.IOException {
        List<String> all = new ArrayList<>(Arrays.asList(NOBODY));
        all.addAll(Arrays.asList(command));
        return new ProcessBuilder(all).redirectErrorStream(true).start();
    }

    /** Runs a shell command as user nobody; returns its exit code and output. */
    public static Result asNobody(String shellCommand) throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList(NOBODY));
        command.addAll(Arrays.asList("/bin/sh", "-c", shellCommand));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("as nobody, '" + shellCommand + "' did not end within 60 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static String await(Process child) throws Exception {
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not end within 60 s");
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.exitValue() != 0) {
            throw new AssertionError("the child JVM failed (" + child.exitValue() + "):\n" + out);
        }
        return out.trim();
    }

    private static String location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a shell command run as nobody gave. */
    public static final class Result {
        public final int exit;
        public final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }
}
