package io.github.portcheck.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Keeps what a Mojo logs at info and warn, as "[INFO] ..." and "[WARNING] ..." lines. */
final class CapturingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
    }

    @Override
    public void debug(CharSequence content) {
        // details at debug stay out of the assertions and the test output
    }

    String text() {
        return String.join("\n", lines);
    }
}
