package io.github.portcheck.maven;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.maven.execution.MavenSession;

/**
 * Warnings a build gives once, though each module's execution finds them again (a lease directory that cannot be
 * used, an option of the JVM): remembered per build request, and forgotten with it.
 */
final class BuildWarnings {
    private static final Map<Object, Set<String>> GIVEN = new WeakHashMap<>();

    private BuildWarnings() {
    }

    /** Whether {@code warning} is new to the build of {@code session} (always, without a session). */
    static boolean first(MavenSession session, String warning) {
        if (session == null || session.getRequest() == null) {
            return true;
        }
        synchronized (GIVEN) {
            return GIVEN.computeIfAbsent(session.getRequest(), request -> new HashSet<>()).add(warning);
        }
    }
}
