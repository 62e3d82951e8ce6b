package io.github.portcheck.report;

import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.config.ConfigurationException;
import io.github.portcheck.config.Setting;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRequest;
import io.github.portcheck.domain.WaitTarget;
import io.github.portcheck.probe.HostNotFoundException;
import io.github.portcheck.probe.NotLocalHostException;
import io.github.portcheck.wait.PidFileHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The failures the lower layers report as facts (a host that does not resolve, a lease directory another user
 * could tamper with), worded as the user's mistake in the settings they wrote: the entry or the setting that led to
 * it, the value, and what is allowed.
 */
public final class Failures {
    /** What a configured lease directory may be. */
    public static final String LEASE_DIRECTORIES = "a directory on a local file system that belongs to you or root,"
            + " that only its owner may write, and whose folders belong to you or root (for the builds of several"
            + " users, one that root made with a lock file " + LeaseDirectory.FILE_NAME + " open to them)";

    private Failures() {
    }

    /** An entry as far as its host and detector go. */
    private static final class Entry {
        final String text;
        final Optional<String> host;
        final Optional<DetectorChoice> detector;

        Entry(String text, Optional<String> host, Optional<DetectorChoice> detector) {
            this.text = text;
            this.host = host;
            this.detector = detector;
        }
    }

    /** The check's entry (or the {@code host} setting) that names a host that does not resolve. */
    public static ConfigurationException hostNotFound(HostNotFoundException e, List<PortRequest> requests) {
        String problem = "the host does not resolve, so its ports cannot be checked";
        String allowed = "a host name this machine resolves, an IPv4 address, an IPv6 address, or localhost";
        for (Entry entry : ofRequests(requests)) {
            if (entry.host.map(e.host()::equals).orElse(false)) {
                return ConfigurationException.invalidEntry(entry.text, e.host(), problem, allowed);
            }
        }
        return ConfigurationException.invalid(Setting.HOST, e.host(), problem, allowed);
    }

    /** The bind detector (an entry's or the setting's) asked for another machine's host, in check-ports. */
    public static ConfigurationException notLocal(NotLocalHostException e, List<PortRequest> requests,
            String defaultHost) {
        return notLocalIn(e, ofRequests(requests), defaultHost);
    }

    /** The bind detector asked for another machine's host, in wait-ports ({@code waitFor=free}). */
    public static ConfigurationException notLocalWhileWaiting(NotLocalHostException e, List<WaitTarget> targets,
            String defaultHost) {
        List<Entry> entries = new ArrayList<>();
        for (WaitTarget t : targets) {
            entries.add(new Entry(t.text(), t.host(), t.detector()));
        }
        return notLocalIn(e, entries, defaultHost);
    }

    private static ConfigurationException notLocalIn(NotLocalHostException e, List<Entry> entries,
            String defaultHost) {
        String problem = "host '" + e.host() + "' (" + e.address() + ") is not an address of this machine, and only"
                + " a local address can be bound";
        String allowed = "connect or auto for a remote host";
        for (Entry entry : entries) {
            if (entry.host.orElse(defaultHost).equals(e.host()) && entry.detector.isPresent()) {
                return ConfigurationException.invalidEntry(entry.text, "bind", problem, allowed);
            }
        }
        for (Entry entry : entries) {
            if (entry.host.map(e.host()::equals).orElse(false)) {
                return ConfigurationException.invalid(Setting.DETECTOR, "bind", problem + " (entry '" + entry.text
                        + "')", allowed);
            }
        }
        return ConfigurationException.invalid(Setting.DETECTOR, "bind", problem, allowed);
    }

    /** A pid file next to an entry on another host. */
    public static ConfigurationException pidFileHost(PidFileHostException e) {
        return ConfigurationException.invalid(Setting.PID_FILE, e.pidFile().toString(), "entry '" + e.entry()
                + "' is on host " + e.host() + ", where this machine cannot see the process of a pid file",
                "a pid file only with entries on this machine (localhost or one of its addresses)");
    }

    /**
     * A lease directory that cannot be used: a configured one is a mistake in its setting; the default one means
     * that no port can be leased here.
     */
    public static ConfigurationException leaseDirectory(LeaseDirectoryException e, Optional<Path> configured) {
        if (configured.isPresent()) {
            return ConfigurationException.invalid(Setting.LEASE_DIRECTORY, configured.get().toString(),
                    e.getMessage(), LEASE_DIRECTORIES);
        }
        return new ConfigurationException(names -> "No port can be leased: " + e.getMessage() + ". Set "
                + names.of(Setting.LEASE_DIRECTORY) + " to a directory of your own.");
    }

    private static List<Entry> ofRequests(List<PortRequest> requests) {
        List<Entry> entries = new ArrayList<>();
        for (PortRequest r : requests) {
            entries.add(new Entry(r.text(), r.host(), r.detector()));
        }
        return entries;
    }
}
