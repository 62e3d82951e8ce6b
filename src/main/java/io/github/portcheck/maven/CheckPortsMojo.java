package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.PortChecks;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.report.CommandLinePorts;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.PropertiesFile;
import io.github.portcheck.report.ResultTable;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that the ports the build needs are free before the integration tests: fails early on a conflict,
 * naming the process that holds the port, or exports free ports as project properties for later plugins
 * ({@code ${name}} in their configuration, {@code @{name}} in surefire/failsafe {@code argLine}, resources
 * filtering).
 */
@Mojo(name = "check-ports", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
        requiresProject = false)
public class CheckPortsMojo extends AbstractPortsMojo {

    /**
     * What a taken port does: {@code fail} stops the build listing every conflict; {@code warn} logs them and
     * goes on; {@code reassign} gives a named entry another free port (unnamed entries and ports fixed with
     * {@code -DNAME=PORT} still fail).
     */
    @Parameter(property = "portcheck.onConflict", defaultValue = Defaults.ON_CONFLICT)
    private String onConflict;

    /**
     * A file that also receives the exported properties, sorted and without a timestamp. Default: {@code
     * portcheck.properties} in the build directory when there is a project; none without a project.
     */
    @Parameter(property = "portcheck.propertiesFile")
    private File propertiesFile;

    /**
     * Where "any free port" ({@code NAME} and {@code NAME/COUNT} entries, and {@code reassign}) comes from, e.g.
     * {@code 20000-29999}. Default: 10000-65535 without the kernel's ephemeral range and its reserved ports.
     */
    @Parameter(property = "portcheck.portRange")
    private String portRange;

    /**
     * Ports never handed out by "any free port", ranges, blocks or {@code reassign}, e.g. {@code 8080,9000-9100}:
     * the ports of services you keep running. A fixed port that is excluded is still checked.
     */
    @Parameter(property = "portcheck.exclude")
    private String exclude;

    /**
     * The directory of the leases that keep a port handed out to one module from being handed out to another
     * module or build running at the same time; they lock byte ranges of its file {@code leases.lock}. It must lie
     * on a local file system, belong to you or root, be writable by its owner only, and every folder above it must
     * belong to you or root. Default: this user's own, {@code ~/.portcheck} (made with mode 0700), or {@code
     * portcheck-USER} in the temporary directory where the home directory cannot hold it. For the builds of several users, a
     * directory that root made with a lock file open to them: {@code sudo install -d -m 755 /var/lib/portcheck &&
     * sudo install -m 666 /dev/null /var/lib/portcheck/leases.lock}.
     */
    @Parameter(property = "portcheck.leaseDirectory")
    private File leaseDirectory;

    /**
     * Seconds to wait for a taken fixed port to be released (e.g. by the server of a previous build that is still
     * shutting down) before it counts as a conflict; all taken ports share this time. 0: no waiting.
     */
    @Parameter(property = "portcheck.waitTimeout", defaultValue = Defaults.WAIT_TIMEOUT)
    private int waitTimeout;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip && (ports == null || ports.isEmpty())) {
            getLog().info("Skipping the port check (portcheck.skip=true)");
            return;
        }
        ProjectProperties properties = properties();
        CheckSettings settings;
        try {
            settings = shared(new RawCheckSettings()).onConflict(onConflict).portRange(portRange).exclude(exclude)
                    .leaseDirectory(leaseDirectory == null ? null : leaseDirectory.toPath()).waitTimeout(waitTimeout)
                    .skip(skip).checked(properties);
        } catch (ConfigurationException e) {
            discardPropertiesFile();
            throw MojoFailures.of(e);
        }
        CommandLinePorts.lines(settings.requests(), skip ? "Exporting" : "Checking").forEach(getLog()::info);
        CheckResult result;
        try {
            LeaseOwner owner = ModuleEndListener.ownerFor(session == null ? null : session.getRequest(), project);
            result = new PortChecks(MavenParameters.NAMES, getLog()::debug)
                    .forThisMachine(settings, owner, getLog()::info).run();
        } catch (HostNotFoundException | NotLocalHostException | LeaseDirectoryException e) {
            discardPropertiesFile();
            throw MojoFailures.ofCheck(e, settings);
        }
        getLog().info(result.skipped() ? "Skipping the port check (portcheck.skip=true); exporting the ports"
                + " unchecked:" : "Ports checked:");
        ResultTable.lines(result).forEach(getLog()::info);
        for (String warning : result.warnings()) {
            if (BuildWarnings.first(session, warning)) {
                getLog().warn(warning);
            }
        }
        if (result.failed()) {
            discardPropertiesFile();
            throw new MojoFailureException(ConflictReport.message(result, MavenParameters.NAMES));
        }
        if (!result.conflicts().isEmpty()) {
            // each line through the log, so that each carries its [WARNING]
            for (String line : ConflictReport.message(result, MavenParameters.NAMES).split("\n")) {
                getLog().warn(line);
            }
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
