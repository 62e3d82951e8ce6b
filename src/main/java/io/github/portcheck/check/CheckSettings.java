package io.github.portcheck.check;

import io.github.portcheck.allocation.KernelPortRanges;
import io.github.portcheck.allocation.LeaseBook;
import io.github.portcheck.allocation.LeaseDirectory;
import io.github.portcheck.allocation.LeaseOwner;
import io.github.portcheck.allocation.UnsafeLeaseDirectoryException;
import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.holder.ProcNetHolderLookup;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.DetectorChoice;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.spec.ConfigurationException;
import io.github.portcheck.spec.PortRange;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The check's parameters other than the ports, read from their text with a clear message for each mistake. */
public final class CheckSettings {
    private static final String PORT_RANGE = "parameter portRange (portcheck.portRange)";
    private static final String LEASE_DIRECTORY = "parameter leaseDirectory (portcheck.leaseDirectory)";

    private final DetectorChoice detector;
    private final String host;
    private final int connectTimeoutMillis;
    private final ConflictPolicy policy;
    private final PortRange portRange;
    private final Path leaseDirectory;

    CheckSettings(DetectorChoice detector, String host, int connectTimeoutMillis, ConflictPolicy policy,
            PortRange portRange, Path leaseDirectory) {
        this.detector = detector;
        this.host = host;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.policy = policy;
        this.portRange = portRange;
        this.leaseDirectory = leaseDirectory;
    }

    public static CheckSettings parse(String detector, String host, String connectTimeout, String onConflict)
            throws ConfigurationException {
        return parse(detector, host, connectTimeout, onConflict, null, null);
    }

    /**
     * @param portRange      where "any free port" comes from, e.g. "20000-29999"; null for the default
     * @param leaseDirectory where leases are kept; null for the default
     */
    public static CheckSettings parse(String detector, String host, String connectTimeout, String onConflict,
            String portRange, Path leaseDirectory) throws ConfigurationException {
        if (host == null || host.trim().isEmpty()) {
            throw new ConfigurationException("parameter host (portcheck.host)", String.valueOf(host), "the host is empty",
                    "localhost (this machine, the default), a host name, or an IPv4 or IPv6 address");
        }
        return new CheckSettings(DetectorChoice.parse(detector), host.trim(), timeout(connectTimeout),
                ConflictPolicy.parse(onConflict), range(portRange), leaseDirectory);
    }

    private static int timeout(String text) throws ConfigurationException {
        int millis;
        try {
            millis = Integer.parseInt(String.valueOf(text).trim());
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis <= 0) {
            throw new ConfigurationException("parameter connectTimeout (portcheck.connectTimeout)", String.valueOf(text),
                    "not a positive number of milliseconds", "a whole number of milliseconds from 1 to "
                            + Integer.MAX_VALUE);
        }
        return millis;
    }

    private static PortRange range(String text) throws ConfigurationException {
        if (text == null || text.trim().isEmpty()) {
            return null;
        }
        String[] bounds = text.trim().split("-", -1);
        try {
            if (bounds.length == 2) {
                return PortRange.of(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
            }
        } catch (IllegalArgumentException e) { // also NumberFormatException
            // reported below
        }
        throw new ConfigurationException(PORT_RANGE, text, "not a range of ports",
                "FIRST-LAST with 1 <= FIRST <= LAST <= 65535, e.g. 20000-29999");
    }

    public DetectorChoice detector() {
        return detector;
    }

    public String host() {
        return host;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public ConflictPolicy policy() {
        return policy;
    }

    /**
     * The check wired for this machine: real detectors, "any free port" outside the kernel's ephemeral and
     * reserved ports (or in {@code portRange}), the /proc holder lookup, and leases shared by every module of
     * the build and every build of the machine.
     *
     * @param owner the module that runs the check; its leases end when it ends (see {@link LeaseBook#endModule})
     */
    public PortCheck newCheck(LeaseOwner owner) throws ConfigurationException {
        List<String> warnings = new ArrayList<>();
        KernelPortRanges kernel = KernelPortRanges.ofThisSystem();
        PortPool pool;
        if (portRange == null) {
            pool = kernel.poolWithin(PortChooser.ANY_BASE);
        } else {
            pool = PortPool.of(portRange, kernel.reserved());
            PortRange ephemeral = kernel.ephemeral();
            if (portRange.first() <= ephemeral.last() && portRange.last() >= ephemeral.first()) {
                warnings.add("portRange " + portRange + " overlaps the kernel's ephemeral range " + ephemeral
                        + ": an outgoing connection may take a chosen port before your server binds it.");
            }
        }
        HostResolver resolver = new HostResolver(detector, new BindDetector(), new ConnectDetector(connectTimeoutMillis));
        PortChooser chooser = new PortChooser(pool, size -> ThreadLocalRandom.current().nextInt(size));
        PortCheck check = new PortCheck(resolver, chooser, ProcNetHolderLookup.forThisSystem());
        Path directory = leaseDirectory(warnings);
        return (directory == null ? check : check.leasingFrom(LeaseBook.in(directory), owner)).withWarnings(warnings);
    }

    /** The checked lease directory: the one configured, else the first default that is safe to use. */
    private Path leaseDirectory(List<String> warnings) throws ConfigurationException {
        if (leaseDirectory != null) {
            try {
                return LeaseDirectory.open(leaseDirectory, true);
            } catch (UnsafeLeaseDirectoryException e) {
                throw new ConfigurationException(LEASE_DIRECTORY, leaseDirectory.toString(), e.getMessage(),
                        "a directory of this user or root, which other users may write only if it has the sticky bit");
            }
        }
        Path shared = sharedLeaseDirectory();
        try {
            return LeaseDirectory.open(shared, true);
        } catch (UnsafeLeaseDirectoryException e) {
            Path own = privateLeaseDirectory();
            try {
                Path dir = LeaseDirectory.open(own, false);
                warnings.add("The shared lease directory is not used: " + e.getMessage() + ". Leases go to " + dir
                        + ", which builds of other users do not see. Set " + LEASE_DIRECTORY + " to silence this.");
                return dir;
            } catch (UnsafeLeaseDirectoryException second) {
                warnings.add("No lease directory is usable (" + e.getMessage() + "; " + second.getMessage() + "):"
                        + " ports are not protected against other builds running at the same time. Set "
                        + LEASE_DIRECTORY + ".");
                return null;
            }
        }
    }

    /** One directory for all builds of the machine. */
    static Path sharedLeaseDirectory() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "portcheck-leases");
    }

    /** This user's, where the shared one is not safe. */
    static Path privateLeaseDirectory() {
        return Paths.get(System.getProperty("user.home"), ".portcheck", "leases");
    }
}
