package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.probe.Verdict;
import io.github.portcheck.testing.Loopback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The walks over ports; the probes here are scripted so that the counts can be exact. */
class PortChooserTest {
    private final List<Integer> probed = new ArrayList<>();

    private PortChooser.Tester freeOnly(Integer... free) {
        Set<Integer> freePorts = new HashSet<>(Arrays.asList(free));
        return port -> {
            probed.add(port);
            return new Verdict(freePorts.contains(port) ? Status.FREE : Status.IN_USE, Loopback.V4, port, "x");
        };
    }

    @Test
    void takesTheFirstFreePortOfARangeProbingEachOnceInOrder() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()), size -> 0);
        PortChooser.Choice c = chooser.firstFree(PortRange.of(8080, 8090), Collections.singleton(8082),
                freeOnly(8084, 8086));
        assertEquals(8084, c.port());
        assertEquals(Arrays.asList(8080, 8081, 8083, 8084), probed);
        assertEquals(4, c.tried());
    }

    @Test
    void aFullRangeIsWalkedOnceAndReportsHowManyWereTried() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()), size -> 0);
        PortChooser.Choice c = chooser.firstFree(PortRange.of(20000, 29999), Collections.emptySet(), freeOnly());
        assertFalse(c.found());
        assertEquals(10000, c.tried());
        assertEquals(10000, new HashSet<>(probed).size());
    }

    @Test
    void anyFreeWalksThePoolRoundFromTheStartItIsGiven() {
        PortPool pool = PortPool.of(PortRange.of(100, 109), Collections.singletonList(PortRange.of(103, 104)));
        PortChooser chooser = new PortChooser(pool, size -> size + 6); // index 6 of 8: port 108
        PortChooser.Choice c = chooser.anyFree(Collections.singleton(100), freeOnly(102));
        assertEquals(102, c.port());
        assertEquals(Arrays.asList(108, 109, 101, 102), probed);
    }

    @Test
    void anyFreeInAFullPoolFindsNothing() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(100, 104), Collections.emptyList()), s -> 2);
        PortChooser.Choice c = chooser.anyFree(Collections.emptySet(), freeOnly());
        assertFalse(c.found());
        assertEquals(5, c.tried());
    }

    @Test
    void aBatchingProberGetsChunksInOrderAndTakesBackFreePortsItDidNotChoose() {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> released = new ArrayList<>();
        Set<Integer> free = new HashSet<>(Arrays.asList(8086, 8087, 8089));
        PortChooser.Tester batching = new PortChooser.Tester() {
            @Override
            public Verdict test(int port) {
                throw new AssertionError("a batching walk tests in batches");
            }

            @Override
            public Verdict[] testAll(int[] ports) {
                List<Integer> chunk = new ArrayList<>();
                Verdict[] verdicts = new Verdict[ports.length];
                for (int i = 0; i < ports.length; i++) {
                    chunk.add(ports[i]);
                    verdicts[i] = new Verdict(free.contains(ports[i]) ? Status.FREE : Status.IN_USE, Loopback.V4,
                            ports[i], "x");
                }
                chunks.add(chunk);
                return verdicts;
            }

            @Override
            public void giveBack(int port) {
                released.add(port);
            }

            @Override
            public int batch() {
                return 4;
            }
        };
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()), size -> 0);
        PortChooser.Choice c = chooser.firstFree(PortRange.of(8080, 8099), Collections.singleton(8081), batching);
        assertEquals(8086, c.port());
        assertEquals(Arrays.asList(Arrays.asList(8080, 8082, 8083, 8084), Arrays.asList(8085, 8086, 8087, 8088)),
                chunks);
        assertEquals(Arrays.asList(8087), released);
        assertEquals(6, c.tried());
    }

    private final List<Integer> released = new ArrayList<>();

    /** Probes as {@link #freeOnly}, and records what a walk gives back. */
    private PortChooser.Tester freeOnlyReleasing(Integer... free) {
        PortChooser.Tester tester = freeOnly(free);
        return new PortChooser.Tester() {
            @Override
            public Verdict test(int port) {
                return tester.test(port);
            }

            @Override
            public void giveBack(int port) {
                released.add(port);
            }
        };
    }

    private static List<Integer> ports(PortChooser.Choice c) {
        List<Integer> ports = new ArrayList<>();
        c.verdicts().forEach(v -> ports.add(v.port()));
        return ports;
    }

    @Test
    void aTakenPortInTheFirstCandidateBlockMovesTheSearchPastItAndGivesBackWhatWasTaken() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()), size -> 0);
        // 20002 is taken: 20000-20001 go back, and the search goes on from 20003
        PortChooser.Choice c = chooser.firstBlock(PortRange.of(20000, 20099), 3, Collections.emptySet(),
                freeOnlyReleasing(20000, 20001, 20003, 20004, 20005));
        assertEquals(Arrays.asList(20003, 20004, 20005), ports(c));
        assertEquals(Arrays.asList(20000, 20001, 20002, 20003, 20004, 20005), probed, "each port probed once");
        assertEquals(Arrays.asList(20000, 20001), released, "never half a block");
        assertEquals(6, c.tried());
        assertEquals(20002, c.passedOver().get(0).port());
    }

    @Test
    void aBlockSkipsPortsHandedOutAlreadyAndExcludedPorts() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()),
                Collections.singletonList(PortRange.single(20004)), size -> 0);
        PortChooser.Choice c = chooser.firstBlock(PortRange.of(20000, 20009), 2, new HashSet<>(Arrays.asList(20001)),
                freeOnlyReleasing(20000, 20002, 20003, 20005, 20006));
        assertEquals(Arrays.asList(20002, 20003), ports(c));
        assertEquals(Arrays.asList(20000, 20002, 20003), probed);
        assertEquals(Arrays.asList(20000), released);
    }

    @Test
    void aRangeWithoutAFreeBlockFindsNone() {
        PortChooser chooser = new PortChooser(PortPool.of(PortRange.of(1, 10), Collections.emptyList()), size -> 0);
        PortChooser.Choice c = chooser.firstBlock(PortRange.of(20000, 20005), 3, Collections.emptySet(),
                freeOnlyReleasing(20000, 20001, 20003, 20004));
        assertFalse(c.found());
        assertEquals(Arrays.asList(20000, 20001, 20002, 20003, 20004, 20005), probed);
        assertEquals(Arrays.asList(20000, 20001, 20003, 20004), released);
    }

    @Test
    void anyBlockStaysWithinOneSegmentOfThePoolAndGoesRound() {
        // the pool is 100-104 and 107-109; the walk starts at index 6: port 108
        PortPool pool = PortPool.of(PortRange.of(100, 109), Collections.singletonList(PortRange.of(105, 106)));
        PortChooser chooser = new PortChooser(pool, size -> 6);
        PortChooser.Choice c = chooser.anyBlock(3, Collections.emptySet(), freeOnlyReleasing(100, 101, 102, 108, 109));
        assertEquals(Arrays.asList(100, 101, 102), ports(c), "108-110 is not in the pool; round to 100");
        assertEquals(Arrays.asList(100, 101, 102), probed, "no block fits in 108-109, so none of it is probed");
        PortChooser.Choice none = chooser.anyBlock(6, Collections.emptySet(), freeOnlyReleasing());
        assertFalse(none.found(), "no segment holds 6 ports");
    }

    @Test
    void anyBlockFromTheMiddleOfASegmentAlsoTriesTheBlocksThatBeginBeforeTheStart() {
        PortPool pool = PortPool.of(PortRange.of(100, 109), Collections.emptyList());
        PortChooser chooser = new PortChooser(pool, size -> 5); // starts at 105
        PortChooser.Choice c = chooser.anyBlock(4, Collections.emptySet(), freeOnlyReleasing(103, 104, 105, 106));
        assertEquals(Arrays.asList(103, 104, 105, 106), ports(c));
    }
}
