package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.PortEntry;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.config.RawStartSettings;
import io.github.portcheck.config.StartSettings;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.report.CommandLinePorts;
import io.github.portcheck.report.ServerReport;
import io.github.portcheck.server.LaunchException;
import io.github.portcheck.server.NotReadyException;
import io.github.portcheck.server.ProcessExitedException;
import io.github.portcheck.server.ServerRecord;
import io.github.portcheck.server.ServerRecords;
import io.github.portcheck.server.ServerStart;
import io.github.portcheck.wait.PidFileHostException;
import io.github.portcheck.wait.WaitStoppedException;
import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the server the integration tests need, on ports it chooses, leases and exports as check-ports does, and
 * waits until it is ready: its ports open (or {@code readyWhen}: ports and URLs), and with {@code readyLog} a line
 * of its output. A server that ends before it is ready fails the build at once, with its exit code and last lines;
 * one not ready in time is stopped first. The server ends with its module: by {@code stop}, else when the module or
 * the build ends, also in a JVM that lives on (mvnd, an IDE); a server that a killed build left running is stopped
 * by the next start or check-ports of the same project.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class StartMojo extends AbstractLeasingMojo {

    /** The program to run: a path (relative to {@code workingDirectory}), or the name of one on the PATH. */
    @Parameter(property = "portcheck.executable", required = true)
    private String executable;

    /**
     * Its arguments, one per element. <code>@{NAME}</code> is replaced by the port chosen for NAME, or by the project
     * property NAME, when the goal runs: <code>&lt;argument&gt;--server.port=@{http.port}&lt;/argument&gt;</code>.
     */
    @Parameter(property = "portcheck.arguments")
    private List<String> arguments;

    /** The directory it runs in, and that a relative {@code executable} and relative paths in its arguments start from. */
    @Parameter(property = "portcheck.workingDirectory", defaultValue = "${project.basedir}")
    private File workingDirectory;

    /** Variables added to its environment; <code>@{NAME}</code> in a value is replaced as in {@code arguments}. */
    @Parameter
    private Map<String, String> environment;

    /**
     * What makes it ready, each entry as wait-ports takes it: {@code NAME}, {@code HOST:PORT} or a URL, with
     * <code>@{NAME}</code> replaced as in {@code arguments}, e.g.
     * <code>http://localhost:@{http.port}/actuator/health</code>; URLs are judged by {@code httpStatus},
     * {@code httpMethod}, {@code bodyContains} and {@code insecure}. Default: every named entry of {@code ports}
     * open.
     */
    @Parameter(property = "portcheck.readyWhen")
    private List<PortEntry> readyWhen;

    /** A regular expression that a line of its output matches once it is ready, e.g. {@code Started .* in}. */
    @Parameter(property = "portcheck.readyLog")
    private String readyLog;

    /** Seconds it may take to be ready; then it is stopped and the build fails, naming what is not ready. */
    @Parameter(property = "portcheck.start.timeout", defaultValue = Defaults.START_TIMEOUT)
    private int timeout;

    /**
     * Where its output (standard output and errors) goes: made new at each start, in a folder no other user may
     * change (each folder above belongs to you or root; others may write only sticky ones, such as /tmp).
     */
    @Parameter(property = "portcheck.logFile",
            defaultValue = "${project.build.directory}/portcheck/${mojoExecution.executionId}.log")
    private File logFile;

    /**
     * Seconds it is given to end when stopped (SIGTERM on Unix; Windows has no polite stop) before it and every
     * process it started are ended by force: when a stop goal, the module's end or a failed start stops it.
     */
    @Parameter(property = "portcheck.stopTimeout", defaultValue = Defaults.STOP_TIMEOUT)
    private int stopTimeout;

    /** The status codes that make a URL of {@code readyWhen} ready, as wait-ports takes them. */
    @Parameter(property = "portcheck.httpStatus", defaultValue = Defaults.HTTP_STATUS)
    private String httpStatus;

    /** {@code GET} or {@code HEAD}, for the URLs of {@code readyWhen}. */
    @Parameter(property = "portcheck.httpMethod", defaultValue = Defaults.HTTP_METHOD)
    private String httpMethod;

    /** Text the body of a URL's answer must contain. */
    @Parameter(property = "portcheck.bodyContains")
    private String bodyContains;

    /** Trust any certificate of an https URL of {@code readyWhen}. */
    @Parameter(property = "portcheck.insecure", defaultValue = Defaults.INSECURE)
    private boolean insecure;

    /** Milliseconds a URL waits for the answer once connected. */
    @Parameter(property = "portcheck.readTimeout", defaultValue = Defaults.READ_TIMEOUT)
    private int readTimeout;

    /** Skips this goal alone (see {@code skip}): no server is started. */
    @Parameter(property = "portcheck.start.skip", defaultValue = Defaults.SKIP)
    private boolean skipStart;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipStart) {
            getLog().info("Skipping the server's start (" + (skip ? "portcheck.skip" : "portcheck.start.skip")
                    + "=true)");
            return;
        }
        ProjectProperties properties = properties();
        StartSettings settings;
        RawStartSettings raw = shared(new RawStartSettings()).executable(executable).arguments(arguments)
                .workingDirectory(workingDirectory == null ? null : workingDirectory.toPath()).environment(environment)
                .readyWhen(readyWhen).readyLog(readyLog).timeout(timeout)
                .logFile(logFile == null ? null : logFile.toPath()).stopTimeout(stopTimeout).httpStatus(httpStatus)
                .httpMethod(httpMethod).bodyContains(bodyContains).insecure(insecure).readTimeout(readTimeout);
        try {
            checkParameters(raw.checkSettings());
            settings = raw.checked(properties);
        } catch (ConfigurationException e) {
            throw MojoFailures.of(e);
        }
        Map<Long, ServerRecord> leftRunning = stopOrphans(settings.stopTimeoutMillis());
        Map<String, String> chosen = new TreeMap<>();
        if (settings.ports().isPresent()) {
            CommandLinePorts.lines(settings.ports().get().requests(), "Checking").forEach(getLog()::info);
            CheckResult result = choose(settings.ports().get(), leftRunning);
            chosen.putAll(result.exports());
            properties.export(chosen, getLog());
        }
        String name = mojoExecution == null ? "start" : mojoExecution.getExecutionId();
        try {
            ServerStart start = new ServerStart(settings, name, ModuleEndListener.ownerFor(session == null ? null
                    : session.getRequest(), project), ServerRecord.projectKey(project.getGroupId(),
                    project.getArtifactId(), project.getBasedir().toPath()), ServerRecords.ofThisUser());
            ServerStart.Ready ready = start.run(properties, chosen, getLog()::info,
                    why -> getLog().warn(io.github.portcheck.report.WaitReport.cannotSeeListener(why)), getLog()::warn);
            getLog().info(ServerReport.started(ready.server()));
            getLog().info(ServerReport.ready(ready));
        } catch (ConfigurationException e) {
            throw MojoFailures.of(e);
        } catch (LaunchException e) {
            throw new MojoFailureException(ServerReport.couldNotStart(e, name));
        } catch (ProcessExitedException e) {
            throw new MojoFailureException(ServerReport.exited(e));
        } catch (NotReadyException e) {
            throw new MojoFailureException(ServerReport.notReady(e));
        } catch (NotLocalHostException | PidFileHostException | WaitStoppedException e) {
            throw MojoFailures.ofStart(e, settings);
        } catch (LeaseDirectoryException e) {
            throw new MojoFailureException("No record of the server can be kept, so it could not be stopped after"
                    + " this build were killed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while starting the server", e);
        }
    }
}
