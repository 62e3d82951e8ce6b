package io.github.portcheck.allocation;

import io.github.portcheck.system.ProcessTree;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lock files of one lease directory, one per user ({@code leases-USER.lock}), as this realm holds them open. A
 * port's lease is an OS lock on the port's bytes in each of them, taken in name order. The operating system drops
 * the locks when the process ends, even by kill -9; no file is made or removed per lease, so a lease costs a few
 * lock calls.
 *
 * <p>Why this is exact: each build makes or opens its own file before it lists the directory, and never removes it,
 * so of two builds at least one lists the other's own file; both lock it, so at most one gets the port; taking the
 * files in one order means one of them does. Only its user can replace a file of that user in the checked
 * directory (it belongs to that user or root, and has the sticky bit if others may write it), so no other user can
 * split the two builds apart.
 */
final class LeaseTable {
    /**
     * One monitor for every plugin realm of the JVM (string literals are interned JVM-wide): a channel of a lock file
     * is opened or closed only under it, and closed only while no realm holds a lease in its directory.
     */
    static final Object MONITOR = "io.github.portcheck.allocation.LeaseTable";

    private final Path directory;
    private final JvmLeases jvm;
    private final String pid;
    /** What this process writes into its own file for each port it leases. */
    private final byte[] record;
    /** In name order, this user's own file among them. */
    private final List<UserLockFile> files;
    private final UserLockFile own;
    private final List<FileChannel> opened;

    private LeaseTable(Path directory, JvmLeases jvm, String pid, List<UserLockFile> files, UserLockFile own,
            List<FileChannel> opened) {
        this.directory = directory;
        this.jvm = jvm;
        this.pid = pid;
        this.record = UserLockFile.record(pid);
        this.files = files;
        this.own = own;
        this.opened = opened;
    }

    /** Refused: another process holds the lease, a file is not this user's lock file, or the table is unusable. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }
    }

    /**
     * Opens this user's own file (made if missing), then every other user's file the directory holds now. Call
     * under {@link #MONITOR}.
     *
     * @param jvm  this directory's leases in every realm of the JVM
     * @param pid  this process's
     */
    static LeaseTable open(Path directory, JvmLeases jvm, String pid) throws Unavailable {
        List<FileChannel> opened = new ArrayList<>();
        try {
            UserLockFile own = null;
            List<String> refused = new ArrayList<>();
            for (String name : ownNames()) {
                try {
                    own = UserLockFile.own(directory.resolve(name), opened);
                    break;
                } catch (Unavailable e) { // not this user's file: the next name
                    refused.add(e.getMessage());
                }
            }
            if (own == null) {
                throw new Unavailable("no lock file of user " + System.getProperty("user.name") + " can be used in "
                        + directory + ": " + String.join("; ", refused));
            }
            Map<String, UserLockFile> byName = new TreeMap<>();
            byName.put(own.path().getFileName().toString(), own);
            try (DirectoryStream<Path> all = Files.newDirectoryStream(directory,
                    UserLockFile.PREFIX + "*" + UserLockFile.SUFFIX)) {
                for (Path path : all) {
                    String name = path.getFileName().toString();
                    if (!byName.containsKey(name)) {
                        UserLockFile other = UserLockFile.other(path, opened);
                        if (other != null) {
                            byName.put(name, other);
                        }
                    }
                }
            }
            return new LeaseTable(directory, jvm, pid, new ArrayList<>(byName.values()), own, opened);
        } catch (IOException | RuntimeException e) {
            closeWhenFree(directory, jvm, opened);
            throw new Unavailable("lease directory " + directory + " unusable: " + Problems.of(e));
        } catch (Unavailable e) {
            closeWhenFree(directory, jvm, opened);
            throw e;
        }
    }

    /** leases-USER.lock, then leases-USER-2.lock and so on where another user squats a name. */
    private static List<String> ownNames() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        List<String> names = new ArrayList<>();
        names.add(UserLockFile.PREFIX + user + UserLockFile.SUFFIX);
        for (int i = 2; i <= 4; i++) {
            names.add(UserLockFile.PREFIX + user + "-" + i + UserLockFile.SUFFIX);
        }
        return names;
    }

    /**
     * Locks {@code port} in every file, in name order, and records this process in its own file. Call under
     * {@link #MONITOR}.
     *
     * @return the locks, to release when the lease ends
     */
    List<FileLock> lock(int port) throws Unavailable {
        List<FileLock> locks = new ArrayList<>(files.size());
        try {
            for (UserLockFile file : files) {
                FileLock lock = file.tryLock(port);
                if (lock == null) {
                    release(locks);
                    throw new Unavailable("leased by another build (" + holder(port) + ")");
                }
                locks.add(lock);
            }
            own.record(port, record);
            return locks;
        } catch (OverlappingFileLockException e) {
            release(locks);
            throw new Unavailable("leased by another build in this JVM");
        } catch (IOException | RuntimeException e) {
            release(locks);
            throw new Unavailable("lease directory " + directory + " unusable: " + Problems.of(e));
        }
    }

    /** "PID n": the first living process, other than this one, that a file records for the port. */
    private String holder(int port) {
        for (UserLockFile file : files) {
            long pid = file.recordedHolder(port);
            if (pid > 0 && !Long.toString(pid).equals(this.pid) && ProcessTree.forThisSystem().alive(pid) != 0) {
                return "PID " + pid;
            }
        }
        return "PID unknown";
    }

    static void release(List<FileLock> locks) {
        for (FileLock lock : locks) {
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // the lock goes with the channel or the process at the latest
            }
        }
    }

    /** Closes every channel, at once if no realm of this JVM holds a lease here. Call under {@link #MONITOR}. */
    void close() {
        closeWhenFree(directory, jvm, opened);
    }

    /**
     * Closes {@code channels} if no realm of this JVM holds a lease in {@code directory}, with any kept from earlier;
     * else keeps them for the next call: closing one would drop that realm's locks.
     */
    private static void closeWhenFree(Path directory, JvmLeases jvm, List<FileChannel> channels) {
        List<FileChannel> kept = KEPT.computeIfAbsent(directory, d -> new ArrayList<>());
        kept.addAll(channels);
        channels.clear();
        if (jvm.any()) {
            return;
        }
        for (FileChannel channel : kept) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing is held through it
            }
        }
        KEPT.remove(directory);
    }

    /** Channels of this realm that could not be closed yet, by directory; guarded by {@link #MONITOR}. */
    private static final Map<Path, List<FileChannel>> KEPT = new HashMap<>();
}
