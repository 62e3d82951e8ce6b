package io.github.portcheck.holder;

import io.github.portcheck.system.Tools;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Names holders on Windows: {@code netstat -ano} for the owning PID of each listener (IPv4 and IPv6), then the
 * process's command line from the JDK where it can tell, else its image name from {@code tasklist}.
 */
public final class NetstatHolderLookup implements HolderLookup {
    private final Tools tools;
    private final LongFunction<String> commandLines;
    private final Consumer<String> debug;

    /**
     * @param commandLines a process's command line, or null where it cannot be had
     * @param debug        told why nothing could be named: a tool is missing, slow or failed
     */
    public NetstatHolderLookup(Tools tools, LongFunction<String> commandLines, Consumer<String> debug) {
        this.tools = tools;
        this.commandLines = commandLines;
        this.debug = debug;
    }

    @Override
    public Map<Integer, Holder> find(Set<Integer> ports) {
        if (ports.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Integer, Long> pids = new HashMap<>();
        for (String protocol : Arrays.asList("TCP", "TCPv6")) {
            Tools.Output netstat = tools.run(Arrays.asList("netstat", "-ano", "-p", protocol));
            if (netstat.failure() != null || netstat.exit() != 0) {
                debug.accept("Holder lookup: " + (netstat.failure() != null ? netstat.failure()
                        : "netstat -p " + protocol + " exited with " + netstat.exit()));
                continue;
            }
            for (Map.Entry<Integer, Long> e : NetstatOutput.listeners(netstat.lines(), ports).entrySet()) {
                pids.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        if (pids.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Long, String> images = null; // asked at most once, and only where the JDK cannot tell
        Map<Integer, Holder> holders = new HashMap<>();
        for (Map.Entry<Integer, Long> e : pids.entrySet()) {
            long pid = e.getValue();
            String command = commandLines.apply(pid);
            if (command == null) {
                images = images == null ? images() : images;
                command = images.get(pid);
            }
            holders.put(e.getKey(), Holder.process(pid, command));
        }
        return holders;
    }

    private Map<Long, String> images() {
        Tools.Output tasklist = tools.run(Arrays.asList("tasklist", "/FO", "CSV", "/NH"));
        if (tasklist.failure() != null) {
            debug.accept("Holder lookup: " + tasklist.failure() + "; naming processes by their PID only");
            return Collections.emptyMap();
        }
        return TasklistOutput.images(tasklist.lines());
    }
}
