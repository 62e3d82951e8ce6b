package io.github.portcheck.holder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code ps -ww -o pid=,command= -p PID ...}: a PID, blanks, and the whole command line, a process a line. */
final class PsOutput {
    private PsOutput() {
    }

    static Map<Long, String> commandLines(List<String> lines) {
        Map<Long, String> commands = new HashMap<>();
        for (String line : lines) {
            String trimmed = line.trim();
            int blank = trimmed.indexOf(' ');
            if (blank <= 0) {
                continue;
            }
            try {
                commands.put(Long.parseLong(trimmed.substring(0, blank)), trimmed.substring(blank + 1).trim());
            } catch (NumberFormatException e) {
                // a header or a line of another shape
            }
        }
        return commands;
    }
}
