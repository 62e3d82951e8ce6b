package io.github.portcheck.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The HTTP status codes that count as ready, e.g. {@code 200-299} or {@code 200,401}. */
public final class HttpStatuses {
    static final String ALLOWED = "status codes or ranges of codes from 100 to 599, comma-separated, e.g. 200-299,"
            + " 200-399 or 200,401";

    private final List<int[]> ranges;
    private final String text;

    private HttpStatuses(List<int[]> ranges, String text) {
        this.ranges = Collections.unmodifiableList(ranges);
        this.text = text;
    }

    /** @return null when {@code text} is not such a list */
    static HttpStatuses parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] ends = part.trim().split("-", -1);
            if (ends.length > 2) {
                return null;
            }
            int first = code(ends[0]);
            int last = ends.length == 2 ? code(ends[1]) : first;
            if (first < 0 || last < first) {
                return null;
            }
            ranges.add(new int[] {first, last});
        }
        return new HttpStatuses(ranges, text.replace(" ", ""));
    }

    private static int code(String text) {
        String digits = text.trim();
        if (!digits.matches("[1-5][0-9][0-9]")) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    public boolean contains(int code) {
        for (int[] range : ranges) {
            if (code >= range[0] && code <= range[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
