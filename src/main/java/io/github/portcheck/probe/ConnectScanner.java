package io.github.portcheck.probe;

import io.github.portcheck.probe.Verdict.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connect probes for many ports of one address at once: non-blocking connects on a selector, at most
 * {@code parallelism} in flight, each with its own timeout, so that waiting for slow answers (a remote host)
 * overlaps; and one selector per core, since on loopback the answers are immediate and the cost is CPU.
 * Probes close with a reset (SO_LINGER 0), so thousands of them leave no TIME_WAIT behind.
 */
public final class ConnectScanner {
    /** Below this many ports per thread, more threads cost more than they save. */
    private static final int PORTS_PER_THREAD = 256;

    private final int timeoutMillis;
    private final int parallelism;
    private final int threads;

    public ConnectScanner(int timeoutMillis, int parallelism) {
        this(timeoutMillis, parallelism, Runtime.getRuntime().availableProcessors());
    }

    public ConnectScanner(int timeoutMillis, int parallelism, int threads) {
        if (timeoutMillis <= 0 || parallelism <= 0 || threads <= 0) {
            throw new IllegalArgumentException("timeout, parallelism and threads must be positive");
        }
        this.timeoutMillis = timeoutMillis;
        this.parallelism = parallelism;
        this.threads = threads;
    }

    /** One verdict per port, in the order of {@code ports}. */
    public Verdict[] scan(InetAddress address, int[] ports) throws IOException {
        int workers = Math.max(1, Math.min(threads, ports.length / PORTS_PER_THREAD));
        Verdict[] verdicts = new Verdict[ports.length];
        if (workers == 1) {
            scan(address, ports, 0, ports.length, parallelism, verdicts);
            return verdicts;
        }
        List<Thread> started = new ArrayList<>(workers);
        AtomicReference<IOException> failure = new AtomicReference<>();
        for (int w = 0; w < workers; w++) {
            int from = (int) ((long) ports.length * w / workers);
            int to = (int) ((long) ports.length * (w + 1) / workers);
            Thread t = new Thread(() -> {
                try {
                    scan(address, ports, from, to, Math.max(1, parallelism / workers), verdicts);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                }
            }, "portcheck-scan-" + w);
            t.setDaemon(true);
            t.start();
            started.add(t);
        }
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while probing", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return verdicts;
    }

    /** Probes ports[from..to) on one selector; a selector that cannot be opened is the only failure. */
    private void scan(InetAddress address, int[] ports, int from, int to, int inFlight, Verdict[] verdicts)
            throws IOException {
        try (Selector selector = Selector.open()) {
            int next = from;
            int done = from;
            long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (done < to) {
                while (selector.keys().size() < inFlight && next < to) {
                    int index = next++;
                    if (start(selector, address, ports[index], index, System.nanoTime() + timeoutNanos, verdicts)) {
                        done++;
                    }
                }
                if (selector.keys().isEmpty()) {
                    continue;
                }
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(earliestDeadline(selector) - System.nanoTime())));
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Probe probe = (Probe) key.attachment();
                    verdicts[probe.index] = finish((SocketChannel) key.channel(), address, probe.port);
                    close(key);
                    done++;
                }
                long now = System.nanoTime();
                for (SelectionKey key : selector.keys()) {
                    Probe probe = (Probe) key.attachment();
                    if (key.isValid() && now - probe.deadline >= 0) {
                        verdicts[probe.index] = new Verdict(Status.NO_ANSWER, address, probe.port,
                                "no answer within " + timeoutMillis + " ms");
                        close(key);
                        done++;
                    }
                }
                selector.selectNow(); // lets the selector forget the cancelled keys
                selector.selectedKeys().clear();
            }
        }
    }

    /** Starts one probe; true when it was decided at once (no key registered). */
    private boolean start(Selector selector, InetAddress address, int port, int index, long deadline,
            Verdict[] verdicts) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            if (channel.connect(new InetSocketAddress(address, port))) {
                verdicts[index] = connected(channel, address, port);
                channel.close();
                return true;
            }
            channel.register(selector, SelectionKey.OP_CONNECT, new Probe(index, port, deadline));
            return false;
        } catch (IOException e) {
            verdicts[index] = SocketErrors.classify(e, address, port, timeoutMillis);
            closeQuietly(channel);
            return true;
        }
    }

    private Verdict finish(SocketChannel channel, InetAddress address, int port) {
        try {
            channel.finishConnect();
            return connected(channel, address, port);
        } catch (IOException e) {
            return SocketErrors.classify(e, address, port, timeoutMillis);
        }
    }

    private static Verdict connected(SocketChannel channel, InetAddress address, int port) throws IOException {
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        if (ConnectDetector.connectedToItself(local.getAddress(), local.getPort(), address, port)) {
            return new Verdict(Status.FREE, address, port, "free (the probe connected to itself)");
        }
        return new Verdict(Status.IN_USE, address, port, "in use");
    }

    private static long earliestDeadline(Selector selector) {
        long earliest = Long.MAX_VALUE;
        boolean any = false;
        for (SelectionKey key : selector.keys()) {
            long deadline = ((Probe) key.attachment()).deadline;
            if (!any || deadline - earliest < 0) {
                earliest = deadline;
                any = true;
            }
        }
        return earliest;
    }

    private static void close(SelectionKey key) {
        key.cancel();
        closeQuietly((SocketChannel) key.channel());
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to release beyond what close tried
            }
        }
    }

    private static final class Probe {
        final int index;
        final int port;
        final long deadline;

        Probe(int index, int port, long deadline) {
            this.index = index;
            this.port = port;
            this.deadline = deadline;
        }
    }
}
