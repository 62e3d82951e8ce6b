package io.github.portcheck.server;

import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.config.BuildProperties;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.StartSettings;
import io.github.portcheck.config.WaitSettings;
import io.github.portcheck.poll.Awaited;
import io.github.portcheck.poll.Poller;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.system.Signals;
import io.github.portcheck.wait.PidFileHostException;
import io.github.portcheck.wait.PortWait;
import io.github.portcheck.wait.WaitResult;
import io.github.portcheck.wait.WaitStoppedException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts the server the tests need and waits until it is ready: its output to its log file (no pipe that could
 * block it or die with Maven), a record of it beside the user's leases, and a cookie in its environment that the
 * processes it starts inherit, so that each one can be found and stopped later. Fails fast: a process that ends
 * before it is ready fails the start at once, with its exit code and last lines; one not ready in time is stopped
 * before the start fails.
 */
public final class ServerStart {
    /** The environment variable that marks a server and every process it starts. */
    public static final String COOKIE = "PORTCHECK_SERVER";
    /** Looks at readiness quickly at first, then every 50 ms: a ready server is seen within a round. */
    private static final Poller.Pace PACE = Poller.Pace.doubling(5, 50);

    private final StartSettings settings;
    private final String name;
    private final LeaseOwner module;
    private final String project;
    private final ServerRecords records;
    private final ProcessTree tree;

