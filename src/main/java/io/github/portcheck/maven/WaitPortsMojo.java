package io.github.portcheck.maven;

import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.PortSpec;
import io.github.portcheck.spec.WaitFor;
import io.github.portcheck.spec.WaitSettings;
import io.github.portcheck.wait.PortWait;
import io.github.portcheck.wait.PortWaiter;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Waits until every listed port is open (a service accepts connections; the default) or free (released), so
 * that integration tests do not race the server that pre-integration-test started. All ports are waited for
 * at once; each probe is a new connection.
 */
@Mojo(name = "wait-ports", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
        requiresProject = false)
public class WaitPortsMojo extends AbstractPortsMojo {

    /** {@code open}: wait until each port accepts connections; {@code free}: until each port is released. */
    @Parameter(property = "portcheck.waitFor", defaultValue = "open")
    private String waitFor;

    /** Seconds to wait for all ports together before the build fails. */
    @Parameter(property = "portcheck.timeout", defaultValue = "60")
    private int timeout;

    /** Milliseconds between two rounds of probes. */
    @Parameter(property = "portcheck.interval", defaultValue = "250")
    private int interval;

    /**
     * Count a connection that is accepted and closed at once as open. Docker's port proxy does this before
     * the container listens, so by default such a port is not open yet.
     */
    @Parameter(property = "portcheck.acceptProxy", defaultValue = "false")
    private boolean acceptProxy;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped("waiting for ports")) {
            return;
        }
        try {
            WaitSettings settings = rawSettings().waitFor(waitFor).timeout(timeout).interval(interval)
                    .acceptProxy(acceptProxy).forWait();
            List<PortSpec> specs = new ProjectProperties(project, session).portsFromProperties(settings.ports());
            WaitFor goal = settings.waitFor();
            PortWait wait = PortWait.of(goal, settings.detector(), settings.connectTimeoutMillis(),
                    settings.acceptProxy());
            getLog().info("Waiting up to " + timeout + " s for " + specs.size()
                    + (specs.size() == 1 ? " port" : " ports") + " to be " + goal);
            long start = System.nanoTime();
            List<PortWaiter.Pending> left = wait.run(specs, settings.host(), settings.timeoutMillis(),
                    settings.intervalMillis(), getLog()::info);
            if (!left.isEmpty()) {
                throw new MojoFailureException(wait.timeoutMessage(left, specs.size(), settings.timeoutMillis()));
            }
            getLog().info((specs.size() == 1 ? "The port is " : "All " + specs.size() + " ports are ") + goal
                    + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (ConfigurationException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for ports", e);
        }
    }
}
