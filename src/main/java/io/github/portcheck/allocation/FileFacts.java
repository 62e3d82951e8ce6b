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
 * What the file system says about a path itself, never about what a link points to: type, owner, mode and
 * link count, in one lstat. Where the file system has no owners and modes (Windows), {@link #posix()} is false.
 */
final class FileFacts {
    private static final int OTHERS_MAY_WRITE = 0022;
    private static final int STICKY = 01000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    private final boolean posix;
    private final boolean link;
    private final boolean directory;
    private final boolean regular;
    private final String owner;
    private final boolean trustedOwner;
    private final int mode;
    private final int links;

    private FileFacts(boolean posix, boolean link, boolean directory, boolean regular, String owner,
            boolean trustedOwner, int mode, int links) {
        this.posix = posix;
        this.link = link;
        this.directory = directory;
        this.regular = regular;
        this.owner = owner;
        this.trustedOwner = trustedOwner;
        this.mode = mode;
        this.links = links;
    }

    /** @throws java.nio.file.NoSuchFileException where nothing is at {@code path} */
    static FileFacts of(Path path) throws IOException {
        if (!UNIX) {
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileFacts(false, basic.isSymbolicLink(), basic.isDirectory(), basic.isRegularFile(), "",
                    true, 0, 1);
        }
        Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,nlink,owner", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) unix.get("mode");
        int type = mode & S_IFMT;
        UserPrincipal owner = (UserPrincipal) unix.get("owner");
        boolean trusted = ((Integer) unix.get("uid")) == 0 || owner.equals(Me.USER);
        return new FileFacts(true, type == S_IFLNK, type == S_IFDIR, type == S_IFREG, owner.getName(), trusted, mode,
                (Integer) unix.get("nlink"));
    }

    boolean posix() {
        return posix;
    }

    boolean isSymbolicLink() {
        return link;
    }

    boolean isDirectory() {
        return directory;
    }

    boolean isRegularFile() {
        return regular;
    }

    String owner() {
        return owner;
    }

    /** Owned by the user this build runs as, or by root: the only owners a build may trust. */
    boolean ownedByThisUserOrRoot() {
        return trustedOwner;
    }

    /** Users other than the owner may create, delete and rename entries (for a directory). */
    boolean othersMayWrite() {
        return posix && (mode & OTHERS_MAY_WRITE) != 0;
    }

    /** In a directory with the sticky bit, only a file's owner may delete or rename it. */
    boolean sticky() {
        return (mode & STICKY) != 0;
    }

    int links() {
        return links;
    }

    /** The permission bits, e.g. 0666. */
    int permissions() {
        return mode & 0777;
    }

    /** E.g. "owner alice, mode 0777". */
    String ownerAndMode() {
        return posix ? String.format("owner %s, mode %04o", owner, mode & 07777) : "no owner or mode on this system";
    }

    /** The user this JVM runs as; lookup once. */
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
