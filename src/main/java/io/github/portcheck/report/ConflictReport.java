package io.github.portcheck.report;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.EntryResult;
import io.github.portcheck.spec.ConflictPolicy;
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
        StringBuilder text = new StringBuilder();
        text.append(conflicts.size() == 1 ? "1 port" : conflicts.size() + " ports").append(" of ")
                .append(result.entries().size()).append(conflicts.size() == 1 ? " is" : " are").append(" not free:");
        for (EntryResult e : conflicts) {
            text.append("\n  ").append(Wording.conflict(e));
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
}
