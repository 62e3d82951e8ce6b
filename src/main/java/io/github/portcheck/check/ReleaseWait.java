package io.github.portcheck.check;

import io.github.portcheck.probe.Verdict;
import io.github.portcheck.wait.PortWaiter;
import io.github.portcheck.wait.WaitStoppedException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Waiting for taken fixed ports to be released, all under one deadline; by default not at all. */
final class ReleaseWait {
    static final ReleaseWait NONE = new ReleaseWait(null, 0, 0, line -> { });

    private final PortWaiter waiter;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final Consumer<String> progress;

    ReleaseWait(PortWaiter waiter, long timeoutMillis, long intervalMillis, Consumer<String> progress) {
        this.waiter = waiter;
        this.timeoutMillis = timeoutMillis;
        this.intervalMillis = intervalMillis;
        this.progress = progress;
    }

    long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** The verdict once the port is released, or the last one seen at the deadline. */
    Verdict until(long deadline, String label, Supplier<Verdict> probe, Verdict taken) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (waiter == null || left <= 0) {
            return taken;
        }
        PortWaiter.Pending port = new PortWaiter.Pending(label, probe::get, Verdict::isFree);
        try {
            waiter.await(Collections.singletonList(port), left, intervalMillis, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return taken;
        } catch (WaitStoppedException e) {
            throw new IllegalStateException("nothing stops a release wait", e);
        }
        return port.last();
    }
}
