package io.github.portcheck.maven;

import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.CheckSettings;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.PropertiesFile;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.PortSpecParser;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Checks that the ports the build needs are free before the integration tests: fails early on a conflict,
 * naming the process that holds the port, or exports free ports as project properties for later plugins
 * ({@code ${name}} in their configuration, {@code @{name}} in surefire/failsafe {@code argLine}, resources
 * filtering).
 */
@Mojo(name = "check-ports", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
        requiresProject = false)
public class CheckPortsMojo extends AbstractMojo {

    /**
     * The ports to check, one entry each: {@code PORT} (must be free), {@code NAME=PORT} (must be free, exported
     * as property NAME), {@code NAME=FIRST-LAST} (the first free port of the range), {@code NAME} (any free port
     * outside the kernel's ephemeral range). A port may be preceded by a host: {@code db=127.0.0.1:5432},
     * {@code db=[::1]:5432}. On the command line: a comma-separated list.
     */
    @Parameter(property = "portcheck.ports")
    private List<String> ports;

    /**
     * How to probe: {@code bind} (listen for an instant, as the tests' server will), {@code connect} (act as a
     * client; never occupies the port; the only choice for a remote host), or {@code auto} (bind for addresses
     * of this machine, connect for remote hosts).
     */
    @Parameter(property = "portcheck.detector", defaultValue = "auto")
    private String detector;

    /**
     * The host of entries that name none. {@code localhost} means this machine whatever the hosts file says:
     * bind probes the wildcard address, which collides with a listener on any local address; connect tries
     * 127.0.0.1 and ::1.
     */
    @Parameter(property = "portcheck.host", defaultValue = "localhost")
    private String host;

    /** Milliseconds one connect probe waits for an answer; no answer is never taken as free. */
    @Parameter(property = "portcheck.connectTimeout", defaultValue = "1000")
    private String connectTimeout;

    /**
     * What a taken port does: {@code fail} stops the build listing every conflict; {@code warn} logs them and
     * goes on; {@code reassign} gives a named entry another free port (unnamed entries and ports fixed with
     * {@code -DNAME=PORT} still fail).
     */
    @Parameter(property = "portcheck.onConflict", defaultValue = "fail")
    private String onConflict;

    /**
     * A file that also receives the exported properties, sorted and without a timestamp. Default: {@code
     * portcheck.properties} in the build directory when there is a project; none without a project.
     */
    @Parameter(property = "portcheck.propertiesFile")
    private File propertiesFile;

    /**
     * Where "any free port" ({@code NAME} entries, and {@code reassign}) comes from, e.g. {@code 20000-29999}.
     * Default: 10000-65535 without the kernel's ephemeral range and its reserved ports.
     */
    @Parameter(property = "portcheck.portRange")
    private String portRange;

    /**
     * The directory of the leases that keep a port handed out by one build from being handed out by another
     * build running at the same time. Default: {@code portcheck-leases} in the system's temporary directory, or
     * {@code ~/.portcheck/leases} where that is not writable.
     */
    @Parameter(property = "portcheck.leaseDirectory")
    private File leaseDirectory;

    /** Skips the check. */
    @Parameter(property = "portcheck.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the port check (portcheck.skip=true)");
            return;
        }
        ProjectProperties properties = new ProjectProperties(project, session);
        CheckResult result;
        try {
            CheckSettings settings = CheckSettings.parse(detector, host, connectTimeout, onConflict, portRange,
                    leaseDirectory == null ? null : leaseDirectory.toPath());
            List<PortSpec> specs = properties.pinFromCommandLine(new PortSpecParser().parse(ports), getLog());
            result = settings.newCheck(buildKey(), owner()).run(specs, settings.host(), settings.policy());
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage());
        }
        getLog().info("Ports checked:");
        ResultTable.lines(result).forEach(getLog()::info);
        result.warnings().forEach(getLog()::warn);
        if (result.failed()) {
            throw new MojoFailureException(ConflictReport.message(result));
        }
        if (!result.conflicts().isEmpty()) {
            getLog().warn(ConflictReport.message(result));
        }
        Map<String, String> exported = result.exportedProperties();
        properties.export(exported, getLog());
        writePropertiesFile(exported);
    }

    /** The same for every module of one build, also in a parallel build where each module has its own session. */
    private Object buildKey() {
        return session == null ? this : session.getRequest();
    }

    private String owner() {
        return project == null ? "this build" : project.getArtifactId();
    }

    private void writePropertiesFile(Map<String, String> exported) throws MojoExecutionException {
        File file = propertiesFile;
        if (file == null && project != null && project.getFile() != null) {
            file = new File(project.getBuild().getDirectory(), "portcheck.properties");
        }
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
