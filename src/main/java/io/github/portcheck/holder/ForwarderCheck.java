package io.github.portcheck.holder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a service listening on a port from a forwarder listening for one (Docker's proxy, an SSH tunnel,
 * kubectl port-forward, socat): a forwarder accepts before the service behind it is up, then closes. Only where
 * /proc shows the listener and no known forwarder holds it is the listener surely the service itself.
 */
public final class ForwarderCheck {
    /** Process names (as /proc/PID/comm gives them, cut to 15 characters) of programs that forward ports. */
    static final Set<String> FORWARDERS = new HashSet<>(Arrays.asList("docker-proxy", "rootlessport", "rootlesskit",
            "slirp4netns", "pasta", "passt", "vpnkit", "gvproxy", "com.docker.back", "kubectl", "socat", "ssh",
            "sshd", "sshd-session", "autossh"));

    /** Where there is no /proc, any listener may be a forwarder. */
    public static final ForwarderCheck UNKNOWN = new ForwarderCheck(null);

    private final Path proc;

    ForwarderCheck(Path proc) {
        this.proc = proc;
    }

    public static ForwarderCheck forThisSystem() {
        return ProcNetSockets.available() ? new ForwarderCheck(Paths.get("/proc")) : UNKNOWN;
    }

    /**
     * False when /proc shows what listens on {@code port} of this machine and no known forwarder holds it; true
     * otherwise (no /proc, a listener of another network namespace, a forwarder, or a forwarder whose sockets
     * this user may not see).
     */
    public boolean mayForward(int port) {
        if (proc == null) {
            return true;
        }
        Set<String> listeners = new HashSet<>();
        for (ProcNetSockets.Socket socket : ProcNetSockets.listeners(proc)) {
            if (socket.port == port) {
                listeners.add(socket.inode);
            }
        }
        if (listeners.isEmpty()) {
            return true;
        }
        // a forwarder holds one of them, or one whose descriptors this user may not see could
        ProcNetSockets.Owners forwarders = ProcNetSockets.owners(proc, listeners, ForwarderCheck::isForwarder);
        return !forwarders.complete || !forwarders.byInode.isEmpty() || !forwarders.unseen.isEmpty();
    }

    /** True when /proc shows that process {@code pid} is a known forwarder. */
    public boolean isForwarder(long pid) {
        return proc != null && isForwarder(proc.resolve(Long.toString(pid)));
    }

    /** By its name in /proc/PID/comm: at most 15 characters and a newline, so one small read. */
    private static boolean isForwarder(Path process) {
        byte[] name = new byte[32];
        try (InputStream in = Files.newInputStream(process.resolve("comm"))) {
            int n = in.read(name);
            return n > 0 && FORWARDERS.contains(new String(name, 0, n, StandardCharsets.US_ASCII).trim());
        } catch (IOException | SecurityException e) {
            return false; // the process ended
        }
    }
}
