package io.github.portcheck.domain;

import java.util.Locale;

/** The {@code onConflict} parameter: what a taken port does to the build. */
public enum ConflictPolicy {
    /** Stop the build, listing every conflict. */
    FAIL,
    /** Log the conflicts and go on. */
    WARN,
    /** Give a named entry another free port; unnamed or command-line ports still fail. */
    REASSIGN;


    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
