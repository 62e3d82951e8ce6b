package io.github.portcheck.bench;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ConnectScanner;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.PortRange;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The probing engine against the floor (bare bind/close and bare refused-connect loops) and the naive
 * one-socket-at-a-time check of typical port utilities, on 1,000 and 10,000 loopback ports, free and occupied.
 * Run with {@code mvn -Pbenchmark test}. Not a unit test: absolute figures depend on the machine; only the
 * ratios carry over. Traffic: 127.0.0.1 only, a fixed number of probes.
 */
public final class ProbeBenchmark {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int ROUNDS = 5;
    private static final int SCAN_PARALLELISM = 256;

    /** One way to probe a list of ports. */
    interface Method {
        void run(int[] ports) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int[] all = freePorts(10_000, 20000, 32767);
        int[] thousand = Arrays.copyOf(all, 1000);
        System.out.printf(Locale.ROOT, "ProbeBenchmark %s: %d cores, Java %s, %s %s; best of %d rounds%n",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.version"), ROUNDS);
        System.out.printf(Locale.ROOT, "%-6s %-9s %-40s %12s %9s %8s%n", "ports", "state", "method", "ports/s",
                "us/port", "x floor");
        for (int[] ports : Arrays.asList(thousand, all)) {
            table(ports, "free");
            List<ServerSocket> held = occupy(ports);
            try {
                table(ports, "occupied");
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        rangeSearch();
    }

    private static void table(int[] ports, String state) throws IOException {
        BindDetector bind = new BindDetector();
        ConnectDetector connect = new ConnectDetector(1000);
        ConnectScanner scanner = new ConnectScanner(1000, SCAN_PARALLELISM);
        double bindFloor = row(ports, state, "bind floor: ServerSocket bind+close", 0, ProbeBenchmark::bareBind);
        row(ports, state, "BindDetector", bindFloor, p -> {
            for (int port : p) {
                bind.probe(LOOPBACK, port);
            }
        });
        double connectFloor = row(ports, state, "connect floor: one blocking connect", 0, ProbeBenchmark::bareConnect);
        row(ports, state, "ConnectDetector, one at a time", connectFloor, p -> {
            for (int port : p) {
                connect.probe(LOOPBACK, port);
            }
        });
        row(ports, state, "ConnectScanner, " + SCAN_PARALLELISM + " in flight", connectFloor,
                p -> scanner.scan(LOOPBACK, p));
        row(ports, state, "naive: ServerSocket+DatagramSocket", bindFloor, ProbeBenchmark::naive);
    }

    /** Times {@code method} over all ports, best of ROUNDS; prints a row; returns nanoseconds per port. */
    private static double row(int[] ports, String state, String name, double floor, Method method) throws IOException {
        method.run(Arrays.copyOf(ports, Math.min(ports.length, 500))); // warm-up
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            method.run(ports);
            best = Math.min(best, System.nanoTime() - start);
        }
        double perPort = (double) best / ports.length;
        System.out.printf(Locale.ROOT, "%-6d %-9s %-40s %12.0f %9.2f %8s%n", ports.length, state, name,
                1e9 / perPort, perPort / 1000, floor == 0 ? "1.00" : String.format(Locale.ROOT, "%.2f", perPort / floor));
        return perPort;
    }

    private static void bareBind(int[] ports) {
        for (int port : ports) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(LOOPBACK, port), 1);
            } catch (IOException e) {
                // taken
            }
        }
    }

    private static void bareConnect(int[] ports) {
        for (int port : ports) {
            try (Socket s = new Socket()) {
                s.setSoLinger(true, 0);
                s.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            } catch (IOException e) {
                // refused
            }
        }
    }

    /** What typical "is this port available" helpers do: a TCP and a UDP socket, exceptions as the answer. */
    private static void naive(int[] ports) {
        for (int port : ports) {
            try (ServerSocket tcp = new ServerSocket(port, 1, LOOPBACK);
                    DatagramSocket udp = new DatagramSocket(port, LOOPBACK)) {
                tcp.setReuseAddress(true);
                udp.setReuseAddress(true);
            } catch (IOException e) {
                // not available
            }
        }
    }

    /** The first free port of a range whose other ports are all taken: cost per port tried stays flat. */
    private static void rangeSearch() throws IOException {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %10s %12s%n", "range search (all taken but the last port)", "tried",
                "us/tried");
        for (int size : new int[] {1000, 10000}) {
            int[] ports = freePorts(size, 20000, 32767);
            PortRange range = PortRange.of(ports[0], ports[size - 1]);
            List<ServerSocket> held = occupy(Arrays.copyOf(ports, size - 1));
            try {
                BindDetector bind = new BindDetector();
                PortChooser chooser = new PortChooser(PortPool.of(range, Collections.emptyList()), s -> 0);
                long best = Long.MAX_VALUE;
                int tried = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    PortChooser.Choice c = chooser.firstFree(range, Collections.emptySet(),
                            port -> bind.probe(LOOPBACK, port));
                    best = Math.min(best, System.nanoTime() - start);
                    tried = c.tried();
                }
                System.out.printf(Locale.ROOT, "%-44s %10d %12.2f%n", "firstFree over " + range + " (" + range.size()
                        + " ports)", tried, best / 1000.0 / tried);
            } finally {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
    }

    /** Count ports in [from, to] that bind now, consecutive where possible. */
    private static int[] freePorts(int count, int from, int to) {
        int[] ports = new int[count];
        int n = 0;
        BindDetector bind = new BindDetector();
        for (int port = from; port <= to && n < count; port++) {
            Verdict v = bind.probe(new InetSocketAddress(0).getAddress(), port);
            if (v.isFree()) {
                ports[n++] = port;
            }
        }
        if (n < count) {
            throw new IllegalStateException("only " + n + " free ports in " + from + "-" + to);
        }
        return ports;
    }

    private static List<ServerSocket> occupy(int[] ports) throws IOException {
        List<ServerSocket> held = new ArrayList<>(ports.length);
        for (int port : ports) {
            held.add(new ServerSocket(port, 50, LOOPBACK));
        }
        return held;
    }
}
