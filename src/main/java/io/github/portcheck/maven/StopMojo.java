package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.RawStopSettings;
import io.github.portcheck.config.StopSettings;
import io.github.portcheck.report.ServerReport;
import io.github.portcheck.server.Servers;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Stops the servers that {@code start} started in this module: each is asked to end (SIGTERM on Unix), given
 * {@code stopTimeout} seconds, then ended by force with every process it started; then their ports are waited for
 * until free. Logs how each ended. A server no stop goal stops ends with its module anyway.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class StopMojo extends AbstractMojo {

    /** The executions of {@code start} whose servers to stop, e.g. {@code start-app}; none: every server of the module. */
    @Parameter(property = "portcheck.servers")
    private List<String> servers;

    /** Seconds each server is given to end when asked, before it is ended by force. */
    @Parameter(property = "portcheck.stopTimeout", defaultValue = Defaults.STOP_TIMEOUT)
    private int stopTimeout;

    /** Skips every goal of this plugin. */
    @Parameter(property = "portcheck.skip", defaultValue = Defaults.SKIP)
    private boolean skip;

    /** Skips this goal alone: the servers then end with the module. */
    @Parameter(property = "portcheck.stop.skip", defaultValue = Defaults.SKIP)
    private boolean skipStop;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoFailureException {
        if (skip || skipStop) {
            getLog().info("Skipping the servers' stop (" + (skip ? "portcheck.skip" : "portcheck.stop.skip")
                    + "=true): they end with the module");
            return;
        }
        StopSettings settings;
        try {
            settings = new RawStopSettings().servers(servers).stopTimeout(stopTimeout).checked();
        } catch (ConfigurationException e) {
            throw MojoFailures.of(e);
        }
        LeaseOwner module = ModuleEndListener.ownerFor(session == null ? null : session.getRequest(), project);
        List<String> unknown = new ArrayList<>(settings.servers());
        unknown.removeAll(Servers.running(module));
        List<String> stopped = new ArrayList<>();
        Servers.stop(module, settings.servers(), settings.stopTimeoutMillis(), (server, result) -> {
            stopped.add(server.name());
            getLog().info(ServerReport.stopped(server, result));
        });
        if (stopped.isEmpty()) {
            getLog().info("No server of this module is running");
        }
        for (String name : unknown) {
            getLog().warn("No server of execution '" + name + "' runs in this module: parameter servers"
                    + " (portcheck.servers) names the executions of start, e.g. " + Servers.running(module));
        }
    }
}
