package io.github.portcheck.maven;

import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.report.ServerReport;
import io.github.portcheck.server.Servers;
import java.util.HashSet;
import java.util.Set;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.project.MavenProject;

/**
 * Ends what a module holds when the module ends (the servers it started, then its leases), and what a build holds
 * when the build ends, so that a JVM that outlives its build (mvnd, an IDE) holds no port and runs no server. Maven announces both through the execution
 * listener of the session's request, which it reads at every event on every Maven from 3.6.3 to 4: this
 * listener chains itself in front of the one that is there and passes every event on.
 */
final class ModuleEndListener implements ExecutionListener {
    /** The builds this realm listens to; another realm (another plugin version) chains its own listener. */
    private static final Set<String> LISTENING = new HashSet<>();

    private final ExecutionListener next;
    private final String build;

    private ModuleEndListener(ExecutionListener next, String build) {
        this.next = next == null ? new AbstractExecutionListener() { } : next;
        this.build = build;
    }

    /** The owner of the leases {@code project} takes; their end is arranged with the build's first call. */
    static LeaseOwner ownerFor(MavenExecutionRequest request, MavenProject project) {
        if (request == null) {
            // No build to listen to (a test harness): the leases end with the JVM.
            return owner("no-build", project);
        }
        String build = Integer.toHexString(System.identityHashCode(request))
                + (request.getStartTime() == null ? "" : "-" + request.getStartTime().getTime());
        synchronized (request) { // the same object for every module and every realm of the build
            synchronized (LISTENING) {
                if (LISTENING.add(build)) {
                    request.setExecutionListener(new ModuleEndListener(request.getExecutionListener(), build));
                }
            }
        }
        return owner(build, project);
    }

    private static LeaseOwner owner(String build, MavenProject project) {
        return project == null ? LeaseOwner.of(build, "-", "this build")
                : LeaseOwner.of(build, project.getGroupId() + ":" + project.getArtifactId(), project.getArtifactId());
    }

    // Each end releases this realm's leases, passes the event on (to the listener of another plugin realm, if any),
    // then closes the lock files no realm needs: a realm may close a file only once every realm released its locks.

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        try {
            endModule(event);
        } finally {
            try {
                next.projectSucceeded(event);
            } finally {
                LeaseBook.closeIdle();
            }
        }
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        try {
            endModule(event);
        } finally {
            try {
                next.projectFailed(event);
            } finally {
                LeaseBook.closeIdle();
            }
        }
    }

    @Override
    public void sessionEnded(ExecutionEvent event) {
        try {
            LeaseOwner all = LeaseOwner.of(build, "-", "this build");
            try {
                Servers.endBuild(all, (server, result) -> server.log().accept(ServerReport.stoppedWithModule(server,
                        result)));
            } finally {
                LeaseBook.endBuild(all);
            }
        } finally {
            synchronized (LISTENING) {
                LISTENING.remove(build);
            }
            try {
                next.sessionEnded(event);
            } finally {
                LeaseBook.closeIdle();
            }
        }
    }

    /** A module's servers first, then its leases: a port is free for others only once its server is gone. */
    private void endModule(ExecutionEvent event) {
        if (event.getProject() != null) {
            LeaseOwner module = owner(build, event.getProject());
            try {
                Servers.endModule(module, (server, result) -> server.log().accept(ServerReport.stoppedWithModule(
                        server, result)));
            } finally {
                LeaseBook.endModule(module);
            }
        }
    }

    // Every other event only passes on.

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        next.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        next.sessionStarted(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        next.projectSkipped(event);
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        next.projectStarted(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        next.mojoSkipped(event);
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        next.mojoStarted(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        next.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        next.mojoFailed(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        next.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        next.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        next.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        next.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        next.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        next.forkedProjectFailed(event);
    }
}
