package io.github.portcheck.report;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.EntryResult;
import io.github.portcheck.spec.ConflictPolicy;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.Setting;
import io.github.portcheck.spec.SettingNames;
import java.util.List;

/** Every conflict of a check in one message: the build's failure text, or the warning under {@code warn}. */
public final class ConflictReport {
    private ConflictReport() {
    }

    /** @param names how the settings are called, for the hint at the end */
    public static String message(CheckResult result, SettingNames names) {
        List<EntryResult> conflicts = result.conflicts();
        StringBuilder text = new StringBuilder(header(conflicts.size(), result.entries()));
        for (EntryResult e : conflicts) {
            text.append("\n  ").append(Wording.conflict(e, result.anyPool()));
        }
        if (result.policy() == ConflictPolicy.FAIL) {
            text.append(conflicts.size() == 1 ? "\nStop what holds it, choose another port" : "\nStop what holds them,"
                    + " choose other ports").append(", or set " + names.of(Setting.ON_CONFLICT) + " to reassign or warn.");
        } else if (result.policy() == ConflictPolicy.REASSIGN) {
            text.append("\nonConflict=reassign gives another port only to a named entry whose port was not fixed"
                    + " on the command line.");
        }
        return text.toString();
    }

    /**
     * "2 ports of 3 are not free:" where every entry is one fixed port; otherwise entries are counted, since a
     * range, a block or "any free port" is not one port.
     */
    private static String header(int taken, List<EntryResult> entries) {
        boolean fixedPorts = true;
        for (EntryResult e : entries) {
            fixedPorts &= e.spec().range().map(r -> r.isSingle() && !e.spec().isBlock()).orElse(false);
        }
        if (entries.size() == 1) {
            PortSpec only = entries.get(0).spec();
            boolean fixedBlock = only.isBlock() && only.range().map(r -> r.size() == only.count()).orElse(false);
            return fixedPorts ? "The port is not free:" : fixedBlock ? "The ports are not free:"
                    : "No free port was found:";
        }
        if (fixedPorts) {
            return taken + (taken == 1 ? " port of " : " ports of ") + entries.size()
                    + (taken == 1 ? " is" : " are") + " not free:";
        }
        return taken + " of " + entries.size() + " entries got no free port:";
    }
}
