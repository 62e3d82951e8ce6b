package io.github.portcheck.report;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.EntryResult;
import java.util.ArrayList;
import java.util.List;

/** The one table the check logs: a line per entry with name, host, port, detector and verdict. */
public final class ResultTable {
    private static final String[] HEADER = {"NAME", "HOST", "PORT", "DETECTOR", "VERDICT"};

    private ResultTable() {
    }

    public static List<String> lines(CheckResult result) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (EntryResult e : result.entries()) {
            rows.add(new String[] {
                e.request().name().orElse("-"),
                e.host(),
                Wording.ports(e),
                e.detector(),
                Wording.outcome(e)
            });
        }
        int[] widths = new int[HEADER.length - 1];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < widths.length; i++) {
                line.append(row[i]);
                for (int pad = row[i].length(); pad < widths[i] + 2; pad++) {
                    line.append(' ');
                }
            }
            lines.add(line.append(row[row.length - 1]).toString());
        }
        return lines;
    }
}
