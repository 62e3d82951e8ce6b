package io.github.portcheck.bench;

import io.github.portcheck.allocation.Claim;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.testing.Leases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One lease taken and given back while {@code held} other ports of the same module stay leased (so the lock file
 * stays open), as they do while a check hands out many names: the registry of the JVM, the lock in the user's
 * lock file, the holder's record. Nothing is probed; no traffic. Leases go to a directory of the fork's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class LeaseBenchmark {
    private static final int FIRST = 40000;

    @Param({"1", "100"})
    int held;

    private Path directory;
    private LeaseBook book;
    private LeaseOwner module;

    @Setup(Level.Trial)
    public void holdOthers() throws IOException, LeaseDirectoryException {
        directory = Files.createTempDirectory("portcheck-bench-");
        book = Leases.in(directory);
        module = LeaseOwner.of("bench", "bench:app", "app");
        for (int i = 1; i <= held; i++) {
            if (!book.claim(FIRST + i, module).granted()) {
                throw new IllegalStateException("port " + (FIRST + i) + " is leased already");
            }
        }
    }

    @TearDown(Level.Trial)
    public void end() throws IOException {
        LeaseBook.endBuild(module);
        try (Stream<Path> all = Files.walk(directory)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Claim leaseAndEnd() throws LeaseDirectoryException {
        Claim claim = book.claim(FIRST, module);
        if (!claim.granted()) {
            throw new IllegalStateException(claim.heldBy());
        }
        claim.lease().release();
        return claim;
    }
}
