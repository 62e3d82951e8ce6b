package io.github.portcheck.testing;

import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawWaitSettings;
import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.wait.PortWait;
import io.github.portcheck.wait.WaitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Waits as a build runs them: raw settings, checked, the wait made from them, run. */
public final class Waits {
    private Waits() {
    }

    /** Raw settings of wait-ports with these short-form entries, probing every 20 ms. */
    public static RawWaitSettings entries(String... texts) {
        List<PortEntry> entries = new ArrayList<>();
        for (String text : texts) {
            entries.add(PortEntry.of(text));
        }
        return new RawWaitSettings().ports(entries).interval(20);
    }

    /** Runs the wait; the build started {@code buildStartMillis}. */
    public static WaitResult run(RawWaitSettings raw, long buildStartMillis, Consumer<String> progress,
            Consumer<String> cannotSee) throws Exception {
        WaitSettings settings = raw.checked(BuildProperties.NONE);
        return PortWait.forThisMachine(settings, buildStartMillis, cannotSee, line -> { }).run(progress);
    }

    public static WaitResult run(RawWaitSettings raw) throws Exception {
        return run(raw, System.currentTimeMillis(), line -> { }, line -> { });
    }
}
