package io.github.portcheck.report;

import io.github.portcheck.domain.PortRequest;
import java.util.ArrayList;
import java.util.List;

/** The lines that tell which entries take their port from the command line ({@code -DNAME=PORT}) instead. */
public final class CommandLinePorts {
    private CommandLinePorts() {
    }

    /** @param verb how each line starts: "Checking", or "Exporting" for a skipped check */
    public static List<String> lines(List<PortRequest> requests, String verb) {
        List<String> lines = new ArrayList<>();
        for (PortRequest r : requests) {
            if (r.pinned()) {
                String name = r.name().get();
                lines.add(verb + " port " + r.range().get() + " for " + name + " as given by -D" + name
                        + " (instead of '" + r.text() + "')");
            }
        }
        return lines;
    }
}
