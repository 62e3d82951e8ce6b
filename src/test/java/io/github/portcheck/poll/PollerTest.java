package io.github.portcheck.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop itself, on a clock that moves only when the poller sleeps. */
class PollerTest {
    private long now;
    private final List<Long> sleeps = new ArrayList<>();
    private final Poller poller = new Poller(() -> now, millis -> {
        sleeps.add(millis);
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }, null);

    @Test
    void reportsProgressEveryFiveSecondsAndStopsAtTheDeadline() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Awaited db = new Awaited("port 5432 (db) on localhost", () -> {
            looks.incrementAndGet();
            return Readiness.refused("refused");
        });
        List<String> progress = new ArrayList<>();
        Poller.Result result = poller.await(Arrays.asList(db), 12_000, 1000, progress::add, Poller.Watch.NONE);
        assertEquals(Arrays.asList(db), result.pending());
        assertFalse(result.allReady());
        assertEquals(Arrays.asList("Still waiting for port 5432 (db) on localhost (refused), 7 s left",
                "Still waiting for port 5432 (db) on localhost (refused), 2 s left"), progress);
        assertEquals(13, looks.get(), "one look a second, and one at the deadline");
        assertEquals(12_000, sleeps.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aThingThatBecomesReadyIsLookedAtNoMore() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        Awaited app = new Awaited("port 8080 on localhost", () -> looks.incrementAndGet() >= 3
                ? Readiness.ready("open") : Readiness.refused("refused"));
        assertTrue(poller.await(Arrays.asList(app), 60_000, 250, line -> { }, Poller.Watch.NONE).allReady());
        assertEquals(3, looks.get());
        assertEquals(Arrays.asList(250L, 250L), sleeps);
    }

    @Test
    void aLookOrTheWatchThatSaysNeverEndsTheWaitAtOnce() throws Exception {
        IllegalStateException gone = new IllegalStateException("the server's process ended");
        Awaited app = new Awaited("port 8080 on localhost", () -> Readiness.refused("refused"));
        Poller.Result watched = poller.await(Arrays.asList(app), 60_000, 250, line -> { },
                pending -> now >= TimeUnit.MILLISECONDS.toNanos(500) ? Readiness.never(gone) : null);
        assertSame(gone, watched.stoppedBy().cause());
        assertEquals(500, watched.elapsedMillis(), "ended by the watch after two rounds, not at the deadline");

        Awaited foreign = new Awaited("port 8081 on localhost", () -> Readiness.never(gone));
        Poller.Result looked = poller.await(Arrays.asList(foreign), 60_000, 250, line -> { }, Poller.Watch.NONE);
        assertSame(gone, looked.stoppedBy().cause());
        assertFalse(looked.allReady());
    }
}
