package io.github.portcheck.maven;

import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.RawWaitSettings;
import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.report.WaitReport;
import io.github.portcheck.wait.PidFileHostException;
import io.github.portcheck.wait.PortWait;
import io.github.portcheck.wait.WaitResult;
import io.github.portcheck.wait.WaitStoppedException;
import java.io.File;
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
    @Parameter(property = "portcheck.waitFor", defaultValue = Defaults.WAIT_FOR)
    private String waitFor;

    /** Seconds to wait for all ports together before the build fails. */
    @Parameter(property = "portcheck.timeout", defaultValue = Defaults.TIMEOUT)
    private int timeout;

    /** Milliseconds between two rounds of probes. */
    @Parameter(property = "portcheck.interval", defaultValue = Defaults.INTERVAL)
    private int interval;

    /**
     * Count a connection that is accepted and closed at once as open. Docker's port proxy does this before
     * the container listens, so by default such a port is not open yet.
     */
    @Parameter(property = "portcheck.acceptProxy", defaultValue = Defaults.ACCEPT_PROXY)
    private boolean acceptProxy;

    /**
     * The status codes that make a URL entry ready: codes or ranges of 100-599, comma-separated, e.g. {@code
     * 200-399} or {@code 200,401}. Redirects are not followed: a 3xx counts as it is.
     */
    @Parameter(property = "portcheck.httpStatus", defaultValue = Defaults.HTTP_STATUS)
    private String httpStatus;

    /** The method a URL entry is asked with: {@code GET} or {@code HEAD}. */
    @Parameter(property = "portcheck.httpMethod", defaultValue = Defaults.HTTP_METHOD)
    private String httpMethod;

    /** Text that the body of a URL entry's answer must contain, e.g. {@code "status":"UP"}. */
    @Parameter(property = "portcheck.bodyContains")
    private String bodyContains;

    /**
     * Trust any certificate (and host name) of an https entry, such as a test server's self-signed one. Off, a
     * certificate that the JVM does not trust keeps the entry pending, saying so.
     */
    @Parameter(property = "portcheck.insecure", defaultValue = Defaults.INSECURE)
    private boolean insecure;

    /** Milliseconds a URL entry waits for the answer once connected. */
    @Parameter(property = "portcheck.readTimeout", defaultValue = Defaults.READ_TIMEOUT)
    private int readTimeout;

    /**
     * A file holding the PID of the server waited for, as the server or its launcher writes it. Once that process
     * has run in this build and is gone, the wait fails at once, naming it and the ports still pending; with
     * {@code ownListener}, its listeners count as the build's own. Entries on this machine only.
     */
    @Parameter(property = "portcheck.pidFile")
    private File pidFile;

    /**
     * An open port counts only if this build listens on it: the Maven process or one it started (exec, antrun),
     * or the process of {@code pidFile}. Any other listener, e.g. the server of an earlier build, fails the wait at
     * once, naming it. Linux (/proc); where the listener cannot be seen, a warning, and the port counts as open.
     */
    @Parameter(property = "portcheck.ownListener", defaultValue = Defaults.OWN_LISTENER)
    private boolean ownListener;

    /** Skips this wait alone, e.g. to skip the check but keep the wait (see {@code skip}). */
    @Parameter(property = "portcheck.wait.skip", defaultValue = Defaults.SKIP)
    private boolean skipWait;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipWait) {
            getLog().info("Skipping waiting for ports (" + (skip ? "portcheck.skip" : "portcheck.wait.skip") + "=true)");
            return;
        }
        WaitSettings settings;
        try {
            settings = shared(new RawWaitSettings()).waitFor(waitFor).timeout(timeout).interval(interval)
                    .acceptProxy(acceptProxy).httpStatus(httpStatus).httpMethod(httpMethod).bodyContains(bodyContains)
                    .insecure(insecure).readTimeout(readTimeout).pidFile(pidFile == null ? null : pidFile.toPath())
                    .ownListener(ownListener).checked(properties());
        } catch (ConfigurationException e) {
            throw MojoFailures.of(e);
        }
        try {
            PortWait wait = PortWait.forThisMachine(settings, buildStart(),
                    why -> getLog().warn(WaitReport.cannotSeeListener(why)), getLog()::debug);
            getLog().info(WaitReport.starting(settings.targets().size(), settings.waitFor(), settings.timeoutMillis()));
            WaitResult result = wait.run(getLog()::info);
            if (!result.allReady()) {
                throw new MojoFailureException(WaitReport.timedOut(result));
            }
            getLog().info(WaitReport.done(result));
        } catch (NotLocalHostException | PidFileHostException | WaitStoppedException e) {
            throw MojoFailures.ofWait(e, settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while waiting for ports", e);
        }
    }

    /** When this build started: a pid file written since is the file of this build's server. */
    private long buildStart() {
        return session != null && session.getRequest() != null && session.getRequest().getStartTime() != null
                ? session.getRequest().getStartTime().getTime() : System.currentTimeMillis();
    }
}
