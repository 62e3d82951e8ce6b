package io.github.portcheck.allocation;

import io.github.portcheck.system.ProcessTree;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ports this plugin realm has leased in one lease directory: every module of the build, serial or
 * parallel, asks the same book; other realms of this JVM are seen through {@link JvmLeases}, other processes
 * through the lock files ({@link LeaseTable}). A lease ends when its module ends ({@link #endModule}), at the
 * latest when its build ends ({@link #endBuild}) or the JVM exits.
 */
public final class LeaseBook {
    private static final Map<Path, LeaseBook> BOOKS = new HashMap<>();

    private final Path directory;
    /** This directory's leases in every realm of the JVM. */
    private final JvmLeases jvm;
    private final Map<Integer, PortLease> leases = new HashMap<>();
    /** Open while this book holds a lease. */
    private LeaseTable table;

    private LeaseBook(Path directory) {
        this.directory = directory;
        this.jvm = new JvmLeases(directory);
    }

    /** The book of a directory that {@link LeaseDirectory#open} checked. */
    public static LeaseBook in(Path checkedDirectory) {
        synchronized (BOOKS) {
            return BOOKS.computeIfAbsent(checkedDirectory, LeaseBook::new);
        }
    }

    /** Ends the leases of {@code module} in every book of this realm. */
    public static void endModule(LeaseOwner module) {
        releaseEverywhere(module::sameModule);
    }

    /** Ends the leases of every module of {@code build} in every book of this realm. */
    public static void endBuild(LeaseOwner build) {
        releaseEverywhere(build::sameBuild);
    }

    private static void releaseEverywhere(Predicate<LeaseOwner> whose) {
        List<LeaseBook> books;
        synchronized (BOOKS) {
            books = new ArrayList<>(BOOKS.values());
        }
        for (LeaseBook book : books) {
            book.releaseAll(whose);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Leases {@code port} to {@code owner}, unless another module, realm or process holds it. */
    public synchronized Claim claim(int port, LeaseOwner owner) {
        // The registry holds every lease of this JVM, this realm's included.
        LeaseOwner other = jvm.reserve(port, owner);
        if (other != null) {
            return other.sameModule(owner) ? Claim.granted(PortLease.heldAlready(port, owner))
                    : Claim.refused("leased by " + (other.sameBuild(owner) ? "this build" : "another build in this JVM")
                            + " (" + other.label() + ")");
        }
        try {
            List<FileLock> locks;
            synchronized (LeaseTable.MONITOR) {
                if (table == null) {
                    table = LeaseTable.open(directory, jvm, pid());
                }
                locks = table.lock(port);
            }
            PortLease lease = new PortLease(port, owner, locks, this);
            leases.put(port, lease);
            return Claim.granted(lease);
        } catch (LeaseTable.Unavailable e) {
            jvm.free(port, owner);
            return Claim.refused(e.getMessage());
        }
    }

    /** Ends one lease; the lock files stay open for the module's next ports, until the module ends. */
    synchronized void release(PortLease lease) {
        if (leases.get(lease.port()) == lease) {
            leases.remove(lease.port());
            end(lease);
        }
    }

    private synchronized void releaseAll(Predicate<LeaseOwner> whose) {
        List<PortLease> ending = new ArrayList<>();
        for (Iterator<PortLease> it = leases.values().iterator(); it.hasNext(); ) {
            PortLease lease = it.next();
            if (whose.test(lease.owner())) {
                it.remove();
                ending.add(lease);
            }
        }
        synchronized (LeaseTable.MONITOR) {
            for (PortLease lease : ending) {
                jvm.free(lease.port(), lease.owner());
            }
            // With the book empty and no other realm here, closing the lock files drops these locks at once.
            if (!ending.isEmpty() && (!leases.isEmpty() || jvm.any())) {
                for (PortLease lease : ending) {
                    LeaseTable.release(lease.locks());
                }
            }
            closeIfIdle(); // also for a module that leased nothing in the end: every port it tried was taken
        }
    }

    private void end(PortLease lease) {
        LeaseTable.release(lease.locks());
        jvm.free(lease.port(), lease.owner());
    }

    /** With no lease left when a module ends, the lock files are closed: nothing outlives the modules. */
    private void closeIfIdle() {
        if (leases.isEmpty() && table != null) {
            synchronized (LeaseTable.MONITOR) {
                table.close();
            }
            table = null;
        }
    }

    /** The ports this book holds now, for tests and debug logs. */
    public synchronized List<Integer> ports() {
        return new ArrayList<>(leases.keySet());
    }

    /**
     * This JVM's PID, cheaply: /proc/self on Linux; ProcessHandle (Java 9+, by reflection since the plugin
     * targets Java 8); the RuntimeMXBean's "pid@host" last, as starting JMX costs tens of milliseconds.
     */
    static String pid() {
        String pid = PID;
        if (pid == null) {
            PID = pid = findPid();
        }
        return pid;
    }

    private static volatile String PID;

    private static String findPid() {
        long pid = ProcessTree.forThisSystem().self();
        if (pid > 0) {
            return Long.toString(pid);
        }
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
