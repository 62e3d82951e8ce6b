package io.github.portcheck.holder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Windows' {@code tasklist /FO CSV /NH}: a process a line, quoted fields, the image name first and the PID
 * second ({@code "java.exe","4711","Console","1","512,204 K"}).
 */
final class TasklistOutput {
    private TasklistOutput() {
    }

    static Map<Long, String> images(List<String> lines) {
        Map<Long, String> images = new HashMap<>();
        for (String line : lines) {
            List<String> fields = fields(line);
            if (fields.size() < 2) {
                continue;
            }
            try {
                images.put(Long.parseLong(fields.get(1)), fields.get(0));
            } catch (NumberFormatException e) {
                // a header or a message such as "INFO: No tasks are running"
            }
        }
        return images;
    }

    /** The fields of one CSV line, quotes removed; "" inside quotes is a quote. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
