package io.github.portcheck.holder;

import io.github.portcheck.system.Os;
import io.github.portcheck.system.ProcessTree;
import io.github.portcheck.system.Tools;
import java.util.function.Consumer;

/** The holder lookup of each operating system, chosen when the check runs. */
public final class HolderLookups {
    private HolderLookups() {
    }

    /**
     * The lookup of this system, chosen when a conflict first needs a name: most checks find none.
     *
     * @param debug told why a holder could not be named (a tool missing, slow or failing)
     */
    public static HolderLookup forThisSystem(Consumer<String> debug) {
        return ports -> forSystem(Os.current(), ProcNetSockets.available(), Tools.ofThisSystem(),
                debug).find(ports);
    }

    /**
     * Linux: /proc where it can be read, else lsof. macOS and other Unix systems: lsof and ps. Windows: netstat,
     * and the JDK or tasklist for the command line.
     */
    public static HolderLookup forSystem(Os os, boolean procReadable, Tools tools, Consumer<String> debug) {
        switch (os) {
            case LINUX:
                return procReadable ? new ProcNetHolderLookup() : new LsofHolderLookup(tools, debug);
            case WINDOWS:
                return new NetstatHolderLookup(tools, ProcessTree.forThisSystem()::commandLine, debug);
            default:
                return new LsofHolderLookup(tools, debug);
        }
    }
}
