package io.github.portcheck.holder;

import io.github.portcheck.system.Tools;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Names holders with lsof (macOS, and Linux where /proc cannot be read): one lsof call for all the ports of a
 * check, then one ps call for the command lines of the processes it named.
 */
public final class LsofHolderLookup implements HolderLookup {
    private final Tools tools;
    private final Consumer<String> debug;

    /** @param debug told why nothing could be named: the tool is missing, slow or failed */
    public LsofHolderLookup(Tools tools, Consumer<String> debug) {
        this.tools = tools;
        this.debug = debug;
    }

    @Override
    public Map<Integer, Holder> find(Set<Integer> ports) {
        if (ports.isEmpty()) {
            return Collections.emptyMap();
        }
        StringBuilder list = new StringBuilder();
        for (int port : new TreeSet<>(ports)) {
            list.append(list.length() == 0 ? "" : ",").append(port);
        }
        Tools.Output lsof = tools.run(Arrays.asList("lsof", "-nP", "-iTCP:" + list, "-sTCP:LISTEN", "-F", "pcn"));
        if (lsof.failure() != null || lsof.exit() > 1) {
            debug.accept("Holder lookup: " + (lsof.failure() != null ? lsof.failure()
                    : "lsof exited with " + lsof.exit() + ": " + String.join(" ", lsof.lines())));
            return Collections.emptyMap();
        }
        Map<Integer, Holder> holders = LsofOutput.listeners(lsof.lines(), ports); // exit 1: none listens
        return holders.isEmpty() ? holders : withCommandLines(holders);
    }

    /** lsof gives a command's name, cut short; ps gives its whole command line. */
    private Map<Integer, Holder> withCommandLines(Map<Integer, Holder> holders) {
        List<String> ps = new ArrayList<>(Arrays.asList("ps", "-ww", "-o", "pid=,command="));
        for (long pid : new TreeSet<>(pids(holders))) {
            ps.add("-p");
            ps.add(Long.toString(pid));
        }
        Tools.Output out = tools.run(ps);
        if (out.failure() != null) {
            debug.accept("Holder lookup: " + out.failure() + "; naming processes by their command names only");
            return holders;
        }
        Map<Long, String> commands = PsOutput.commandLines(out.lines());
        Map<Integer, Holder> named = new HashMap<>();
        for (Map.Entry<Integer, Holder> e : holders.entrySet()) {
            String command = commands.get(e.getValue().pid());
            named.put(e.getKey(), command == null ? e.getValue()
                    : Holder.process(e.getValue().pid(), Arrays.asList(command.split("\\s+"))));
        }
        return named;
    }

    private static List<Long> pids(Map<Integer, Holder> holders) {
        List<Long> pids = new ArrayList<>();
        for (Holder h : holders.values()) {
            pids.add(h.pid());
        }
        return pids;
    }
}
