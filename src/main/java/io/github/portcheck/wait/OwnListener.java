package io.github.portcheck.wait;

import io.github.portcheck.holder.ForwarderCheck;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.poll.Readiness;
import io.github.portcheck.system.ProcessTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * An open port counts only if this build listens on it: the Maven process or a process it started (exec,
 * antrun), or the process of the server's pid file and its children. A port opened by anyone else (the server
 * of an earlier build that never stopped) ends the wait at once, naming the process. Where the listener cannot
 * be seen (another host, another user's process, a forwarder such as Docker's proxy, no /proc) the port counts as
 * open, as without this check, and the user is told once.
 */
final class OwnListener {
    private final ProcessTree tree;
    private final HolderLookup holders;
    private final ForwarderCheck forwarders;
    private final LongSupplier serverPid;
    private final Consumer<String> cannotSee;
    private boolean warned;

    /**
     * @param serverPid the pid file's PID, or -1 (none, or not written yet)
     * @param cannotSee told once why a listener cannot be seen, e.g. "port 8080 on db is on another host"
     */
    OwnListener(ProcessTree tree, HolderLookup holders, ForwarderCheck forwarders, LongSupplier serverPid,
            Consumer<String> cannotSee) {
        this.tree = tree;
        this.holders = holders;
        this.forwarders = forwarders;
        this.serverPid = serverPid;
        this.cannotSee = cannotSee;
    }

    /** Null where the listener is this build's or cannot be seen; else why the port will never be ready. */
    Readiness check(String label, int port, boolean local) {
        if (!local) {
            cannotSee(label + " is on another host");
            return null;
        }
        Holder holder = tree.canTell() ? holders.find(Collections.singleton(port)).get(port) : null;
        if (holder == null || !holder.isKnown()) {
            cannotSee(tree.canTell() ? "the process that listens on " + label + " is another user's, or in a"
                    + " container" : "this system has no /proc to show who listens on " + label);
            return null;
        }
        if (forwarders.isForwarder(holder.pid())) {
            cannotSee(label + " is held by a forwarder (" + holder.describe() + ")");
            return null;
        }
        List<Long> ours = new ArrayList<>();
        ours.add(tree.self());
        long server = serverPid.getAsLong();
        if (server > 0) {
            ours.add(server);
        }
        return tree.descendsFrom(holder.pid(), ours) ? null
                : Readiness.never(new ForeignListenerException(label, holder.describe(), server));
    }

    /** Tells once why a listener cannot be seen. */
    private synchronized void cannotSee(String why) {
        if (!warned) {
            warned = true;
            cannotSee.accept(why);
        }
    }
}
