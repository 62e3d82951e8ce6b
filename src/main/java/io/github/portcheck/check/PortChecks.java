package io.github.portcheck.check;

import io.github.portcheck.allocation.KernelPortRanges;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseFile;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.config.CheckSettings;
import io.github.portcheck.config.Setting;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.holder.Holder;
import io.github.portcheck.holder.HolderLookup;
import io.github.portcheck.holder.HolderLookups;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ExcludedPortsDetector;
import io.github.portcheck.probe.HostResolver;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Wires the check for this machine: real detectors, "any free port" outside the kernel's ephemeral and reserved
 * ports and the user's exclusions (or in {@code portRange}), the /proc holder lookup, and leases shared by every
 * module of the build and every build of the machine.
 */
public final class PortChecks {
    private final SettingNames names;
    private final Consumer<String> debug;
    private final LongFunction<String> notes;

    /**
     * @param names how the settings are called in the warnings the set-up gives
     * @param debug told what a user needs only when asking why, e.g. why a holder could not be named
     */
    public PortChecks(SettingNames names, Consumer<String> debug) {
        this(names, debug, pid -> null);
    }

    /** @param notes what else is known of the process of a PID that holds a port (e.g. which build left it), or null */
    public PortChecks(SettingNames names, Consumer<String> debug, LongFunction<String> notes) {
        this.names = names;
        this.debug = debug;
        this.notes = notes;
    }

    /**
     * The run its settings ask for: nothing probed where the check is skipped, else the check of this machine.
     *
     * @param owner    the module that runs the check; its leases end when it ends (see {@link LeaseBook#endModule})
     * @param progress told while taken fixed ports are waited for
     */
    public CheckRunner forThisMachine(CheckSettings settings, LeaseOwner owner, Consumer<String> progress)
            throws LeaseDirectoryException {
        if (settings.skip()) {
            return new UncheckedPorts(settings);
        }
        PortCheck check = check(settings, owner).waitingForRelease(settings.waitTimeoutMillis(), progress);
        return () -> check.run(settings.requests(), settings.host(), settings.detector(), settings.onConflict());
    }

    private PortCheck check(CheckSettings settings, LeaseOwner owner) throws LeaseDirectoryException {
        List<String> warnings = new ArrayList<>();
        KernelPortRanges kernel = KernelPortRanges.ofThisSystem();
        PortPool pool;
        if (settings.portRange().isPresent()) {
            PortRange portRange = settings.portRange().get();
            List<PortRange> notHandedOut = new ArrayList<>(kernel.reserved());
            notHandedOut.addAll(kernel.excluded());
            notHandedOut.addAll(settings.exclude());
            pool = PortPool.of(portRange, notHandedOut);
            PortRange ephemeral = kernel.ephemeral();
            if (portRange.first() <= ephemeral.last() && portRange.last() >= ephemeral.first()) {
                warnings.add(names.of(Setting.PORT_RANGE) + " " + portRange + " overlaps the kernel's ephemeral range "
                        + ephemeral + ": an outgoing connection may take a chosen port before your server binds it.");
            }
        } else {
            pool = kernel.poolWithin(PortChooser.ANY_BASE, settings.exclude());
        }
        HostResolver resolver = new HostResolver(ExcludedPortsDetector.of(new BindDetector(), kernel.excluded()),
                ExcludedPortsDetector.of(new ConnectDetector(settings.connectTimeoutMillis()), kernel.excluded()));
        // ranges and blocks never take a port the system lets nobody bind, nor one the user excluded
        List<PortRange> neverChosen = new ArrayList<>(settings.exclude());
        neverChosen.addAll(kernel.excluded());
        PortChooser chooser = new PortChooser(pool, neverChosen, size -> ThreadLocalRandom.current().nextInt(size));
        HolderLookup lookup = HolderLookups.forThisSystem(debug);
        PortCheck check = new PortCheck(resolver, chooser, ports -> noted(lookup.find(ports)));
        LeaseFile leases = leaseFile(settings, warnings);
        return (leases == null ? check : check.leasingFrom(LeaseBook.in(leases), owner)).withWarnings(warnings);
    }

    /**
     * The checked lease file: in the directory configured, else in this user's own. Where it cannot be used, no
     * port can be leased, and the check fails rather than hand out a port another build may hold.
     */
    private Map<Integer, Holder> noted(Map<Integer, Holder> holders) {
        Map<Integer, Holder> noted = new HashMap<>();
        for (Map.Entry<Integer, Holder> e : holders.entrySet()) {
            String note = e.getValue() == null || !e.getValue().isKnown() ? null : notes.apply(e.getValue().pid());
            noted.put(e.getKey(), note == null ? e.getValue() : e.getValue().noted(note));
        }
        return noted;
    }

    private LeaseFile leaseFile(CheckSettings settings, List<String> warnings) throws LeaseDirectoryException {
        if (settings.leaseDirectory().isPresent()) {
            return LeaseDirectory.check(settings.leaseDirectory().get());
        }
        List<LeaseDirectoryException> problems = new ArrayList<>();
        LeaseFile own = LeaseDirectory.ofThisUser(Paths.get(System.getProperty("user.home")),
                Paths.get(System.getProperty("java.io.tmpdir")), System.getProperty("user.name"), problems);
        if (!problems.isEmpty()) {
            // A home directory on a network file system is no one's doing: only worth a word when asked.
            String why = "The lease directory in the home directory is not used: " + problems.get(0).getMessage()
                    + ". Leases go to " + own.directory() + "; set " + names.of(Setting.LEASE_DIRECTORY)
                    + " to choose the directory yourself.";
            if (problems.get(0).placement()) {
                debug.accept(why);
            } else {
                warnings.add(why);
            }
        }
        return own;
    }
}
