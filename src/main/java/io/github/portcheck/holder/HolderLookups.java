package io.github.portcheck.holder;

import io.github.portcheck.system.Os;
import io.github.portcheck.system.Tools;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.function.Consumer;

/** The holder lookup of each operating system, chosen when the check runs. */
public final class HolderLookups {
    /** How long one of the system's tools may take: a conflict is worth a moment to name its holder. */
    static final long TOOL_TIMEOUT_MILLIS = 3000;

    private HolderLookups() {
    }

    /** @param debug told why a holder could not be named (a tool missing, slow or failing) */
    public static HolderLookup forThisSystem(Consumer<String> debug) {
        return forSystem(Os.current(), Files.isReadable(Paths.get("/proc/net/tcp")),
                Tools.processes(TOOL_TIMEOUT_MILLIS), debug);
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
                return new NetstatHolderLookup(tools, HolderLookups::jdkCommandLine, debug);
            default:
                return new LsofHolderLookup(tools, debug);
        }
    }

    /** ProcessHandle's command line (Java 9+, by reflection since the plugin's classes target Java 8), or null. */
    static String jdkCommandLine(long pid) {
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Optional<?> process = (Optional<?>) handle.getMethod("of", long.class).invoke(null, pid);
            if (!process.isPresent()) {
                return null;
            }
            Object info = handle.getMethod("info").invoke(process.get());
            // through the public interface: the class that implements it is not exported
            Optional<?> line = (Optional<?>) Class.forName("java.lang.ProcessHandle$Info").getMethod("commandLine")
                    .invoke(info);
            return line.map(Object::toString).orElse(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
