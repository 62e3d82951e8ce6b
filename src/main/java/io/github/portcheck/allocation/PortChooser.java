package io.github.portcheck.allocation;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.Verdict;
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
    private final List<PortRange> excluded;
    private final IntUnaryOperator start;

    /**
     * @param pool  the ports "any free port" may take
     * @param start picks the index the walk over the pool starts at, given the pool's size; a random start
     *              keeps builds that run at the same time from all trying the same ports first
     */
    public PortChooser(PortPool pool, IntUnaryOperator start) {
        this(pool, Collections.<PortRange>emptyList(), start);
    }

    /** @param excluded ports that a range or block never takes either (the pool leaves them out already) */
    public PortChooser(PortPool pool, List<PortRange> excluded, IntUnaryOperator start) {
        this.pool = pool;
        this.excluded = excluded;
        this.start = start;
    }

    public PortPool pool() {
        return pool;
    }

    /**
     * How a walk tests whether candidate ports are free. A lambda tests one port at a time, in order; a tester that
     * {@link #batch()}es tests several at once and gives back those the walk did not choose.
     */
    @FunctionalInterface
    public interface Tester {
        Verdict test(int port);

        default Verdict[] testAll(int[] ports) {
            Verdict[] verdicts = new Verdict[ports.length];
            for (int i = 0; i < ports.length; i++) {
                verdicts[i] = test(ports[i]);
            }
            return verdicts;
        }

        /** Gives back a port that tested free but was not chosen (its lease, for instance). */
        default void giveBack(int port) {
        }

        /** Ports per round: 1 walks strictly one port after the other. */
        default int batch() {
            return 1;
        }
    }

    /** The first port of {@code range}, in order, that is neither excluded nor in {@code skip} and probes free. */
    public Choice firstFree(PortRange range, Set<Integer> skip, Tester tester) {
        PortPool ports = PortPool.of(range, excluded);
        return walk(ports.size(), ports::get, skip, tester);
    }

    /**
     * The first {@code count} contiguous ports of {@code range}, none excluded or in {@code skip}, that all probe
     * free. A port that is not free moves the search past it, so each port is probed at most once.
     */
    public Choice firstBlock(PortRange range, int count, Set<Integer> skip, Tester tester) {
        return block(PortPool.of(range, excluded).segments(), count, skip, tester);
    }

    /**
     * Every port of {@code block}, all of which must be free: each is probed, so a taken block names all its
     * taken ports ({@link Choice#passedOver()}, in order); the free ones go back unless all are free.
     */
    public Choice wholeBlock(PortRange block, Tester tester) {
        List<Verdict> free = new ArrayList<>();
        List<Verdict> notFree = new ArrayList<>();
        for (int port = block.first(); port <= block.last(); port++) {
            Verdict v = tester.test(port);
            (v.isFree() ? free : notFree).add(v);
        }
        if (notFree.isEmpty()) {
            return new Choice(free, block.size(), notFree, 0);
        }
        for (Verdict v : free) {
            tester.giveBack(v.port());
        }
        return new Choice(Collections.<Verdict>emptyList(), block.size(), notFree, notFree.size());
    }

    /** Any {@code count} contiguous ports of the pool, none in {@code skip}, that all probe free. */
    public Choice anyBlock(int count, Set<Integer> skip, Tester tester) {
        if (pool.size() == 0) {
            return new Choice(Collections.<Verdict>emptyList(), 0, Collections.<Verdict>emptyList(), 0);
        }
        // From a random port of the pool to its end, then from its start round to where the walk began.
        int from = pool.get(Math.floorMod(start.applyAsInt(pool.size()), pool.size()));
        List<PortRange> fromStart = new ArrayList<>();
        List<PortRange> roundAgain = new ArrayList<>();
        for (PortRange segment : pool.segments()) {
            if (segment.last() < from) {
                roundAgain.add(segment);
            } else if (segment.first() > from) {
                fromStart.add(segment);
            } else {
                fromStart.add(0, PortRange.of(from, segment.last()));
                if (segment.first() < from) {
                    // blocks that begin before the start and may reach past it
                    roundAgain.add(PortRange.of(segment.first(), Math.min(segment.last(), from + count - 2)));
                }
            }
        }
        fromStart.addAll(roundAgain);
        return block(fromStart, count, skip, tester);
    }

    private static Choice block(List<PortRange> segments, int count, Set<Integer> skip, Tester tester) {
        int tried = 0;
        int notFree = 0;
        List<Verdict> passedOver = new ArrayList<>();
        for (PortRange segment : segments) {
            int first = segment.first();
            while (first + count - 1 <= segment.last()) {
                List<Verdict> block = new ArrayList<>(count);
                int blocked = -1;
                for (int port = first; port < first + count; port++) {
                    if (skip.contains(port)) {
                        blocked = port;
                        break;
                    }
                    Verdict v = tester.test(port);
                    tried++;
                    if (!v.isFree()) {
                        notFree++;
                        if (passedOver.size() < NOTED) {
                            passedOver.add(v);
                        }
                        blocked = port;
                        break;
                    }
                    block.add(v);
                }
                if (blocked < 0) {
                    return new Choice(block, tried, passedOver, notFree);
                }
                // Never half a block: what this candidate took goes back before the next one is tried.
                for (Verdict v : block) {
                    tester.giveBack(v.port());
                }
                first = blocked + 1;
            }
        }
        return new Choice(Collections.<Verdict>emptyList(), tried, passedOver, notFree);
    }

    /** Any port of the pool, not in {@code skip}, that probes free. */
    public Choice anyFree(Set<Integer> skip, Tester tester) {
        int size = pool.size();
        if (size == 0) {
            return new Choice(Collections.<Verdict>emptyList(), 0, Collections.<Verdict>emptyList(), 0);
        }
        int first = Math.floorMod(start.applyAsInt(size), size);
        return walk(size, i -> pool.get((first + i) % size), skip, tester);
    }

    /** Walks {@code count} candidates in order, a batch at a time; each port is probed at most once. */
    private static Choice walk(int count, IntUnaryOperator candidate, Set<Integer> skip, Tester tester) {
        int batch = Math.max(1, tester.batch());
        int[] ports = new int[batch];
        int tried = 0;
        int notFree = 0;
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
            Verdict[] verdicts = n == 1 ? new Verdict[] {tester.test(ports[0])}
                    : tester.testAll(n == batch ? ports : java.util.Arrays.copyOf(ports, n));
            Verdict found = null;
            for (int k = 0; k < n; k++) {
                if (found == null) {
                    tried++;
                    if (verdicts[k].isFree()) {
                        found = verdicts[k];
                    } else {
                        notFree++;
                        if (passedOver.size() < NOTED) {
                            passedOver.add(verdicts[k]);
                        }
                    }
                } else if (verdicts[k].isFree()) {
                    tester.giveBack(ports[k]);
                }
            }
            if (found != null) {
                return new Choice(Collections.singletonList(found), tried, passedOver, notFree);
            }
        }
        return new Choice(Collections.<Verdict>emptyList(), tried, passedOver, notFree);
    }

    /** The free port or block found, if any, and how many ports were probed to find it. */
    public static final class Choice {
        private final List<Verdict> verdicts;
        private final int tried;
        private final List<Verdict> passedOver;
        private final int notFree;

        Choice(List<Verdict> verdicts, int tried, List<Verdict> passedOver, int notFree) {
            this.verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
            this.tried = tried;
            this.passedOver = Collections.unmodifiableList(passedOver);
            this.notFree = notFree;
        }

        /** How many ports the walk found not free: those {@link #passedOver()} names and the rest. */
        public int notFree() {
            return notFree;
        }

        public boolean found() {
            return !verdicts.isEmpty();
        }

        /** The (first) port found. */
        public int port() {
            return verdicts.get(0).port();
        }

        /** The free verdicts of every port found: one, or a block's in ascending order. */
        public List<Verdict> verdicts() {
            return verdicts;
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
