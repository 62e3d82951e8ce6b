package io.github.portcheck.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The HTTP status codes that count as ready, e.g. {@code 200-299} or {@code 200,401}. */
public final class HttpStatuses {
    private final List<int[]> ranges;
    private final String text;

    private HttpStatuses(List<int[]> ranges, String text) {
        this.ranges = Collections.unmodifiableList(ranges);
        this.text = text;
    }

    /** Codes and ranges of codes from 100 to 599, comma-separated; null when {@code text} is not such a list. */
    public static HttpStatuses parse(String text) {
        if (text == null) {
            return null;
        }
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int[] bounds = Bounds.parse(part);
            if (bounds == null || bounds[0] < 100 || bounds[1] > 599 || bounds[0] > bounds[1]) {
                return null;
            }
            ranges.add(bounds);
        }
        return new HttpStatuses(ranges, text.replace(" ", ""));
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
