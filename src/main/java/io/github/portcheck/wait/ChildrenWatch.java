package io.github.portcheck.wait;

import io.github.portcheck.poll.Awaited;
import io.github.portcheck.poll.Poller;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.system.ProcessTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes this build started (the Maven process's descendants, as /proc shows them), looked at after every
 * round: one seen alive during the wait and gone at its end is most likely the server that was to open the port.
 * Never ends a wait by itself: it only tells the timeout's message.
 */
final class ChildrenWatch implements Poller.Watch {
    private final ProcessTree tree;
    private final long self;
    private final Map<Long, String> seen = new LinkedHashMap<>();

    ChildrenWatch(ProcessTree tree) {
        this.tree = tree;
        this.self = tree.self();
    }

    @Override
    public synchronized Readiness check(List<Awaited> pending) {
        if (tree.canTell() && self > 0) {
            for (long pid : tree.descendants(self)) {
                if (!seen.containsKey(pid)) {
                    String command = tree.commandLine(pid);
                    seen.put(pid, command == null ? "" : command);
                }
            }
        }
        return null;
    }

    /** "PID n: command" of each process seen during the wait that is gone now. */
    synchronized List<String> exited() {
        List<String> gone = new ArrayList<>();
        for (Map.Entry<Long, String> e : seen.entrySet()) {
            if (tree.alive(e.getKey()) == 0) {
                gone.add("PID " + e.getKey() + (e.getValue().isEmpty() ? "" : ": " + e.getValue()));
            }
        }
        return gone;
    }
}
