package io.github.portcheck.check;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.poll.Awaited;
import io.github.portcheck.poll.Poller;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.probe.Verdict;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Waiting for taken fixed ports to be released, all under one deadline; by default not at all. */
final class ReleaseWait {
    static final ReleaseWait NONE = new ReleaseWait(0, line -> { });
    /** Between two looks at a taken port: a server shutting down takes longer than that. */
    static final long INTERVAL_MILLIS = 250;

    private final long timeoutMillis;
    private final Consumer<String> progress;

    ReleaseWait(long timeoutMillis, Consumer<String> progress) {
        this.timeoutMillis = timeoutMillis;
        this.progress = progress;
    }

    long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** The verdict once the port is released, or the last one seen at the deadline. */
    Verdict until(long deadline, String label, int port, PortChooser.Tester tester, Verdict taken) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (timeoutMillis <= 0 || left <= 0) {
            return taken;
        }
        AtomicReference<Verdict> last = new AtomicReference<>(taken);
        Awaited released = new Awaited(label, () -> {
            Verdict v = tester.test(port);
            last.set(v);
            return v.isFree() ? Readiness.ready("free") : Readiness.notYet(v.reason());
        });
        try {
            new Poller(null).await(Collections.singletonList(released), left, INTERVAL_MILLIS, progress,
                    Poller.Watch.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last.get();
    }
}
