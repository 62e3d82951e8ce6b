package io.github.portcheck.probe;

import java.util.List;

/** Combines the verdicts of the several addresses of one host into the verdict for the host. */
public final class Verdicts {
    private Verdicts() {
    }

    /**
     * The most serious verdict wins: a port is free only if every address that could be probed says so.
     * Addresses that could not be probed at all ({@code UNAVAILABLE}) count only when no other could.
     */
    public static Verdict combine(List<Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("no verdicts");
        }
        Verdict worst = verdicts.get(0);
        for (Verdict v : verdicts) {
            if (v.status().ordinal() < worst.status().ordinal()) {
                worst = v;
            }
        }
        return worst;
    }
}
