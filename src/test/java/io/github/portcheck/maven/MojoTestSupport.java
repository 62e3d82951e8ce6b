package io.github.portcheck.maven;

import io.github.portcheck.config.PortEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.MojoExtension;

/** Sets a parameter whose value is known only while the test runs (a port it holds). */
final class MojoTestSupport {
    private MojoTestSupport() {
    }

    static void setPorts(AbstractPortsMojo mojo, String... entries) throws IllegalAccessException {
        List<PortEntry> ports = new ArrayList<>();
        for (String entry : entries) {
            ports.add(PortEntry.of(entry));
        }
        MojoExtension.setVariableValueToObject(mojo, "ports", ports);
    }
}
