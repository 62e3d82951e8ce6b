package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.spec.PortRange;
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

    private PortChooser.Prober freeOnly(Integer... free) {
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
        PortChooser.Prober batching = new PortChooser.Prober() {
            @Override
            public Verdict probe(int port) {
                throw new AssertionError("a batching walk probes in batches");
            }

            @Override
            public Verdict[] probeAll(int[] ports) {
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
            public void release(int port) {
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
}
