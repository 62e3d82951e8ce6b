package io.github.portcheck.allocation;

import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.PortRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Chooses free ports: the first free one of a range, or any free one from a pool. Each port is probed at
 * most once per walk, so finding a port costs time linear in the ports tried.
 */
public final class PortChooser {
    /** "Any free port" comes from here: above the ports that services register by habit (8080, 5432, 9092...). */
    public static final PortRange ANY_BASE = PortRange.of(10000, 65535);
    /** How many ports a walk passed over it keeps, with their verdicts, to tell the user; the rest are counted. */
    static final int NOTED = 3;

    private final PortPool pool;
    private final IntUnaryOperator start;

    /**
     * @param pool  the ports "any free port" may take
     * @param start picks the index the walk over the pool starts at, given the pool's size; a random start
     *              keeps builds that run at the same time from all trying the same ports first
     */
    public PortChooser(PortPool pool, IntUnaryOperator start) {
        this.pool = pool;
        this.start = start;
    }

    public PortPool pool() {
        return pool;
    }

    /**
     * How a walk probes ports. A lambda probes one port at a time, in order; a prober that {@link #batch()}es
     * probes several at once and takes back those it did not choose.
     */
    @FunctionalInterface
    public interface Prober {
        Verdict probe(int port);

        default Verdict[] probeAll(int[] ports) {
            Verdict[] verdicts = new Verdict[ports.length];
            for (int i = 0; i < ports.length; i++) {
                verdicts[i] = probe(ports[i]);
            }
            return verdicts;
        }

        /** Gives back a port that probed free in a batch but was not chosen (its lease, for instance). */
        default void release(int port) {
        }

        /** Ports per round: 1 walks strictly one port after the other. */
        default int batch() {
            return 1;
        }
    }

    /** The first port of {@code range}, in order, that is not in {@code skip} and probes free. */
    public Choice firstFree(PortRange range, Set<Integer> skip, Prober probe) {
        return walk(range.size(), i -> range.first() + i, skip, probe);
    }

    /** Any port of the pool, not in {@code skip}, that probes free. */
    public Choice anyFree(Set<Integer> skip, Prober probe) {
        int size = pool.size();
        if (size == 0) {
            return new Choice(null, 0, Collections.<Verdict>emptyList());
        }
        int first = Math.floorMod(start.applyAsInt(size), size);
        return walk(size, i -> pool.get((first + i) % size), skip, probe);
    }

    /** Walks {@code count} candidates in order, a batch at a time; each port is probed at most once. */
    private static Choice walk(int count, IntUnaryOperator candidate, Set<Integer> skip, Prober probe) {
        int batch = Math.max(1, probe.batch());
        int[] ports = new int[batch];
        int tried = 0;
        List<Verdict> passedOver = new ArrayList<>();
        int i = 0;
        while (i < count) {
            int n = 0;
            for (; i < count && n < batch; i++) {
                int port = candidate.applyAsInt(i);
                if (!skip.contains(port)) {
                    ports[n++] = port;
                }
            }
            if (n == 0) {
                continue;
            }
            Verdict[] verdicts = n == 1 ? new Verdict[] {probe.probe(ports[0])}
                    : probe.probeAll(n == batch ? ports : java.util.Arrays.copyOf(ports, n));
            Verdict found = null;
            for (int k = 0; k < n; k++) {
                if (found == null) {
                    tried++;
                    if (verdicts[k].isFree()) {
                        found = verdicts[k];
                    } else if (passedOver.size() < NOTED) {
                        passedOver.add(verdicts[k]);
                    }
                } else if (verdicts[k].isFree()) {
                    probe.release(ports[k]);
                }
            }
            if (found != null) {
                return new Choice(found, tried, passedOver);
            }
        }
        return new Choice(null, tried, passedOver);
    }

    /** The free verdict found, if any, and how many ports were probed to find it. */
    public static final class Choice {
        private final Verdict verdict;
        private final int tried;
        private final List<Verdict> passedOver;

        Choice(Verdict verdict, int tried, List<Verdict> passedOver) {
            this.verdict = verdict;
            this.tried = tried;
            this.passedOver = Collections.unmodifiableList(passedOver);
        }

        public boolean found() {
            return verdict != null;
        }

        public int port() {
            return verdict.port();
        }

        public Verdict verdict() {
            return verdict;
        }

        public int tried() {
            return tried;
        }

        /** The first few ports probed and found not free, with why, in the order they were tried. */
        public List<Verdict> passedOver() {
            return passedOver;
        }
    }
}
