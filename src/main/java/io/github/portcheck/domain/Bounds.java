package io.github.portcheck.domain;

/** The one reader of "N" and "FIRST-LAST", for ranges of ports and of status codes alike. */
final class Bounds {
    private Bounds() {
    }

    /** {first, last} (equal for "N"), or null where the text is not one or two whole numbers around a '-'. */
    static int[] parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.trim().split("-", -1);
        try {
            if (parts.length == 1) {
                int n = Integer.parseInt(parts[0].trim());
                return new int[] {n, n};
            }
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // neither
        }
        return null;
    }
}
