package io.github.portcheck.maven;

import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.PortSpecParser;
import io.github.portcheck.spec.RawSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Maps ports to Maven properties and handles the two ways Maven hides an exported value from {@code ${name}}:
 * a user property ({@code -Dname=...}) always wins, so it becomes the port to check; a property the pom
 * declares was substituted into every {@code ${name}} when the pom was read, so the user is told.
 */
final class ProjectProperties {
    private final MavenProject project;
    private final Properties userProperties;

    ProjectProperties(MavenProject project, MavenSession session) {
        this.project = project;
        this.userProperties = session == null ? new Properties() : session.getUserProperties();
    }

    /**
     * Entries whose name is also given as {@code -Dname=port} check that port, and it is never reassigned.
     *
     * @param verb how the log line starts, e.g. "Checking"
     */
    List<PortSpec> pinFromCommandLine(List<PortSpec> specs, String verb, Log log) throws ConfigurationException {
        PortSpecParser parser = new PortSpecParser();
        List<PortSpec> pinned = new ArrayList<>(specs.size());
        for (PortSpec spec : specs) {
            String value = spec.isBlock() ? null : spec.name().map(userProperties::getProperty).orElse(null);
            if (value == null) {
                pinned.add(spec);
                continue;
            }
            PortSpec fixed = parser.pin(spec, value);
            log.info(verb + " port " + fixed.range().get() + " for " + spec.name().get() + " as given by -D"
                    + spec.name().get() + " (instead of '" + spec.text() + "')");
            pinned.add(fixed);
        }
        return pinned;
    }

    /** The value the build already has for a property: given with {@code -D}, set in the pom or earlier. */
    String valueOf(String name) {
        String value = userProperties.getProperty(name);
        return value != null || project == null ? value : project.getProperties().getProperty(name);
    }

    /**
     * Entries that are only a name take their port from the property of that name: a port exported earlier in
     * the build, or given with {@code -Dname=port}.
     */
    List<PortSpec> portsFromProperties(List<PortSpec> specs) throws ConfigurationException {
        PortSpecParser parser = new PortSpecParser();
        List<PortSpec> resolved = new ArrayList<>(specs.size());
        for (PortSpec spec : specs) {
            if (spec.range().isPresent() || !spec.name().isPresent()) {
                resolved.add(spec);
                continue;
            }
            String name = spec.name().get();
            String value = valueOf(name);
            if (value == null) {
                throw ConfigurationException.inEntry(spec.text(), spec.text(), "no port, and no property "
                        + name + " is set (is check-ports, which exports it, bound to an earlier phase or declared"
                        + " before this goal?)", RawSettings.WAIT_ENTRIES);
            }
            resolved.add(parser.fix(spec, value, "property " + name));
        }
        return resolved;
    }

    /** Sets each exported port as a project property, warning where the pom already fixed another value. */
    void export(Map<String, String> exported, Log log) {
        if (project == null) {
            return;
        }
        Properties properties = project.getProperties();
        for (Map.Entry<String, String> e : exported.entrySet()) {
            String name = e.getKey();
            String before = properties.getProperty(name);
            if (before != null && !before.equals(e.getValue()) && userProperties.getProperty(name) == null) {
                log.warn("Property " + name + " is also set in the pom to " + before + ": every ${" + name
                        + "} in the pom was replaced by " + before + " when the pom was read, so later plugins"
                        + " see " + before + ", not the exported " + e.getValue() + ". Remove " + name
                        + " from <properties>, or use @{" + name + "} in argLine or resources filtering.");
            }
            properties.setProperty(name, e.getValue());
            log.debug("Exported " + name + "=" + e.getValue());
        }
    }
}
