package io.github.portcheck.allocation;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * What the file system says about a path itself, never about what a link points to: type, owner, mode, link count
 * and identity, in one lstat. Where the file system has no owners and modes (Windows), {@link #posix()} is false and
 * every owner counts as this user.
 */
final class FileFacts {
    /** Group or others may write: for a directory, create, delete and rename its entries. */
    private static final int OTHERS_MAY_WRITE = 0022;
    private static final int OTHERS_MAY_ACCESS = 0077;
    private static final int STICKY = 01000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private final boolean posix;
    /** Its group is its owner's own, of the same name (a user private group, as umask 002 systems give). */
    private boolean ownGroup;
    private final int type;
    private final String owner;
    private final boolean root;
    private final boolean mine;
    private final int mode;
    private final String identity;

    private FileFacts(boolean posix, int type, String owner, boolean root, boolean mine, int mode, String identity) {
        this.posix = posix;
        this.type = type;
        this.owner = owner;
        this.root = root;
        this.mine = mine;
        this.mode = mode;
        this.identity = identity;
    }

    /** @throws java.nio.file.NoSuchFileException where nothing is at {@code path} */
    static FileFacts of(Path path) throws IOException {
        if (!UNIX) {
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int type = 0;
            if (basic.isSymbolicLink()) {
                type = S_IFLNK;
            } else if (basic.isDirectory()) {
                type = S_IFDIR;
            } else if (basic.isRegularFile()) {
                type = S_IFREG;
            }
            Object key = basic.fileKey();
            return new FileFacts(false, type, "", false, true, 0,
                    key != null ? key.toString() : path.toAbsolutePath().normalize().toString());
        }
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,owner,group,dev,ino",
                LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        UserPrincipal owner = (UserPrincipal) unix.get("owner");
        FileFacts facts = new FileFacts(true, mode & S_IFMT, owner.getName(), ((Integer) unix.get("uid")) == 0,
                owner.equals(Me.USER), mode, unix.get("dev") + ":" + unix.get("ino"));
        facts.ownGroup = ((UserPrincipal) unix.get("group")).getName().equals(owner.getName());
        return facts;
    }

    boolean posix() {
        return posix;
    }

    boolean isSymbolicLink() {
        return type == S_IFLNK;
    }

    boolean isDirectory() {
        return type == S_IFDIR;
    }

    boolean isRegularFile() {
        return type == S_IFREG;
    }

    /** What it is, for messages: "a directory", "a symbolic link", "a regular file" or "a special file". */
    String kind() {
        if (isDirectory()) {
            return "a directory";
        }
        if (isSymbolicLink()) {
            return "a symbolic link";
        }
        return isRegularFile() ? "a regular file" : "a special file";
    }

    String owner() {
        return owner;
    }

    /** Owned by the user this build runs as. */
    boolean ownedByThisUser() {
        return mine;
    }

    /** Owned by root. */
    boolean ownedByRoot() {
        return root;
    }

    /** Owned by the user this build runs as, or by root: the only owners a build may trust. */
    boolean ownedByThisUserOrRoot() {
        return mine || root;
    }

    /** Group or others may write it: for a directory, create, delete and rename its entries. */
    boolean othersMayWrite() {
        return posix && (mode & OTHERS_MAY_WRITE) != 0;
    }

    /**
     * Another user may write it: others, or a group that is not its owner's own. For the folders of files a build
     * writes where the user chose (a server's log), as projects live on systems whose umask 002 makes every folder
     * writable by the user's private group.
     */
    boolean anotherUserMayWrite() {
        return posix && ((mode & 0002) != 0 || ((mode & 0020) != 0 && !ownGroup));
    }

    /** Only its owner may enter it (a directory) or open it (a file): mode 0700 or 0600 and the like. */
    boolean privateToOwner() {
        return !posix || (mode & OTHERS_MAY_ACCESS) == 0;
    }

    /** In a directory with the sticky bit, only a file's owner may delete or rename it. */
    boolean sticky() {
        return (mode & STICKY) != 0;
    }

    /** Device and inode: the same for every path (link, bind mount) that leads to the file. */
    String identity() {
        return identity;
    }

    /** The file system it is on: the device part of its identity. */
    String device() {
        int colon = identity.indexOf(':');
        return colon < 0 ? identity : identity.substring(0, colon);
    }

    /** E.g. "owner alice, mode 0777". */
    String ownerAndMode() {
        return posix ? String.format("owner %s, mode %04o", owner, mode & 07777) : "no owner or mode on this system";
    }

    /** The user this JVM runs as; looked up once. */
    private static final class Me {
        static final UserPrincipal USER = lookup();

        private static UserPrincipal lookup() {
            try {
                return FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException | UnsupportedOperationException e) {
                return null; // then only root's files are trusted
            }
        }
    }
}
