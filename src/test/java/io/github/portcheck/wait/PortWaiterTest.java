package io.github.portcheck.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.portcheck.probe.Verdict;
import io.github.portcheck.probe.Verdict.Status;
import io.github.portcheck.testing.Loopback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop itself, on a clock that moves only when the waiter sleeps. */
class PortWaiterTest {
    private long now;
    private final List<Long> sleeps = new ArrayList<>();
    private final PortWaiter waiter = new PortWaiter(() -> now, millis -> {
        sleeps.add(millis);
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }, null);

    @Test
    void reportsProgressEveryFiveSecondsAndStopsAtTheDeadline() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PortWaiter.Pending db = new PortWaiter.Pending("port 5432 (db) on localhost", () -> {
            probes.incrementAndGet();
            return new Verdict(Status.FREE, Loopback.V4, 5432, "refused");
        }, v -> v.status() == Status.IN_USE);
        List<String> progress = new ArrayList<>();
        List<PortWaiter.Pending> left = waiter.await(Arrays.asList(db), 12_000, 1000, progress::add);
        assertEquals(Arrays.asList(db), left);
        assertEquals(Arrays.asList("Still waiting for port 5432 (db) on localhost (refused), 7 s left",
                "Still waiting for port 5432 (db) on localhost (refused), 2 s left"), progress);
        assertEquals(13, probes.get(), "one probe a second, and one at the deadline");
        assertEquals(12_000, sleeps.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aPortThatBecomesReadyIsProbedNoMore() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PortWaiter.Pending app = new PortWaiter.Pending("port 8080 on localhost", () -> new Verdict(
                probes.incrementAndGet() >= 3 ? Status.IN_USE : Status.FREE, Loopback.V4, 8080, "x"),
                v -> v.status() == Status.IN_USE);
        assertEquals(0, waiter.await(Arrays.asList(app), 60_000, 250, line -> { }).size());
        assertEquals(3, probes.get());
        assertEquals(Arrays.asList(250L, 250L), sleeps);
    }
}
