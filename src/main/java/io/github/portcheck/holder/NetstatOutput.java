package io.github.portcheck.holder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Windows' {@code netstat -ano -p TCP} (and {@code TCPv6}): a row a socket, {@code TCP}, the local address
 * ({@code 0.0.0.0:8080}, {@code 127.0.0.1:8080}, {@code [::]:8080}, {@code [::1]:8080}), the foreign address, the
 * state and the owning PID last. The headers and the state are in the system's language ({@code LISTENING},
 * {@code ABHÖREN}, ...), so a listener is known by what is language-free: a foreign address of port 0.
 */
final class NetstatOutput {
    private NetstatOutput() {
    }

    /** The PID of the first listener on each of {@code ports}. */
    static Map<Integer, Long> listeners(List<String> lines, Set<Integer> ports) {
        Map<Integer, Long> pids = new HashMap<>();
        for (String line : lines) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length < 4 || !cols[0].toUpperCase(java.util.Locale.ROOT).startsWith("TCP")) {
                continue;
            }
            String foreign = cols[2];
            if (!(foreign.endsWith(":0") || foreign.equals("*:*"))) {
                continue; // a connection, not a listener
            }
            int port = LsofOutput.port(cols[1]);
            try {
                long pid = Long.parseLong(cols[cols.length - 1]);
                if (ports.contains(port) && !pids.containsKey(port)) {
                    pids.put(port, pid);
                }
            } catch (NumberFormatException e) {
                // netstat without -o: no PID column
            }
        }
        return pids;
    }
}
