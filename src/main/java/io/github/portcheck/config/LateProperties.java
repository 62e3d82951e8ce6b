package io.github.portcheck.config;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code @{NAME}} in a text, replaced when the goal runs (as failsafe does in its argLine): by the port a goal
 * chose for NAME, or by the build's property NAME. Maven leaves {@code @{...}} alone when it reads the pom.
 */
public final class LateProperties {
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]+)}");

    private LateProperties() {
    }

    /** The names {@code text} refers to, in order. */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                names.add(m.group(1).trim());
            }
        }
        return names;
    }

    /** {@code text} with each reference replaced by its value; a name without a value stays as written. */
    public static String resolve(String text, Function<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuffer out = new StringBuffer();
        while (m.find()) {
            String value = values.apply(m.group(1).trim());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
