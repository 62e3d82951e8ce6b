package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.PortChecks;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.Defaults;
import io.github.portcheck.config.RawCheckSettings;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.report.ServerReport;
import io.github.portcheck.server.Orphans;
import io.github.portcheck.server.ServerRecord;
import io.github.portcheck.server.ServerRecords;
import java.io.File;
import java.util.Collections;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that choose and lease ports ({@code check-ports}, {@code start}): how ports are chosen, and the run
 * itself, from the servers earlier builds left running to the exported properties.
 */
abstract class AbstractLeasingMojo extends AbstractPortsMojo {

    /**
     * What a taken port does: {@code fail} stops the build listing every conflict; {@code warn} logs them and
     * goes on; {@code reassign} gives a named entry another free port (unnamed entries and ports fixed with
     * {@code -DNAME=PORT} still fail).
     */
    @Parameter(property = "portcheck.onConflict", defaultValue = Defaults.ON_CONFLICT)
    String onConflict;

    /**
     * Where "any free port" ({@code NAME} and {@code NAME/COUNT} entries, and {@code reassign}) comes from, e.g.
     * {@code 20000-29999}. Default: 10000-65535 without the kernel's ephemeral range and its reserved ports.
     */
    @Parameter(property = "portcheck.portRange")
    String portRange;

    /**
     * Ports never handed out by "any free port", ranges, blocks or {@code reassign}, e.g. {@code 8080,9000-9100}:
     * the ports of services you keep running. A fixed port that is excluded is still checked.
     */
    @Parameter(property = "portcheck.exclude")
    String exclude;

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
    File leaseDirectory;

    /**
     * Seconds to wait for a taken fixed port to be released (e.g. by the server of a previous build that is still
     * shutting down) before it counts as a conflict; all taken ports share this time. 0: no waiting.
     */
    @Parameter(property = "portcheck.waitTimeout", defaultValue = Defaults.WAIT_TIMEOUT)
    int waitTimeout;

    /** The raw settings of the check, as given. */
    RawCheckSettings checkParameters(RawCheckSettings raw) {
        return shared(raw).onConflict(onConflict).portRange(portRange).exclude(exclude)
                .leaseDirectory(leaseDirectory == null ? null : leaseDirectory.toPath()).waitTimeout(waitTimeout);
    }

    /**
     * Stops the servers that earlier builds of this project left running (killed with {@code kill -9}), saying so;
     * the others stay known, to name them should they hold a port.
     */
    Map<Long, ServerRecord> stopOrphans(long timeoutMillis) {
        if (project == null || project.getFile() == null) {
            return Collections.emptyMap();
        }
        try {
            Orphans orphans = Orphans.of(ServerRecords.ofThisUser());
            String key = ServerRecord.projectKey(project.getGroupId(), project.getArtifactId(),
                    project.getBasedir().toPath());
            for (Orphans.Stopped stopped : orphans.stopFor(key, timeoutMillis)) {
                getLog().warn(ServerReport.orphanStopped(stopped));
            }
            return orphans.leftRunning();
        } catch (LeaseDirectoryException e) {
            getLog().debug("No records of servers can be read: " + e.getMessage());
            return Collections.emptyMap();
        }
    }

    /**
     * Chooses and leases the ports, logs the table and what the user should act on, and fails on a conflict.
     *
     * @param leftRunning servers earlier builds left running, by PID: named where they hold a port
     */
    CheckResult choose(CheckSettings settings, Map<Long, ServerRecord> leftRunning) throws MojoFailureException {
        CheckResult result;
        try {
            LeaseOwner owner = ModuleEndListener.ownerFor(session == null ? null : session.getRequest(), project);
            result = new PortChecks(MavenParameters.NAMES, getLog()::debug, pid -> leftRunning.containsKey(pid)
                    ? ServerReport.leftRunning(leftRunning.get(pid)) : null)
                    .forThisMachine(settings, owner, getLog()::info).run();
        } catch (HostNotFoundException | NotLocalHostException | LeaseDirectoryException e) {
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
            throw new MojoFailureException(ConflictReport.message(result, MavenParameters.NAMES));
        }
        if (!result.conflicts().isEmpty()) {
            // each line through the log, so that each carries its [WARNING]
            for (String line : ConflictReport.message(result, MavenParameters.NAMES).split("\\n")) {
                getLog().warn(line);
            }
        }
        return result;
    }
}
