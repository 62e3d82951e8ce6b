package io.github.portcheck.report;

import io.github.portcheck.domain.WaitFor;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.wait.ForeignListenerException;
import io.github.portcheck.wait.ServerExitedException;
import io.github.portcheck.wait.WaitResult;
import io.github.portcheck.wait.WaitStoppedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of a wait: its start, its end, and why it failed. */
public final class WaitReport {
    private WaitReport() {
    }

    /** E.g. "Waiting up to 60 s for 2 ports to be open". */
    public static String starting(int targets, WaitFor goal, long timeoutMillis) {
        return "Waiting up to " + seconds(timeoutMillis) + " for " + targets + (targets == 1 ? " port" : " ports")
                + " to be " + goal;
    }

    /** E.g. "All 2 ports are open after 312 ms". */
    public static String done(WaitResult result) {
        return (result.total() == 1 ? "The port is " : "All " + result.total() + " ports are ") + result.goal()
                + " after " + result.elapsedMillis() + " ms";
    }

    /**
     * Every target that did not get ready, with the last thing seen of it, and where nothing listens at all, the
     * usual cause: the server was started after this goal, or not at all. A URL that answers, but not as expected,
     * is not ready, not closed.
     */
    public static String timedOut(WaitResult result) {
        List<WaitResult.Left> left = result.pending();
        boolean urls = false;
        for (WaitResult.Left l : left) {
            urls |= l.isUrl();
        }
        String state = urls ? "ready" : result.goal().toString();
        String what = result.total() == 1 ? (urls ? "The URL" : "The port")
                : left.size() + " of " + result.total() + (urls ? " entries" : " ports");
        StringBuilder text = new StringBuilder(what).append(" did not become ").append(state).append(" within ")
                .append(seconds(result.timeoutMillis())).append(':');
        List<Integer> refused = new ArrayList<>();
        for (WaitResult.Left l : left) {
            text.append("\n  ").append(l.label()).append(": ").append(l.last().reason());
            if (result.goal() == WaitFor.OPEN && l.last().state() == Readiness.State.REFUSED) {
                refused.add(l.port());
            }
        }
        if (!result.exitedChildren().isEmpty()) {
            text.append("\nA process this build started ended during the wait: ")
                    .append(String.join("; ", result.exitedChildren())).append('.');
        } else if (!refused.isEmpty()) {
            text.append("\nNothing accepted connections on ").append(refused.size() == 1 ? "port " : "ports ")
                    .append(refused.toString().replaceAll("[\\[\\]]", "")).append(": was the server started before"
                    + " this goal ran? Within one phase Maven runs plugins in the order the pom declares them.");
        }
        return text.toString();
    }

    /** Why the wait ended before its timeout. */
    public static String stopped(WaitStoppedException e) {
        if (e instanceof ServerExitedException) {
            ServerExitedException exited = (ServerExitedException) e;
            StringBuilder text = new StringBuilder("The server's process (PID ").append(exited.pid()).append(", from ")
                    .append(exited.pidFile()).append(") ended before ")
                    .append(exited.pending().size() == 1 ? "the port was" : "every port was").append(" ready:");
            for (ServerExitedException.Pending p : exited.pending()) {
                text.append("\n  ").append(p.label()).append(": ").append(p.lastSeen());
            }
            return text.toString();
        }
        ForeignListenerException foreign = (ForeignListenerException) e;
        return foreign.label() + " is open, but held by " + foreign.holder() + ", which this build did not start ("
                + (foreign.serverPid() > 0 ? "neither Maven nor the process of the pid file, PID " + foreign.serverPid()
                + ", started it" : "Maven did not start it") + "): a server of an earlier build still running? Stop"
                + " it, or leave ownListener off to accept any listener.";
    }

    /** The warning, once per wait, where ownListener cannot see who listens. */
    public static String cannotSeeListener(String why) {
        return "ownListener: " + why + ", so whose the listener is cannot be checked; such a port counts as open as"
                + " soon as it answers.";
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
