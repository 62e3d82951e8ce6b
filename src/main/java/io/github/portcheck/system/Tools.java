package io.github.portcheck.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system's own tools (lsof, ps, netstat, tasklist, sysctl, netsh), each within a time limit. A tool
 * that is missing, slow or fails gives a reason instead of output, never an exception: what it would have
 * explained stays unexplained.
 */
public interface Tools {

    /** What a tool printed, or why it printed nothing usable. */
    final class Output {
        private final int exit;
        private final List<String> lines;
        private final String failure;

        private Output(int exit, List<String> lines, String failure) {
            this.exit = exit;
            this.lines = Collections.unmodifiableList(lines);
            this.failure = failure;
        }

        public static Output of(int exit, List<String> lines) {
            return new Output(exit, lines, null);
        }

        public static Output failed(String why) {
            return new Output(-1, Collections.<String>emptyList(), why);
        }

        /** The exit code; -1 when the tool did not run to its end. */
        public int exit() {
            return exit;
        }

        public List<String> lines() {
            return lines;
        }

        /** Why there is no output, e.g. "lsof is not installed"; null when the tool ran. */
        public String failure() {
            return failure;
        }
    }

    Output run(List<String> command);

    /** The tools of this system, each given 3 s: a conflict is worth a moment to name its holder. */
    static Tools ofThisSystem() {
        return processes(3000);
    }

    /** Runs tools as processes, each given {@code timeoutMillis} to finish. */
    static Tools processes(long timeoutMillis) {
        return command -> {
            String tool = command.get(0);
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                return Output.failed(tool + " is not installed or cannot run (" + e.getMessage() + ")");
            }
            List<String> lines = Collections.synchronizedList(new ArrayList<String>());
            // the native charset: these tools print in the system's language and encoding
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        Charset.defaultCharset()))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process was ended
                }
            }, "portcheck-" + tool);
            reader.setDaemon(true);
            reader.start();
            try {
                if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return Output.failed(tool + " gave no answer within " + timeoutMillis + " ms");
                }
                reader.join(timeoutMillis);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return Output.failed(tool + " was interrupted");
            }
            synchronized (lines) {
                return Output.of(process.exitValue(), new ArrayList<>(lines));
            }
        };
    }
}
