package io.github.portcheck.allocation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a lease directory against the other users of the machine before anything in it is made or opened, and
 * yields its lock file, {@value #FILE_NAME}.
 *
 * <ul>
 *   <li>Every entry on the way, symbolic links included, belongs to this user or root: the owner of a folder may
 *       rename what is in it, so another user's folder anywhere above could swap the lease directory for another.
 *       A folder above that others may write needs the sticky bit (as /tmp has), so that they cannot rename what
 *       they do not own.</li>
 *   <li>The lease directory belongs to this user or root, and only its owner may write it: nobody else can plant a
 *       file, a link or a FIFO in it. It lies on a local file system: ports belong to one host.</li>
 *   <li>A missing folder is made with mode 0700 in the call that makes it, once the folder above it passed; no mode
 *       is ever set afterwards, by path or otherwise.</li>
 *   <li>The lock file is made (mode 0600) only in a directory of this user that no one else may enter; for the
 *       builds of several users root makes it, and every user locks byte ranges in that one file. A lock file must be
 *       a regular file of this user or root: a build never opens a file that another user made, which could make the
 *       open block (a lease) or hold the build's locks hostage.</li>
 * </ul>
 */
public final class LeaseDirectory {
    public static final String FILE_NAME = "leases.lock";
    /** Hops through symbolic links before a path counts as a loop, as the kernel's own limit. */
    private static final int MAX_LINKS = 40;
    private static final Set<String> NETWORK_FILE_SYSTEMS = new HashSet<>(Arrays.asList("nfs", "nfs4", "cifs", "smb",
            "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs", "sshfs", "afs", "ncpfs",
            "9p", "glusterfs", "ceph", "lustre", "gpfs", "beegfs"));
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?> PRIVATE_DIRECTORY = POSIX
            ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")) : null;
    private static final FileAttribute<?> PRIVATE_FILE = POSIX
            ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) : null;
    private static final Set<OpenOption> NEW_FILE_OPTIONS = new HashSet<>(Arrays.<OpenOption>asList(
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));

    private LeaseDirectory() {
    }

    /**
     * The lock file of {@code directory}, every entry on the way checked; missing folders and, where it may, the lock
     * file itself are made.
     *
     * @throws LeaseDirectoryException naming the path, what is wrong with it and what to do
     */
    public static LeaseFile check(Path directory) throws LeaseDirectoryException {
        Path dir = directory.toAbsolutePath();
        try {
            Path real = checkedDirectory(dir, Use.LEASES);
            FileFacts facts = FileFacts.of(real);
            checkLocal(real, facts);
            return lockFile(real, facts);
        } catch (LeaseDirectoryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LeaseDirectoryException(dir + " cannot be read (" + FileErrors.of(e) + ")");
        }
    }

    /**
     * This user's own lease directory: {@code .portcheck} in the home directory, else {@code portcheck-USER} in the
     * temporary directory. Home comes first because no other user can change whether it is usable: a folder in the
     * temporary directory can be squatted and freed again at will, and builds that chose differently meanwhile
     * would lease from two files. The temporary directory serves where the home directory cannot (a network file
     * system, a home that is not the user's).
     *
     * @param problems receives why a candidate was not used
     * @throws LeaseDirectoryException when neither can be used, with both reasons
     */
    public static LeaseFile ofThisUser(Path home, Path tmp, String user, List<LeaseDirectoryException> problems)
            throws LeaseDirectoryException {
        for (Path candidate : new Path[] {home.resolve(".portcheck"), tmp.resolve("portcheck-" + safe(user))}) {
            try {
                return check(candidate);
            } catch (LeaseDirectoryException e) {
                problems.add(e);
            }
        }
        throw new LeaseDirectoryException("no lease directory of user " + user + " can be used ("
                + problems.get(0).getMessage() + "; " + problems.get(1).getMessage() + ")", false);
    }

    /**
     * The folder {@code dir} for files a build writes and then reads back, such as a server's log, checked from the
     * root as a lease directory is, so that no other user can swap, link or plant what the build opens there: each
     * folder belongs to this user or root, others may write it only with the sticky bit, and {@code dir} itself not
     * at all (a group of its owner's own name is the owner). Missing folders are made with mode 0700.
     *
     * @return its real path
     * @throws LeaseDirectoryException naming the folder, what is wrong with it and what to do
     */
    public static Path checkedFolder(Path dir) throws LeaseDirectoryException {
        Path absolute = dir.toAbsolutePath();
        try {
            return checkedDirectory(absolute, Use.OWN_FILES);
        } catch (LeaseDirectoryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LeaseDirectoryException(absolute + " cannot be read (" + FileErrors.of(e) + ")");
        }
    }

    /**
     * A folder of this user's own in the lease directory {@code file} lies in, e.g. for the records of the servers a
     * build started: made with mode 0700 if missing; it must be a directory of this user that nobody else may enter.
     */
    public static Path privateFolder(LeaseFile file, String name) throws LeaseDirectoryException {
        Path folder = file.directory().resolve(name);
        try {
            try {
                if (POSIX) {
                    Files.createDirectory(folder, PRIVATE_DIRECTORY);
                } else {
                    Files.createDirectory(folder);
                }
            } catch (FileAlreadyExistsException e) {
                // checked as it is
            }
            FileFacts facts = FileFacts.of(folder);
            if (!facts.isDirectory() || !facts.ownedByThisUser() || !facts.privateToOwner()) {
                throw new LeaseDirectoryException(folder + " is not a private folder of user "
                        + System.getProperty("user.name") + " (" + facts.kind() + ", " + facts.ownerAndMode()
                        + "); remove it");
            }
            return folder;
        } catch (IOException e) {
            throw new LeaseDirectoryException(folder + " cannot be made (" + FileErrors.of(e) + ")");
        }
    }

    private static String safe(String user) {
        return user.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The real path of {@code dir}, each entry from the root checked, missing folders made. */
    private static Path checkedDirectory(Path dir, Use use) throws IOException, LeaseDirectoryException {
        Path at = dir.getRoot();
        Deque<String> names = names(dir);
        int hops = 0;
        while (!names.isEmpty()) {
            String name = names.pop();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                at = at.getParent() == null ? at : at.getParent();
                continue;
            }
            Path next = at.resolve(name);
            FileFacts facts;
            try {
                facts = FileFacts.of(next);
            } catch (NoSuchFileException e) {
                names.push(name);
                return made(at, names, dir, use);
            }
            if (facts.isSymbolicLink()) {
                if (!facts.ownedByThisUserOrRoot()) {
                    throw new LeaseDirectoryException(next + " is a symbolic link of user " + facts.owner() + ", who"
                            + " could point it anywhere; remove it, or use another directory");
                }
                if (++hops > MAX_LINKS) {
                    throw new LeaseDirectoryException(dir + " cannot be reached: too many symbolic links");
                }
                Path target = Files.readSymbolicLink(next);
                Deque<String> rest = names;
                names = names(target);
                names.addAll(rest);
                if (target.isAbsolute()) {
                    at = target.getRoot();
                }
                continue;
            }
            checkFolder(next, facts, names.isEmpty() ? null : dir, use);
            at = next;
        }
        return at;
    }

    private static Deque<String> names(Path path) {
        Deque<String> names = new ArrayDeque<>();
        for (Path name : path) {
            names.add(name.toString());
        }
        return names;
    }

    /** Makes each missing folder below {@code at}, mode 0700 from the start, and checks it as if it had been there. */
    private static Path made(Path at, Deque<String> missing, Path dir, Use use) throws IOException,
            LeaseDirectoryException {
        while (!missing.isEmpty()) {
            String name = missing.pop();
            if (name.equals(".") || name.equals("..")) {
                throw new LeaseDirectoryException(dir + " cannot be made: write it without '.' or '..'");
            }
            Path next = at.resolve(name);
            try {
                if (POSIX) {
                    Files.createDirectory(next, PRIVATE_DIRECTORY);
                } else {
                    Files.createDirectory(next);
                }
            } catch (FileAlreadyExistsException e) {
                // made by another build meanwhile: checked as it is, like any other
            } catch (IOException e) {
                throw new LeaseDirectoryException(next + " cannot be made (" + FileErrors.of(e) + "); make it, or use"
                        + " another directory");
            }
            checkFolder(next, FileFacts.of(next), missing.isEmpty() ? null : dir, use);
            at = next;
        }
        return at;
    }

    /**
     * A folder above the checked directory {@code below} (or, where null, that directory itself): a directory of this
     * user or root that others may write only with the sticky bit; the checked directory, not at all.
     */
    private static void checkFolder(Path path, FileFacts facts, Path below, Use use) throws LeaseDirectoryException {
        String what = below == null ? path.toString() : path + ", above " + below + ",";
        if (!facts.isDirectory()) {
            throw new LeaseDirectoryException(what + " is not a directory (" + facts.kind() + ", "
                    + facts.ownerAndMode() + "); " + (facts.ownedByThisUser() ? "remove it" : "its owner or root can"
                    + " remove it") + ", or use another directory");
        }
        if (!facts.ownedByThisUserOrRoot()) {
            throw new LeaseDirectoryException(what + " belongs to user " + facts.owner() + ", who could "
                    + (below == null ? "replace " + use.content + " in it" : "rename " + use.folder + " and put"
                    + " another in its place") + "; use a directory whose folders belong to you or root");
        }
        boolean othersMayWrite = use == Use.LEASES ? facts.othersMayWrite() : facts.anotherUserMayWrite();
        if (below != null && othersMayWrite && !facts.sticky()) {
            throw new LeaseDirectoryException(what + " may be written by other users and has no sticky bit ("
                    + facts.ownerAndMode() + "), so they could rename " + use.folder + " and put another in its"
                    + " place; " + byOwner(facts, "chmod +t " + path) + ", or use another directory");
        }
        if (below == null && othersMayWrite) {
            throw new LeaseDirectoryException(what + " may be written by other users (" + facts.ownerAndMode()
                    + "), who could plant files in it; " + byOwner(facts, "chmod go-w " + path) + ", or use another"
                    + " directory");
        }
    }

    /** What a checked directory holds, as the messages name it, and who counts as another user. */
    private enum Use {
        /** Lock files: a group that may write is another user, whatever its name. */
        LEASES("the lease directory", "the lock file"),
        /** Files a build writes and reads back, in a folder the user chose: a user private group is the user. */
        OWN_FILES("the folder", "the files");

        final String folder;
        final String content;

        Use(String folder, String content) {
            this.folder = folder;
            this.content = content;
        }
    }

    /** "run: CMD" where this user owns the path, else "ask root to run: sudo CMD". */
    private static String byOwner(FileFacts facts, String command) {
        return facts.ownedByThisUser() ? "run " + command : "ask root to run sudo " + command;
    }

    /**
     * A file system's type, by device, as found once per JVM: the JDK finds it by reading the mount table, which
     * costs milliseconds in a new JVM, and a mounted file system keeps its type.
     */
    private static final Map<String, String> TYPES = new ConcurrentHashMap<>();

    private static void checkLocal(Path dir, FileFacts facts) throws IOException, LeaseDirectoryException {
        String type = TYPES.get(facts.device());
        if (type == null) {
            FileStore store = Files.getFileStore(dir);
            type = store.type();
            TYPES.put(facts.device(), type);
        }
        String unfit = unfit(dir, type);
        if (unfit != null) {
            throw new LeaseDirectoryException(unfit, true);
        }
    }

    /** Why a directory on a file store of {@code type} (as the JDK names it) cannot hold leases, or null. */
    static String unfit(Path dir, String type) {
        if (NETWORK_FILE_SYSTEMS.contains(type.toLowerCase(java.util.Locale.ROOT))) {
            return dir + " is on a network file system (" + type + "): leases guard the ports of one machine and need"
                    + " its local file system; use a local directory";
        }
        if (type.startsWith("fuse")) {
            return dir + " is on a FUSE file system (" + type + "), whose program reports whatever owner and mode it"
                    + " likes and answers a lock or an open as it pleases; use a directory on a file system of the"
                    + " kernel's";
        }
        return null;
    }

    private static LeaseFile lockFile(Path dir, FileFacts folder) throws IOException, LeaseDirectoryException {
        Path file = dir.resolve(FILE_NAME);
        FileFacts facts;
        try {
            facts = FileFacts.of(file);
        } catch (NoSuchFileException e) {
            // Root's own directory may be meant for every user: root makes that file by hand, open to them.
            if (!folder.ownedByThisUser() || folder.ownedByRoot() && !folder.privateToOwner()) {
                throw new LeaseDirectoryException(file + " is missing, and a build makes it only in a directory of"
                        + " its own user; for the builds of several users, root makes it once: sudo install -m 666"
                        + " /dev/null " + file);
            }
            make(file);
            facts = FileFacts.of(file);
        }
        if (!facts.isRegularFile()) {
            throw new LeaseDirectoryException(file + " is not a lock file (" + facts.kind() + ", "
                    + facts.ownerAndMode() + "); remove it");
        }
        if (!facts.ownedByThisUserOrRoot()) {
            throw new LeaseDirectoryException(file + " belongs to user " + facts.owner() + ", who could stall or"
                    + " deny every build that opens it; " + (folder.ownedByThisUser() ? "remove it"
                    : "ask root to replace it: sudo install -m 666 /dev/null " + file));
        }
        if (!Files.isWritable(file)) {
            throw new LeaseDirectoryException("user " + System.getProperty("user.name") + " may not write " + file
                    + " (" + facts.ownerAndMode() + "), which locking needs; ask root to open it to the builds' users:"
                    + " sudo chmod 666 " + file);
        }
        // Records are written only where nobody else may write them: elsewhere they would be hints anyone forges.
        return new LeaseFile(file, facts.identity(), facts.ownedByThisUser() && folder.ownedByThisUser()
                && !facts.othersMayWrite());
    }

    /** A new lock file, mode 0600 from the start; under the lock files' monitor, as closing one drops locks. */
    private static void make(Path file) throws LeaseDirectoryException {
        synchronized (LockFile.MONITOR) {
            try {
                FileChannel made = POSIX
                        ? FileChannel.open(file, NEW_FILE_OPTIONS, PRIVATE_FILE)
                        : FileChannel.open(file, NEW_FILE_OPTIONS);
                made.close();
            } catch (FileAlreadyExistsException e) {
                // made by another build meanwhile: checked as it is
            } catch (IOException e) {
                throw new LeaseDirectoryException(file + " cannot be made (" + FileErrors.of(e) + ")");
            }
        }
    }
}
