package io.github.portcheck.allocation;

import io.github.portcheck.system.ProcessTree;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ports this plugin realm has leased in one lease file: every module of the build, serial or parallel, asks the
 * same book; other realms of this JVM are seen through {@link JvmLeases}, other processes through the file's locks.
 * One book per file identity, so that two paths to one file never open it twice. A lease ends when its module ends
 * ({@link #endModule}), at the latest when its build ends ({@link #endBuild}) or the process exits; the file is
 * open only while the realm has a lease or a module that is leasing, and closed by {@link #closeIdle} at the latest.
 */
public final class LeaseBook {
    private static final Map<String, LeaseBook> BOOKS = new HashMap<>();

    /** As last checked: an identity names one file only while the file exists, and an idle book holds none open. */
    private LeaseFile file;
    /** This file's leases in every realm of the JVM. */
    private final JvmLeases jvm;
    private final Map<Integer, PortLease> leases = new HashMap<>();
    /** Open from the first claim until the book is idle. */
    private LockFile open;

    private LeaseBook(LeaseFile file) {
        this.file = file;
        this.jvm = new JvmLeases(file.identity());
    }

    /** The book of a lease file that {@link LeaseDirectory#check} checked. */
    public static LeaseBook in(LeaseFile file) {
        LeaseBook book;
        synchronized (BOOKS) {
            book = BOOKS.computeIfAbsent(file.identity(), identity -> new LeaseBook(file));
        }
        book.checked(file);
        return book;
    }

    /**
     * While the book holds its file open, the file lives, so its identity names it and no other; once closed, the
     * file may be gone and its inode given to another, so the book opens the file checked last.
     */
    private synchronized void checked(LeaseFile latest) {
        if (open == null) {
            file = latest;
        }
    }

    /** Ends the leases of {@code module} in every book of this realm, and closes the files no realm needs. */
    public static void endModule(LeaseOwner module) {
        releaseEverywhere(module::sameModule);
    }

    /** Ends the leases of every module of {@code build} in every book of this realm, and closes idle files. */
    public static void endBuild(LeaseOwner build) {
        releaseEverywhere(build::sameBuild);
    }

    /**
     * Closes every file of this realm that no realm holds a lease in. A realm cannot close a file while another
     * realm holds leases in it (closing drops every lock of the process); the front end calls this once more after
     * every realm has seen the end of a module or build, so that each one closes its own.
     */
    public static void closeIdle() {
        for (LeaseBook book : books()) {
            book.closeIfIdle();
        }
    }

    private static void releaseEverywhere(Predicate<LeaseOwner> whose) {
        for (LeaseBook book : books()) {
            book.releaseAll(whose);
        }
    }

    private static List<LeaseBook> books() {
        synchronized (BOOKS) {
            return new ArrayList<>(BOOKS.values());
        }
    }

    /**
     * Leases {@code port} to {@code owner}, unless another module, realm or process holds it.
     *
     * @throws LeaseDirectoryException where the lease file cannot be opened or locked: no port can be leased
     */
    public synchronized Claim claim(int port, LeaseOwner owner) throws LeaseDirectoryException {
        PortLease held = leases.get(port);
        if (held != null) {
            return held.owner().sameModule(owner) ? Claim.granted(PortLease.heldAlready(port, owner))
                    : Claim.refused(heldWithin(held.owner(), owner));
        }
        FileLock lock;
        try {
            synchronized (LockFile.MONITOR) {
                if (open == null) {
                    open = LockFile.open(file);
                }
                lock = open.tryLock(port);
            }
        } catch (OverlappingFileLockException e) {
            // Another realm of this JVM holds it: the JDK keeps one table of the locks of every file for the JVM.
            LeaseOwner other = jvm.holder(port);
            if (other != null && other.sameModule(owner)) {
                return Claim.granted(PortLease.heldAlready(port, owner));
            }
            return Claim.refused(other == null ? "leased by another build in this JVM" : heldWithin(other, owner));
        } catch (LeaseDirectoryException e) {
            closeIfIdle();
            throw e;
        }
        if (lock == null) {
            return Claim.byAnotherProcess();
        }
        jvm.hold(port, owner);
        open.record(port, RECORD.get());
        PortLease lease = new PortLease(port, owner, lock, this);
        leases.put(port, lease);
        return Claim.granted(lease);
    }

    private static String heldWithin(LeaseOwner holder, LeaseOwner asking) {
        return "leased by " + (holder.sameBuild(asking) ? "this build" : "another build in this JVM") + " ("
                + holder.label() + ")";
    }

    /**
     * Who holds each of {@code ports} in another process: "PID n", or "PID unknown" where the kernel names none (an
     * open file description's lock) or cannot be asked. One bounded read for all: call it for the ports a report
     * shows, not while claiming, as any user can make the kernel's list long.
     */
    public synchronized Map<Integer, String> holders(List<Integer> ports) {
        Map<Integer, String> named = new HashMap<>();
        Map<Integer, Long> found = LockFile.kernelHolders(file, ports);
        if (open != null) {
            open.addRecordedHolders(ports, found);
        }
        for (int port : ports) {
            Long pid = found.get(port);
            named.put(port, pid != null && pid > 0 ? "PID " + pid : "PID unknown");
        }
        return named;
    }

    /** Ends one lease; the lock file stays open for the module's next ports, until the module ends. */
    synchronized void release(PortLease lease) {
        if (leases.get(lease.port()) == lease) {
            leases.remove(lease.port());
            lease.unlock();
            jvm.free(lease.port(), lease.owner());
        }
    }

    private synchronized void releaseAll(Predicate<LeaseOwner> whose) {
        for (Iterator<PortLease> it = leases.values().iterator(); it.hasNext(); ) {
            PortLease lease = it.next();
            if (whose.test(lease.owner())) {
                it.remove();
                lease.unlock();
                jvm.free(lease.port(), lease.owner());
            }
        }
        closeIfIdle(); // also for a module that leased nothing in the end: every port it tried was taken
    }

    /**
     * With no lease left in this realm, the file is closed, unless another realm still holds a lock in it: closing
     * any descriptor of a file drops every lock of the process on it.
     */
    private synchronized void closeIfIdle() {
        if (open == null || !leases.isEmpty()) {
            return;
        }
        synchronized (LockFile.MONITOR) {
            if (!open.lockedInThisJvm()) {
                open.close();
                open = null;
            }
        }
    }

    /** What this process writes as the holder of each port it leases in a file of its own. */
    private static final Lazy RECORD = new Lazy();

    /**
     * This JVM's PID record, made on first use: /proc/self on Linux; ProcessHandle (Java 9+, by reflection since the
     * plugin targets Java 8); the RuntimeMXBean's "pid@host" last, as starting JMX costs tens of milliseconds.
     */
    private static final class Lazy {
        private volatile byte[] record;

        byte[] get() {
            byte[] r = record;
            if (r == null) {
                record = r = LockFile.record(pid());
            }
            return r;
        }

        private static String pid() {
            long pid = ProcessTree.forThisSystem().self();
            if (pid > 0) {
                return Long.toString(pid);
            }
            String name = ManagementFactory.getRuntimeMXBean().getName();
            int at = name.indexOf('@');
            return at > 0 ? name.substring(0, at) : name;
        }
    }
}
