package io.github.portcheck.holder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what {@code lsof -nP -iTCP:PORTS -sTCP:LISTEN -F pcn} prints: one field a line, its kind in the first
 * character. A process set starts with {@code p} (PID) and holds {@code c} (its command name); each file set
 * holds {@code n} (the address: {@code 127.0.0.1:8080}, {@code [::1]:8080}, {@code *:8080}). Other fields
 * ({@code f}, {@code P}, {@code L}, ...) that some lsof builds add are passed over.
 */
final class LsofOutput {
    private LsofOutput() {
    }

    /** The first listener lsof names for each of {@code ports}, with its command name. */
    static Map<Integer, Holder> listeners(List<String> lines, Set<Integer> ports) {
        Map<Integer, Holder> holders = new HashMap<>();
        long pid = -1;
        String command = null;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String value = line.substring(1);
            switch (line.charAt(0)) {
                case 'p':
                    pid = parsePid(value);
                    command = null;
                    break;
                case 'c':
                    command = value;
                    break;
                case 'n':
                    int port = port(value);
                    if (pid > 0 && ports.contains(port) && !holders.containsKey(port)) {
                        holders.put(port, Holder.process(pid, command));
                    }
                    break;
                default:
                    break;
            }
        }
        return holders;
    }

    /** The local port of an address, or -1 for a connection ({@code a:1->b:2}) or an unreadable one. */
    static int port(String address) {
        if (address.contains("->")) {
            return -1;
        }
        try {
            return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parsePid(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
