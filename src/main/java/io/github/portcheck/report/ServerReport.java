package io.github.portcheck.report;

import io.github.portcheck.server.LaunchException;
import io.github.portcheck.server.NotReadyException;
import io.github.portcheck.server.Orphans;
import io.github.portcheck.server.ProcessExitedException;
import io.github.portcheck.server.RunningServer;
import io.github.portcheck.server.ServerRecord;
import io.github.portcheck.server.ServerStart;
import io.github.portcheck.server.StopResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The words of a server's life: started, ready, failed, stopped; and of servers that earlier builds left. */
public final class ServerReport {
    /** Lines of a failed server's output shown: the end of a stack trace, or of a start-up failure. */
    static final int SHOWN_LINES = 10;

    private ServerReport() {
    }

    /** E.g. "Started server 'start-app' (PID 4242): java -jar target/app.jar; output in target/portcheck/start-app.log". */
    public static String started(RunningServer server) {
        return "Started server '" + server.name() + "' (PID " + server.pid() + "): " + String.join(" ", server.command())
                + "; output in " + server.logFile();
    }

    public static String ready(ServerStart.Ready ready) {
        RunningServer s = ready.server();
        return "Server '" + s.name() + "' (PID " + s.pid() + ") is ready after " + ready.millis() + " ms"
                + (ready.line() == null ? "" : ": " + ready.line().trim());
    }

    public static String couldNotStart(LaunchException e, String name) {
        return "The server '" + name + "' could not be started: " + e.why() + ". Command: " + String.join(" ",
                e.command());
    }

    public static String exited(ProcessExitedException e) {
        return "The server '" + e.name() + "' (PID " + e.pid() + ") ended with exit code " + e.exitCode() + " after "
                + e.millis() + " ms, before it was ready." + lastLines(e.lastLines(), e.logFile());
    }

    public static String notReady(NotReadyException e) {
        StringBuilder text = new StringBuilder("The server '").append(e.name()).append("' (PID ").append(e.pid())
                .append(") was not ready within ").append(WaitReport.seconds(e.timeoutMillis())).append(" and was ")
                .append(e.stopped().isEmpty() ? "stopped" : e.stopped()).append(':');
        for (String what : e.notReady()) {
            text.append("\n  ").append(what);
        }
        return text.append('\n').append(lastLines(e.lastLines(), e.logFile()).trim()).toString();
    }

    private static String lastLines(List<String> lines, Path logFile) {
        if (lines.isEmpty()) {
            return " It printed nothing (" + logFile + ").";
        }
        StringBuilder text = new StringBuilder(" Its last lines (").append(logFile).append("):");
        for (String line : lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size())) {
            text.append("\n  ").append(line);
        }
        return text.toString();
    }

    /** E.g. "Stopped server 'start-app' (PID 4242): ended when asked, in 0.3 s, exit code 143; port 20417 free". */
    public static String stopped(RunningServer server, StopResult result) {
        return "Stopped server '" + server.name() + "' (PID " + server.pid() + "): " + how(result, server.ports());
    }

    /** A server whose module ended before a stop goal stopped it. */
    public static String stoppedWithModule(RunningServer server, StopResult result) {
        return "No stop goal stopped server '" + server.name() + "' (PID " + server.pid() + ") before its module"
                + " ended: " + how(result, server.ports());
    }

    public static String orphanStopped(Orphans.Stopped orphan) {
        ServerRecord r = orphan.record();
        return "Stopped a server that an earlier build of this project left running: PID " + r.pid() + " ("
                + r.command() + "), ports " + ports(r.ports()) + ", started by execution '" + r.execution() + "' at "
                + since(r) + ": " + how(orphan.result(), r.ports());
    }

    /** What a port's holder is, where an earlier build left it running. */
    public static String leftRunning(ServerRecord record) {
        return "left running by an earlier build of " + record.project().replaceFirst("@.*", "") + " (execution '"
                + record.execution() + "', since " + since(record) + ")";
    }

    private static String since(ServerRecord record) {
        return Instant.ofEpochMilli(record.startedAtMillis()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String how(StopResult r, List<Integer> ports) {
        StringBuilder text = new StringBuilder();
        switch (r.how()) {
            case ALREADY_ENDED:
                text.append("it had ended already");
                break;
            case KILLED:
                text.append("ended by force after ").append(duration(r.millis()));
                break;
            default:
                text.append("ended when asked, in ").append(duration(r.millis()));
        }
        if (r.exitCode() != StopResult.NO_EXIT_CODE) {
            text.append(", exit code ").append(r.exitCode());
        }
        if (r.processes() > 1) {
            text.append(", ").append(r.processes()).append(" processes");
        }
        if (!ports.isEmpty()) {
            text.append(r.portsReleased() ? "; " : "; still held: ").append(ports.size() == 1 ? "port " : "ports ")
                    .append(ports(ports)).append(r.portsReleased() ? " free" : "");
        }
        return text.toString();
    }

    private static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : WaitReport.seconds(millis);
    }

    private static String ports(List<Integer> ports) {
        return ports.toString().replaceAll("[\\[\\] ]", "");
    }
}
