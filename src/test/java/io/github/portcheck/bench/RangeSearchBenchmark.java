package io.github.portcheck.bench;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.BindDetector;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The first free port of a range whose other ports are all taken, with the bind detector: one whole search per
 * operation, so the time per port tried is the score divided by the range's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RangeSearchBenchmark {
    @Param({"1000", "10000"})
    public int size;

    private PortRange range;
    private List<ServerSocket> held;
    private PortChooser chooser;
    private final BindDetector bind = new BindDetector();

    @Setup(Level.Trial)
    public void takeAllButTheLast() throws IOException {
        int[] ports = ProbeBenchmark.freePorts(size, 20000, 32767);
        range = PortRange.of(ports[0], ports[size - 1]);
        held = ProbeBenchmark.occupy(Arrays.copyOf(ports, size - 1), 1);
        chooser = new PortChooser(PortPool.of(range, Collections.emptyList()), s -> 0);
    }

    @TearDown(Level.Trial)
    public void release() throws IOException {
        for (ServerSocket s : held) {
            s.close();
        }
    }

    @Benchmark
    public PortChooser.Choice firstFree() {
        return chooser.firstFree(range, Collections.emptySet(), port -> bind.probe(ProbeBenchmark.LOOPBACK, port));
    }
}
