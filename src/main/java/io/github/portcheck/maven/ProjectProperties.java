package io.github.portcheck.maven;

import io.github.portcheck.config.BuildProperties;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The build's properties, as the settings read them and as the exported ports go out. Maven hides an exported value
 * from {@code ${name}} in two ways: a user property ({@code -Dname=...}) always wins, so the settings make it the
 * port to check; a property the pom declares was substituted into every {@code ${name}} when the pom was read, so
 * the user is told.
 */
final class ProjectProperties implements BuildProperties {
    private final MavenProject project;
    private final Properties userProperties;

    ProjectProperties(MavenProject project, MavenSession session) {
        this.project = project;
        this.userProperties = session == null ? new Properties() : session.getUserProperties();
    }

    @Override
    public String commandLine(String name) {
        return userProperties.getProperty(name);
    }

    /** The value the build already has for a property: given with {@code -D}, set in the pom or earlier. */
    @Override
    public String value(String name) {
        String value = userProperties.getProperty(name);
        return value != null || project == null ? value : project.getProperties().getProperty(name);
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
