package io.github.portcheck.check;

import io.github.portcheck.allocation.KernelPortRanges;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseDirectoryException;
import io.github.portcheck.allocation.LeaseFile;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.holder.HolderLookups;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.ExcludedPortsDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.spec.CheckSettings;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.PortRange;
import io.github.portcheck.spec.Setting;
import io.github.portcheck.spec.SettingNames;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Wires the check for this machine: real detectors, "any free port" outside the kernel's ephemeral and reserved
 * ports and the user's exclusions (or in {@code portRange}), the /proc holder lookup, and leases shared by every
 * module of the build and every build of the machine.
 */
public final class CheckFactory {
    private final SettingNames names;
    private final Consumer<String> debug;

    /**
     * @param names how the settings are called in the warnings the set-up gives
     * @param debug told what a user needs only when asking why, e.g. why a holder could not be named
     */
    public CheckFactory(SettingNames names, Consumer<String> debug) {
        this.names = names;
        this.debug = debug;
    }

    /** @param owner the module that runs the check; its leases end when it ends (see {@link LeaseBook#endModule}) */
    public PortCheck newCheck(CheckSettings settings, LeaseOwner owner) throws ConfigurationException,
            LeaseDirectoryException {
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
        HostResolver resolver = new HostResolver(settings.detector(),
                ExcludedPortsDetector.of(new BindDetector(), kernel.excluded()),
                ExcludedPortsDetector.of(new ConnectDetector(settings.connectTimeoutMillis()), kernel.excluded()));
        // ranges and blocks never take a port the system lets nobody bind, nor one the user excluded
        List<PortRange> neverChosen = new ArrayList<>(settings.exclude());
        neverChosen.addAll(kernel.excluded());
        PortChooser chooser = new PortChooser(pool, neverChosen, size -> ThreadLocalRandom.current().nextInt(size));
        PortCheck check = new PortCheck(resolver, chooser, HolderLookups.forThisSystem(debug));
        LeaseFile leases = leaseFile(settings, warnings);
        return (leases == null ? check : check.leasingFrom(LeaseBook.in(leases), owner)).withWarnings(warnings);
    }

    /**
     * The checked lease file: in the directory configured, else in this user's own. A configured directory that
     * cannot be used is a configuration mistake; where no directory of the user's own can be used, no port can be
     * leased, and the check fails rather than hand out a port another build may hold.
     */
    private LeaseFile leaseFile(CheckSettings settings, List<String> warnings) throws ConfigurationException,
            LeaseDirectoryException {
        if (settings.leaseDirectory().isPresent()) {
            Path configured = settings.leaseDirectory().get();
            try {
                return LeaseDirectory.check(configured);
            } catch (LeaseDirectoryException e) {
                throw new ConfigurationException(Setting.LEASE_DIRECTORY, configured.toString(), e.getMessage(),
                        LEASE_DIRECTORIES);
            }
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

    /** What a configured lease directory may be. */
    public static final String LEASE_DIRECTORIES = "a directory on a local file system that belongs to you or root,"
            + " that only its owner may write, and whose folders belong to you or root (for the builds of several"
            + " users, one that root made with a lock file " + LeaseDirectory.FILE_NAME + " open to them)";
}
