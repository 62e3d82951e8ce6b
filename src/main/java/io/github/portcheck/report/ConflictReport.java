package io.github.portcheck.report;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.EntryResult;
import io.github.portcheck.config.Setting;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.PortRequest;
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
            fixedPorts &= e.request().range().map(r -> r.isSingle() && !e.request().isBlock()).orElse(false);
        }
        if (entries.size() == 1) {
            PortRequest only = entries.get(0).request();
            if (fixedPorts) {
                return "The port is not free:";
            }
            return only.isBlock() && only.isFixed() ? "The ports are not free:" : "No free port was found:";
        }
        if (fixedPorts) {
            return taken + (taken == 1 ? " port of " : " ports of ") + entries.size()
                    + (taken == 1 ? " is" : " are") + " not free:";
        }
        return taken + " of " + entries.size() + " entries got no free port:";
    }
}
