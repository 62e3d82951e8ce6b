package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.report.Failures;
import io.github.portcheck.report.WaitReport;
import io.github.portcheck.wait.PidFileHostException;
import io.github.portcheck.wait.WaitStoppedException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place where a failure of the core becomes the build's: each in pom terms (parameter, user property,
 * value, what is allowed), as {@link Failures} and {@link WaitReport} word it; never a stack trace.
 */
final class MojoFailures {
    private MojoFailures() {
    }

    static MojoFailureException of(ConfigurationException e) {
        return new MojoFailureException(e.message(MavenParameters.NAMES));
    }

    /** A failure of check-ports, whose settings say which entry or setting led to it. */
    static MojoFailureException ofCheck(Exception e, CheckSettings settings) {
        if (e instanceof HostNotFoundException) {
            return of(Failures.hostNotFound((HostNotFoundException) e, settings.requests()));
        }
        if (e instanceof NotLocalHostException) {
            return of(Failures.notLocal((NotLocalHostException) e, settings.requests(), settings.host()));
        }
        if (e instanceof LeaseDirectoryException) {
            return of(Failures.leaseDirectory((LeaseDirectoryException) e, settings.leaseDirectory()));
        }
        return of((ConfigurationException) e);
    }

    /** A failure of start's readiness wait. */
    static MojoFailureException ofStart(Exception e, io.github.portcheck.config.StartSettings settings) {
        if (e instanceof NotLocalHostException) {
            return new MojoFailureException(e.getMessage());
        }
        if (e instanceof PidFileHostException) {
            return of(Failures.pidFileHost((PidFileHostException) e));
        }
        return new MojoFailureException(WaitReport.stopped((WaitStoppedException) e));
    }

    /** A failure of wait-ports. */
    static MojoFailureException ofWait(Exception e, WaitSettings settings) {
        if (e instanceof NotLocalHostException) {
            return of(Failures.notLocalWhileWaiting((NotLocalHostException) e, settings.targets(), settings.host()));
        }
        if (e instanceof PidFileHostException) {
            return of(Failures.pidFileHost((PidFileHostException) e));
        }
        if (e instanceof WaitStoppedException) {
            return new MojoFailureException(WaitReport.stopped((WaitStoppedException) e));
        }
        return of((ConfigurationException) e);
    }
}
