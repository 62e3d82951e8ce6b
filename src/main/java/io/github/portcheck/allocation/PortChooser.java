package io.github.portcheck.allocation;

import io.github.portcheck.probe.Verdict;
import io.github.portcheck.spec.PortRange;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Chooses free ports: the first free one of a range, or any free one from a pool. Each port is probed at
 * most once per walk, so finding a port costs time linear in the ports tried.
 */
public final class PortChooser {
    /** "Any free port" comes from here: above the ports that services register by habit (8080, 5432, 9092...). */
    public static final PortRange ANY_BASE = PortRange.of(10000, 65535);

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

    /** The first port of {@code range}, in order, that is not in {@code skip} and probes free. */
    public Choice firstFree(PortRange range, Set<Integer> skip, IntFunction<Verdict> probe) {
        int tried = 0;
        for (int port = range.first(); port <= range.last(); port++) {
            if (skip.contains(port)) {
                continue;
            }
            tried++;
            Verdict v = probe.apply(port);
            if (v.isFree()) {
                return new Choice(v, tried);
            }
        }
        return new Choice(null, tried);
    }

    /** Any port of the pool, not in {@code skip}, that probes free. */
    public Choice anyFree(Set<Integer> skip, IntFunction<Verdict> probe) {
        int size = pool.size();
        if (size == 0) {
            return new Choice(null, 0);
        }
        int first = Math.floorMod(start.applyAsInt(size), size);
        int tried = 0;
        for (int i = 0; i < size; i++) {
            int port = pool.get((first + i) % size);
            if (skip.contains(port)) {
                continue;
            }
            tried++;
            Verdict v = probe.apply(port);
            if (v.isFree()) {
                return new Choice(v, tried);
            }
        }
        return new Choice(null, tried);
    }

    /** The free verdict found, if any, and how many ports were probed to find it. */
    public static final class Choice {
        private final Verdict verdict;
        private final int tried;

        Choice(Verdict verdict, int tried) {
            this.verdict = verdict;
            this.tried = tried;
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
    }
}
