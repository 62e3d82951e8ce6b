package io.github.portcheck.maven;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.report.CommandLinePorts;
import io.github.portcheck.report.PropertiesFile;
import io.github.portcheck.server.ServerRecord;
import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that the ports the build needs are free before the integration tests: fails early on a conflict,
 * naming the process that holds the port, or exports free ports as project properties for later plugins
 * (<code>${name}</code> in their configuration, <code>@{name}</code> in surefire/failsafe {@code argLine}, resources
 * filtering).
 */
@Mojo(name = "check-ports", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
        requiresProject = false)
public class CheckPortsMojo extends AbstractLeasingMojo {

    /**
     * A file that also receives the exported properties, sorted and without a timestamp. Default: {@code
     * portcheck.properties} in the build directory when there is a project; none without a project.
     */
    @Parameter(property = "portcheck.propertiesFile")
    private File propertiesFile;

    /** Skips the port check alone; the ports are still exported, unchecked (see {@code skip}). */
    @Parameter(property = "portcheck.check.skip", defaultValue = Defaults.SKIP)
    private boolean skipCheck;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        boolean skipping = skip || skipCheck;
        if (skipping && (ports == null || ports.isEmpty())) {
            getLog().info("Skipping the port check (" + (skip ? "portcheck.skip" : "portcheck.check.skip") + "=true)");
            return;
        }
        ProjectProperties properties = properties();
        CheckSettings settings;
        try {
            settings = checkParameters(new RawCheckSettings()).skip(skipping).checked(properties);
        } catch (ConfigurationException e) {
            discardPropertiesFile();
            throw MojoFailures.of(e);
        }
        CommandLinePorts.lines(settings.requests(), skipping ? "Exporting" : "Checking").forEach(getLog()::info);
        Map<Long, ServerRecord> leftRunning = skipping ? Collections.<Long, ServerRecord>emptyMap()
                : stopOrphans(Long.parseLong(Defaults.STOP_TIMEOUT) * 1000);
        CheckResult result;
        try {
            result = choose(settings, leftRunning);
        } catch (MojoFailureException e) {
            discardPropertiesFile();
            throw e;
        }
        export(result, properties);
    }

    private void export(CheckResult result, ProjectProperties properties) throws MojoExecutionException {
        Map<String, String> exported = result.exports();
        properties.export(exported, getLog());
        writePropertiesFile(exported);
    }

    /** The properties file: the configured one, else portcheck.properties in the build directory, if any. */
    private File propertiesFile() {
        if (propertiesFile == null && project != null && project.getFile() != null) {
            return new File(project.getBuild().getDirectory(), "portcheck.properties");
        }
        return propertiesFile;
    }

    /** A failed check leaves no properties file: one of an earlier run would hand out ports nobody checked. */
    private void discardPropertiesFile() throws MojoExecutionException {
        File file = propertiesFile();
        try {
            if (file != null && PropertiesFile.discard(file.toPath())) {
                getLog().debug("Removed " + file + " of an earlier run: this check failed");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot remove propertiesFile (portcheck.propertiesFile) " + file
                    + " of an earlier run: " + e.getMessage(), e);
        }
    }

    private void writePropertiesFile(Map<String, String> exported) throws MojoExecutionException {
        File file = propertiesFile();
        if (file == null) {
            return;
        }
        try {
            PropertiesFile.write(file.toPath(), exported);
            getLog().debug("Wrote the exported ports to " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write propertiesFile (portcheck.propertiesFile) " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
