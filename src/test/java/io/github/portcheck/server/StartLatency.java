package io.github.portcheck.server;

import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawStartSettings;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How soon start notices: from the moment the test server listens (or prints its line) to start's return, and from
 * the moment it exits to start's failure, each over ROUNDS real processes; the server prints the wall-clock time of
 * each event. Prints median, quartiles and extremes in milliseconds. Run by bench/start-latency.sh.
 */
public final class StartLatency {
    private static final Pattern AT = Pattern.compile(" at (\\d+)");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path dir = Files.createTempDirectory("portcheck-latency-");
        ServerRecords records = new ServerRecords(Files.createDirectory(dir.resolve("records")),
                ProcessTree.forThisSystem());
        List<Long> port = new ArrayList<>();
        List<Long> log = new ArrayList<>();
        List<Long> exit = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String p = Integer.toString(Loopback.freePort());
            ServerStart.Ready ready = run(dir, records, p, server(dir, p, "listen", p, "500")
                    .readyWhen(Collections.singletonList(PortEntry.of("127.0.0.1:@{app.port}"))));
            long returned = System.currentTimeMillis();
            port.add(returned - at(firstLine(ready.server().logFile())));
            Servers.stop(LeaseOwner.of("bench", "bench:app", "app"), Collections.<String>emptyList(), 5000,
                    (s, r) -> { });
            ready = run(dir, records, p, server(dir, p, "print", "READY", "500").readyLog("READY"));
            log.add(System.currentTimeMillis() - at(ready.line()));
            Servers.stop(LeaseOwner.of("bench", "bench:app", "app"), Collections.<String>emptyList(), 5000,
                    (s, r) -> { });
            try {
                run(dir, records, p, server(dir, p, "exit", "3", "500").readyLog("never"));
                throw new IllegalStateException("the server did not exit");
            } catch (ProcessExitedException e) {
                exit.add(System.currentTimeMillis() - at(e.lastLines().get(e.lastLines().size() - 1)));
            }
        }
        System.out.println("start, " + rounds + " rounds each, ms                 median     q1     q3    min    max");
        System.out.println(line("listening -> start returns (readyWhen)", port));
        System.out.println(line("its line printed -> start returns (readyLog)", log));
        System.out.println(line("its process exits -> start fails", exit));
    }

    private static RawStartSettings server(Path dir, String port, String... args) {
        List<String> arguments = new ArrayList<>(Arrays.asList("-cp", ChildJvm.classpath(), TestServer.class.getName()));
        arguments.addAll(Arrays.asList(args));
        return new RawStartSettings().executable(ChildJvm.java()).arguments(arguments).workingDirectory(dir)
                .logFile(dir.resolve("server.log")).timeout(60);
    }

    private static ServerStart.Ready run(Path dir, ServerRecords records, String port, RawStartSettings raw)
            throws Exception {
        BuildProperties build = BuildProperties.NONE.with(Collections.singletonMap("app.port", port));
        return new ServerStart(raw.checked(build), "bench", LeaseOwner.of("bench", "bench:app", "app"), "bench",
                records).run(build, Collections.<String, String>emptyMap(), line -> { }, line -> { }, line -> { });
    }

    /** The server's first line: it may reach the file a moment after the port opened. */
    private static String firstLine(Path log) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log);
            if (!lines.isEmpty()) {
                return lines.get(0);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the server printed nothing");
    }

    private static long at(String line) {
        Matcher m = AT.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no time in: " + line);
        }
        return Long.parseLong(m.group(1));
    }

    private static String line(String what, List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format("%-44s %6d %6d %6d %6d %6d", what, q(v, 0.5), q(v, 0.25), q(v, 0.75), v.get(0),
                v.get(v.size() - 1));
    }

    private static long q(List<Long> sorted, double f) {
        double i = (sorted.size() - 1) * f;
        int lo = (int) i;
        return Math.round(sorted.get(lo) + (i - lo) * (sorted.get(Math.min(lo + 1, sorted.size() - 1)) - sorted.get(lo)));
    }
}