    /**
     * @param name    the execution of {@code start}, e.g. "start-app"
     * @param module  the module that starts it: the server ends with it
     * @param project the project, as {@link ServerRecord#projectKey} makes it
     */
    public ServerStart(StartSettings settings, String name, LeaseOwner module, String project, ServerRecords records) {
        this.settings = settings;
        this.name = name;
        this.module = module;
        this.project = project;
        this.records = records;
        this.tree = ProcessTree.forThisSystem();
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param properties the build's properties, for {@code @{NAME}}
     * @param chosen     the ports chosen for {@code ports}, by exported name
     * @param progress   told while the server is not ready yet
     * @param log        told, later, how the server ended where no {@code stop} stopped it
     * @return the running server, ready
     */
    public Ready run(BuildProperties properties, Map<String, String> chosen, Consumer<String> progress,
            Consumer<String> cannotSee, Consumer<String> log) throws ConfigurationException, LaunchException,
            ProcessExitedException, NotReadyException, NotLocalHostException, PidFileHostException,
            WaitStoppedException, InterruptedException {
        BuildProperties values = properties.with(chosen);
        WaitSettings readiness = settings.readiness(properties, chosen);
        PortWait wait = readiness == null ? null : PortWait.forThisMachine(readiness,
                System.currentTimeMillis(), cannotSee, line -> { });
        List<String> command = settings.command(values);
        String cookie = UUID.randomUUID().toString();
        Path logFile = settings.logFile().toAbsolutePath();
        long begin = System.nanoTime();
        Process process = launch(command, settings.environment(values), cookie, logFile);
        long pid = Signals.pidOf(process);
        String started = tree.startTime(pid);
        List<Integer> ports = ports(chosen);
        Path record = null;
        try {
            record = records.write(new ServerRecord(project, name, pid, started, cookie, String.join(" ", command),
                    ports, tree.self(), tree.startTime(tree.self()), System.currentTimeMillis()));
        } catch (IOException e) {
            progress.accept("No record of the server could be written (" + e.getMessage() + "): if this build is"
                    + " killed, the next one cannot stop it.");
        }
        RunningServer server = new RunningServer(name, module, process, pid, started, cookie, command, ports,
                logFile, record, settings.stopTimeoutMillis(), log);
        Servers.add(server);
        LogTail tail = new LogTail(logFile, settings.readyLog(), Charset.defaultCharset());
        List<Awaited> more = new ArrayList<>();
        if (settings.readyLog() != null) {
            more.add(new Awaited("a line matching '" + settings.readyLog() + "' in " + logFile, () -> tail
                    .readyLineSeen() ? Readiness.ready("seen") : Readiness.notYet("not seen yet")));
        }
        Poller.Watch exited = pending -> process.isAlive() ? null : Readiness.never(new ProcessExitedException(name,
                pid, process.exitValue(), tail.lastLines(), logFile, elapsed(begin)));
        List<String> notReady = new ArrayList<>();
        // What ends the wait at once, instead of at the next round: the process's end, the line looked for.
        Poller.Wakeup wakeup = new Poller.Wakeup();
        List<Thread> wakers = wakers(process, tail, wakeup);
        try {
            if (wait != null) {
                WaitResult result = wait.run(progress, more, exited, PACE, wakeup);
                for (WaitResult.Left left : result.pending()) {
                    notReady.add(left.label() + ": " + left.last().reason());
                }
            } else if (!more.isEmpty()) {
                Poller.Result result = new Poller(null, wakeup).await(more, settings.timeoutMillis(), PACE, progress,
                        exited);
                if (result.stoppedBy() != null) {
                    throw (WaitStoppedException) result.stoppedBy().cause();
                }
                for (Awaited left : result.pending()) {
                    notReady.add(left.label() + ": " + left.last().reason());
                }
            }
        } catch (WaitStoppedException | InterruptedException | RuntimeException e) {
            Servers.stop(module, Collections.singletonList(name), settings.stopTimeoutMillis(), (s, r) -> { });
            throw e;
        } finally {
            for (Thread waker : wakers) {
                waker.interrupt(); // they end with this goal
            }
        }
        if (!notReady.isEmpty()) {
            StringBuilder how = new StringBuilder();
            Servers.stop(module, Collections.singletonList(name), settings.stopTimeoutMillis(),
                    (s, r) -> how.append(r.how() == StopResult.How.KILLED ? "ended by force" : "stopped"));
            throw new NotReadyException(name, pid, settings.timeoutMillis(), notReady, tail.lastLines(), logFile,
                    how.toString());
        }
        return new Ready(server, elapsed(begin), tail.matchedLine());
    }

    /** A thread that wakes the wait when the process ends, and with readyLog one that reads the log every 10 ms. */
    private List<Thread> wakers(Process process, LogTail tail, Poller.Wakeup wakeup) {
        List<Thread> wakers = new ArrayList<>();
        wakers.add(daemon("portcheck-exit-" + name, () -> {
            try {
                process.waitFor();
                wakeup.wake();
            } catch (InterruptedException e) {
                // the start is over
            }
        }));
        if (settings.readyLog() != null) {
            wakers.add(daemon("portcheck-log-" + name, () -> {
                try {
                    while (!tail.readyLineSeen()) {
                        Thread.sleep(10);
                    }
                    wakeup.wake();
                } catch (InterruptedException e) {
                    // the start is over
                }
            }));
        }
        return wakers;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long elapsed(long begin) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    }

    private Process launch(List<String> command, Map<String, String> environment, String cookie, Path logFile)
            throws LaunchException {
        Path log;
        try {
            // A folder no other user may write: nothing there can be swapped for a link or a FIFO before the server
            // opens the file by its path, or before this build reads it back.
            log = LeaseDirectory.checkedFolder(logFile.getParent()).resolve(logFile.getFileName());
        } catch (LeaseDirectoryException e) {
            throw new LaunchException(command, "its log file " + logFile + " would lie in a folder another user could"
                    + " change: " + e.getMessage());
        }
        try {
            Files.deleteIfExists(log); // this run's output alone
            Files.newByteChannel(log, new HashSet<OpenOption>(Arrays.asList(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))).close();
            ProcessBuilder builder = new ProcessBuilder(command).directory(settings.workingDirectory().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put(COOKIE, cookie);
            Process process = builder.start();
            process.getOutputStream().close(); // no input: a server that reads it sees its end
            return process;
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new LaunchException(command, why);
        }
    }

    /** Every port chosen, a block's each: waited for until free once the server is stopped. */
    private static List<Integer> ports(Map<String, String> chosen) {
        List<Integer> ports = new ArrayList<>();
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            for (String part : e.getValue().split(",")) {
                try {
                    int port = Integer.parseInt(part.trim());
                    if (!ports.contains(port)) {
                        ports.add(port);
                    }
                } catch (NumberFormatException ignored) {
                    // not a port
                }
            }
        }
        return ports;
    }

    /** A server that is ready: how long it took, and the line that said so, if one was asked for. */
    public static final class Ready {
        private final RunningServer server;
        private final long millis;
        private final String line;

        Ready(RunningServer server, long millis, String line) {
            this.server = server;
            this.millis = millis;
            this.line = line;
        }

        public RunningServer server() {
            return server;
        }

        public long millis() {
            return millis;
        }

        /** The line that matched readyLog, or null. */
        public String line() {
            return line;
        }
    }
}
