package io.github.portcheck.maven;

import java.util.Arrays;
import org.apache.maven.api.plugin.testing.MojoExtension;

/** Sets a parameter whose value is known only while the test runs (a port it holds). */
final class MojoTestSupport {
    private MojoTestSupport() {
    }

    static void setPorts(CheckPortsMojo mojo, String... entries) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "ports", Arrays.asList(entries));
    }
}
