package io.github.portcheck.bench;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.PortChecks;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.SettingNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the first check of a JVM costs, split into what the JDK pays once per JVM and what the plugin adds. Each
 * score is one shot in a fresh JVM (a fork), after the set-up that Maven has done before any mojo runs (lambdas,
 * regular expressions, formatting, NIO files and attributes), so that only the check's own first use is timed:
 * <ul>
 * <li>{@code jdkFirstUse}: what a check needs of the JDK, used once: resolving localhost, binding and closing a
 * port on the wildcard address, and locking a file;</li>
 * <li>{@code firstCheck}: check-ports of one name, whole (settings, set-up, lease, probe, end of the build);</li>
 * <li>{@code laterCheck}: the same check once a first one ran in the JVM, as later modules of a build run it.</li>
 * </ul>
 * Ports are probed on this machine only; leases go to a directory of the fork's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(15)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class FirstCheckBenchmark {
    private Path leases;
    private int build;

    @Setup(Level.Trial)
    public void asMavenLeavesTheJvm() throws Exception {
        Supplier<String> lambda = () -> String.format("%s-%d", "maven", 3);
        if (!lambda.get().matches("[a-z]+-[0-9]") || "a,b".split(",").length != 2) {
            throw new IllegalStateException();
        }
        leases = Files.createTempDirectory("portcheck-bench-");
        try (DirectoryStream<Path> none = Files.newDirectoryStream(leases, "*.none")) {
            none.iterator().hasNext();
        }
        Files.readAttributes(leases, "unix:mode,uid,nlink,owner", LinkOption.NOFOLLOW_LINKS);
        Files.readAllLines(Files.write(leases.resolve("pom.xml"), "<project/>".getBytes("UTF-8")));
        new TreeMap<String, String>().put("module", "a");
    }

    @Setup(Level.Iteration)
    public void firstCheckForLaterCheck(org.openjdk.jmh.infra.BenchmarkParams params) throws Exception {
        if (params.getBenchmark().endsWith("laterCheck")) {
            check();
        }
    }

    @TearDown(Level.Trial)
    public void removeLeases() throws IOException {
        try (Stream<Path> all = Files.walk(leases)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Object jdkFirstUse() throws Exception {
        InetAddress[] localhost = InetAddress.getAllByName("localhost");
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(0), 1);
        }
        Path file = leases.resolve("jdk.lock");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock(16, 16, false);
            lock.release();
        }
        return localhost;
    }

    @Benchmark
    public CheckResult firstCheck() throws Exception {
        return check();
    }

    @Benchmark
    public CheckResult laterCheck() throws Exception {
        return check();
    }

    /** One name, "any free port", as check-ports runs it from its parameters to the end of the build. */
    private CheckResult check() throws Exception {
        CheckSettings settings = new RawCheckSettings().ports(Collections.singletonList(PortEntry.of("app.port")))
                .leaseDirectory(leases).checked(BuildProperties.NONE);
        LeaseOwner owner = LeaseOwner.of("bench-" + build++, "bench:app", "app");
        CheckResult result = new PortChecks(SettingNames.PLAIN, line -> { }).forThisMachine(settings, owner, line -> { })
                .run();
        LeaseBook.endBuild(owner);
        if (result.failed()) {
            throw new IllegalStateException("no free port: " + result.entries());
        }
        return result;
    }
}
