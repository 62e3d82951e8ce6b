package io.github.portcheck.bench;

import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ConnectScanner;
import io.github.portcheck.probe.Verdict;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Microseconds per port probed, on 1,000 or 10,000 loopback ports of 20000-32767, free or held by listeners of
 * this JVM: the detectors against their floors (a bare bind/close, a bare blocking connect) and against the naive
 * check of typical port utilities (a ServerSocket and a DatagramSocket per port). Single-port methods walk the
 * ports round; the scanner probes them in batches of 64, as the plugin's range and "any" walks do, or 1,000 at
 * once. Traffic: 127.0.0.1 only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class ProbeBenchmark {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** The kernel's usual cap (net.core.somaxconn): held ports never accept, their queues must not fill. */
    private static final int BACKLOG = 4096;

    @Param({"1000", "10000"})
    public int ports;

    @Param({"free", "occupied"})
    public String state;

    private int[] list;
    private int next;
    private List<ServerSocket> held = new ArrayList<>();
    private final BindDetector bind = new BindDetector();
    private final ConnectDetector connect = new ConnectDetector(1000);
    private final ConnectScanner scanner = new ConnectScanner(1000, 256);
    private final int[] batch = new int[64];
    private final int[] thousand = new int[1000];

    @Setup(Level.Trial)
    public void choosePorts() throws IOException {
        list = freePorts(ports, 20000, 32767);
        if (state.equals("occupied")) {
            held = occupy(list, BACKLOG);
        }
    }

    @TearDown(Level.Trial)
    public void release() throws IOException {
        for (ServerSocket s : held) {
            s.close();
        }
    }

    private int nextPort() {
        int port = list[next];
        next = next + 1 == list.length ? 0 : next + 1;
        return port;
    }

    private int[] nextPorts(int[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = nextPort();
        }
        return into;
    }

    @Benchmark
    public boolean bindFloor() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(LOOPBACK, nextPort()), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Benchmark
    public Verdict bindDetector() {
        return bind.probe(LOOPBACK, nextPort());
    }

    @Benchmark
    public boolean connectFloor() {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(new InetSocketAddress(LOOPBACK, nextPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Benchmark
    public Verdict connectDetector() {
        return connect.probe(LOOPBACK, nextPort());
    }

    @Benchmark
    @OperationsPerInvocation(64)
    public Verdict[] connectScannerBatchesOf64() throws IOException {
        return scanner.scan(LOOPBACK, nextPorts(batch));
    }

    @Benchmark
    @OperationsPerInvocation(1000)
    public Verdict[] connectScanner1000AtOnce() throws IOException {
        return scanner.scan(LOOPBACK, nextPorts(thousand));
    }

    /** What typical "is this port available" helpers do: a TCP and a UDP socket, exceptions as the answer. */
    @Benchmark
    public boolean naive() {
        int port = nextPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, LOOPBACK);
                DatagramSocket udp = new DatagramSocket(port, LOOPBACK)) {
            tcp.setReuseAddress(true);
            udp.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code count} ports of [from, to] that bind now. */
    static int[] freePorts(int count, int from, int to) {
        int[] found = new int[count];
        int n = 0;
        BindDetector bind = new BindDetector();
        InetAddress wildcard = new InetSocketAddress(0).getAddress();
        for (int port = from; port <= to && n < count; port++) {
            if (bind.probe(wildcard, port).isFree()) {
                found[n++] = port;
            }
        }
        if (n < count) {
            throw new IllegalStateException("only " + n + " free ports in " + from + "-" + to);
        }
        return Arrays.copyOf(found, n);
    }

    static List<ServerSocket> occupy(int[] ports, int backlog) throws IOException {
        List<ServerSocket> held = new ArrayList<>(ports.length);
        for (int port : ports) {
            held.add(new ServerSocket(port, backlog, LOOPBACK));
        }
        return held;
    }
}
