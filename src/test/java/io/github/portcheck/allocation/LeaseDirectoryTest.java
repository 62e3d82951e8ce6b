package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.OpenFiles;
import io.github.portcheck.testing.Owners;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease directory against the other users of the machine, one test per attack of issue 20 (A to F) and per rule.
 * The tests that play another user run as root (as CI does) and act through setpriv as user nobody, in a folder
 * under /tmp that, like /tmp, everybody may write (mode 1777). Each checks that the attack fails and that nothing
 * but the plugin's own files changed.
 */
class LeaseDirectoryTest {
    /** The administrator's one-time set-up that the README gives, with the folder in place of /var/lib/portcheck. */
    private static final String ADMIN_SETUP = "install -d -m 755 %1$s && install -m 666 /dev/null %1$s/leases.lock";

    private Path base;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void makeBase() throws IOException {
        base = Files.createTempDirectory(Paths.get("/tmp"), "portcheck-test-");
        mode(base, 01777);
    }

    @AfterEach
    void removeBase() throws Exception {
        LeaseBook.endBuild(Owners.BUILD);
        LeaseBook.closeIdle();
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static void mode(Path path, int mode) throws IOException {
        Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
    }

    private static String owner(Path path) throws IOException {
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
    }

    private static String refusal(Path dir) {
        return assertThrows(LeaseDirectoryException.class, () -> LeaseDirectory.check(dir)).getMessage();
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void asNobody(String command) throws Exception {
        ChildJvm.Result r = ChildJvm.asNobody(command);
        assertEquals(0, r.exit, "as nobody: " + command + "\n" + r.output);
    }

    private static void refusedToNobody(String command) throws Exception {
        assertNotEquals(0, ChildJvm.asNobody(command).exit, "nobody could: " + command);
    }

    /** Root's set-up for the builds of several users, by the README's command. */
    private Path adminMade(String name) throws Exception {
        Path dir = base.resolve(name);
        Process p = new ProcessBuilder("/bin/sh", "-c", String.format(ADMIN_SETUP, dir)).inheritIO().start();
        assertEquals(0, p.waitFor());
        return dir;
    }

    private static void needNobody() {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
    }

    // The rules

    @Test
    void missingFoldersAreMadePrivateWithTheirModeAndTheLockFileWithItsOwn() throws Exception {
        Path leases = base.resolve("a/b/leases");
        LeaseFile file = LeaseDirectory.check(leases);
        assertEquals(leases.resolve("leases.lock"), file.path());
        for (Path made : new Path[] {base.resolve("a"), base.resolve("a/b"), leases}) {
            assertEquals(0700, mode(made), made.toString());
        }
        assertEquals(0600, mode(file.path()));
        Files.setAttribute(leases, "unix:mode", 0750);
        LeaseDirectory.check(leases);
        assertEquals(0750, mode(leases), "an existing directory of this user keeps its mode");
    }

    @Test
    void aLeaseDirectoryOthersMayWriteIsRefusedStickyOrNotAndKeepsItsMode() throws Exception {
        for (int open : new int[] {0777, 01777, 0775}) {
            Path dir = Files.createDirectory(base.resolve("open-" + Integer.toOctalString(open)));
            mode(dir, open);
            assertEquals(String.format("%s may be written by other users (owner root, mode %04o), who could plant files"
                    + " in it; run chmod go-w %s, or use another directory", dir, open, dir), refusal(dir));
            assertEquals(open, mode(dir));
            assertEquals(List.of(), list(dir), "nothing made in it");
        }
    }

    @Test
    void aFolderAboveThatOthersMayWriteWithoutTheStickyBitIsRefused() throws Exception {
        Path open = Files.createDirectory(base.resolve("open"));
        mode(open, 0777);
        Path leases = open.resolve("leases");
        assertEquals(open + ", above " + leases + ", may be written by other users and has no sticky bit (owner root,"
                + " mode 0777), so they could rename the lease directory and put another in its place; run chmod +t "
                + open + ", or use another directory", refusal(leases));
        assertFalse(Files.exists(leases), "nothing made below it");
    }

    @Test
    void networkAndFuseFileSystemsAreNoPlaceForLeases() throws Exception {
        // Neither can be mounted here: the rule is held to the types the JDK reports for mounts. A FUSE program (one
        // another user may mount where user_allow_other is set) reports whatever owner and mode it likes.
        Path dir = Paths.get("/mnt/x");
        for (String shared : new String[] {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "9p"}) {
            assertEquals("/mnt/x is on a network file system (" + shared + "): leases guard the ports of one machine"
                    + " and need its local file system; use a local directory", LeaseDirectory.unfit(dir, shared));
        }
        for (String fuse : new String[] {"fuse", "fuse.sshfs", "fuseblk", "fuse.gvfsd-fuse"}) {
            assertTrue(LeaseDirectory.unfit(dir, fuse).startsWith("/mnt/x is on a FUSE file system (" + fuse + ")"),
                    fuse);
        }
        for (String local : new String[] {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "apfs", "NTFS"}) {
            assertEquals(null, LeaseDirectory.unfit(dir, local), local);
        }
        assertEquals(null, LeaseDirectory.unfit(base, Files.getFileStore(base).type()), "this machine's /tmp");
    }

    // A: another user renames the lease directory, or a folder above it, and the next build makes a new, empty one

    @Test
    void aFolderAboveThatAnotherUserOwnsIsRefusedStickyOrNotAsItsOwnerCanSwapTheLeaseDirectory() throws Exception {
        needNobody();
        for (String m : new String[] {"1777", "755"}) {
            Path theirs = base.resolve("theirs-" + m);
            asNobody("mkdir -m " + m + " " + theirs);
            Path leases = Files.createDirectory(theirs.resolve("leases"));
            mode(leases, 0700);
            assertEquals(theirs + ", above " + leases + ", belongs to user nobody, who could rename the lease directory"
                    + " and put another in its place; use a directory whose folders belong to you or root",
                    refusal(leases));
            assertEquals(List.of(), list(leases), "no lock file made");
            // Why: the owner of a folder renames what is in it, sticky bit or not.
            asNobody("mv " + leases + " " + theirs + "/moved && mkdir " + leases);
        }
    }

    @Test
    void anotherUserCannotRenameReplaceOrLinkOverALeaseDirectoryThatPassed() throws Exception {
        needNobody();
        Path shared = adminMade("shared");
        Path own = base.resolve("own");
        LeaseBook book = Leases.in(own);
        assertTrue(book.claim(20013, Owners.module("module-a")).granted());
        Object ownId = Files.getAttribute(own, "unix:ino");
        Object sharedId = Files.getAttribute(shared.resolve("leases.lock"), "unix:ino");

        for (Path dir : new Path[] {own, shared}) {
            refusedToNobody("mv " + dir + " " + base + "/moved");
            refusedToNobody("rm -rf " + dir);
            refusedToNobody("ln -sfn /etc " + dir);
            refusedToNobody("touch " + dir + "/planted");
            refusedToNobody("mv -f " + dir + "/leases.lock " + base + "/moved");
        }
        assertEquals(ownId, Files.getAttribute(own, "unix:ino"));
        assertEquals(sharedId, Files.getAttribute(shared.resolve("leases.lock"), "unix:ino"));
        assertEquals(List.of("leases.lock"), list(own));
        assertEquals(List.of("leases.lock"), list(shared));
        assertEquals("locked", LockProbe.of(own.resolve("leases.lock"), 20013));
    }

    // B: another user's lease (F_SETLEASE) on a file the build opens makes the open block for lease-break-time

    @Test
    void aBuildNeverOpensAFileOfAnotherUserSoALeaseOnItCannotStallIt() throws Exception {
        needNobody();
        assumeTrue(Files.isExecutable(Paths.get("/usr/bin/python3")), "needs python3 to take a Linux file lease");
        // Root's directory, and a lock file that another user came to own (a chown by mistake, or a directory that
        // root let nobody fill); then a folder of nobody's own with a lock file in it.
        Path shared = adminMade("shared");
        Path file = shared.resolve("leases.lock");
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        Path theirs = base.resolve("theirs");
        asNobody("mkdir -m 755 " + theirs + " && install -m 666 /dev/null " + theirs + "/leases.lock");
        for (Path leased : new Path[] {file, theirs.resolve("leases.lock")}) {
            // The attacker ignores SIGIO, the kernel's request to give the lease up: an open then waits it out.
            Process holder = ChildJvm.startAsNobody("/usr/bin/python3", "-c", "import fcntl, os, signal, sys, time\n"
                    + "signal.signal(signal.SIGIO, signal.SIG_IGN)\n"
                    + "fd = os.open(sys.argv[1], os.O_RDONLY)\n"
                    + "fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_RDLCK)\n"
                    + "print('leased', flush=True)\n"
                    + "time.sleep(120)\n", leased.toString());
            started.add(holder);
            assertEquals("leased", new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());

            String refused = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(leased.getParent()),
                    "an open would block for /proc/sys/fs/lease-break-time (45 s)");
            assertTrue(refused.contains("belongs to user nobody, who could"), refused);
            assertTrue(Files.readAllLines(Paths.get("/proc/locks")).stream().anyMatch(l -> l.contains("LEASE")
                    && l.contains("ACTIVE") && l.contains(" " + holder.pid() + " ")), "never opened: nothing broke the lease");
        }
        // And nobody cannot take a lease on the file root made: only a file's owner can.
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        ChildJvm.Result lease = ChildJvm.asNobody("/usr/bin/python3 -c 'import fcntl, os; "
                + "fcntl.fcntl(os.open(\"" + file + "\", os.O_RDONLY), fcntl.F_SETLEASE, fcntl.F_RDLCK)'");
        assertNotEquals(0, lease.exit);
        assertTrue(lease.output.contains("Permission denied"), lease.output);
    }

    // F1 (found by review): another user squats and frees the default's name at will, so that two builds choose
    // differently; C: descriptors piled up where another user squatted the names of the build's own file

    @Test
    void theHomeDirectoryComesFirstSoThatSquattingTheTemporaryOneSplitsNoBuilds() throws Exception {
        needNobody();
        Path tmp = base.resolve("tmp");
        Files.createDirectory(tmp);
        mode(tmp, 01777);
        Path home = Files.createDirectory(base.resolve("home"));
        Path squatted = tmp.resolve("portcheck-root");
        List<LeaseDirectoryException> problems = new ArrayList<>();

        LeaseFile before = LeaseDirectory.ofThisUser(home, tmp, "root", problems);
        asNobody("mkdir -m 777 " + squatted);
        LeaseFile squat = LeaseDirectory.ofThisUser(home, tmp, "root", problems);
        asNobody("rmdir " + squatted);
        LeaseFile after = LeaseDirectory.ofThisUser(home, tmp, "root", problems);
        for (LeaseFile file : new LeaseFile[] {before, squat, after}) {
            assertEquals(home.resolve(".portcheck/leases.lock"), file.path(), "whatever nobody does in " + tmp);
        }
        assertEquals(List.of(), problems);
        assertFalse(Files.exists(squatted), "nothing made in the temporary directory");

        LeaseBook book = LeaseBook.in(after);
        LeaseOwner a = Owners.module("module-a");
        PortRange ports = Loopback.freeRun(30);
        for (int port = ports.first(); port <= ports.last(); port++) {
            assertTrue(book.claim(port, a).granted());
            assertTrue(book.claim(port, Owners.module("module-b")).heldBy().startsWith("leased by this build"));
            assertEquals(1, OpenFiles.in(home.resolve(".portcheck")));
        }
        LeaseBook.endModule(a);
        assertEquals(0, OpenFiles.in(home.resolve(".portcheck")));
    }

    @Test
    void theTemporaryDirectoryServesWhereTheHomeCannotAndASquatThereFailsRatherThanSplits() throws Exception {
        needNobody();
        Path tmp = base.resolve("tmp");
        Files.createDirectory(tmp);
        mode(tmp, 01777);
        Path home = base.resolve("home");
        asNobody("mkdir -m 755 " + home); // a home that is not this user's: nobody could swap what is in it
        List<LeaseDirectoryException> problems = new ArrayList<>();
        assertEquals(tmp.resolve("portcheck-root/leases.lock"), LeaseDirectory.ofThisUser(home, tmp, "root", problems)
                .path());
        assertEquals(home + ", above " + home.resolve(".portcheck") + ", belongs to user nobody, who could rename the"
                + " lease directory and put another in its place; use a directory whose folders belong to you or root",
                problems.get(0).getMessage());
        assertFalse(problems.get(0).placement(), "worth a warning: another user's doing");

        // With the home unusable, a squat of the temporary one leaves no directory at all: the check fails.
        Path squatted = tmp.resolve("portcheck-bob");
        asNobody("ln " + adminMade("shared").resolve("leases.lock") + " " + squatted);
        LeaseDirectoryException none = assertThrows(LeaseDirectoryException.class,
                () -> LeaseDirectory.ofThisUser(home, tmp, "bob", new ArrayList<>()));
        assertTrue(none.getMessage().startsWith("no lease directory of user bob can be used ("), none.getMessage());
        assertTrue(none.getMessage().endsWith(squatted + " is not a directory (a regular file, owner root, mode 0666);"
                + " remove it, or use another directory)"), none.getMessage()); // for a user not root: "its owner or
                                                                                 // root can remove it"
    }

    // D: one hard link of the build's own lock file denied every port, for every user

    @Test
    void anotherUserCanNeitherLinkTheBuildsOwnFileNorDenyPortsByLinkingTheSharedOne() throws Exception {
        needNobody();
        Path own = base.resolve("own");
        LeaseFile ownFile = LeaseDirectory.check(own);
        Path theirs = base.resolve("theirs");
        asNobody("mkdir -m 755 " + theirs);
        refusedToNobody("ln " + ownFile.path() + " " + theirs + "/own.lock");

        Path shared = adminMade("shared");
        Path file = shared.resolve("leases.lock");
        asNobody("ln " + file + " " + theirs + "/leases.lock"); // allowed: every user may write the shared file
        LeaseBook book = Leases.in(shared);
        Claim a = book.claim(20041, Owners.module("module-a"));
        Claim b = book.claim(20042, Owners.module("module-b"));
        assertTrue(a.granted() && b.granted(), a.heldBy() + " / " + b.heldBy());
        assertEquals(1, OpenFiles.in(shared));
        assertEquals(List.of("leases.lock"), list(theirs));
    }

    // E: a configured directory in another user's folder was made, then chmod-ed by path, before it was checked

    @Test
    void nothingIsMadeOrChangedInAFolderOfAnotherUserWhateverIsPlantedThere() throws Exception {
        needNobody();
        Path theirs = base.resolve("theirs");
        asNobody("mkdir -m 1777 " + theirs);
        Path leases = theirs.resolve("leases");
        String refusedAbove = theirs + ", above " + leases + ", belongs to user nobody";

        assertTrue(refusal(leases).startsWith(refusedAbove));
        assertEquals(List.of(), list(theirs), "missing: not made");

        asNobody("mkfifo " + leases);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(leases)).startsWith(refusedAbove));
        asNobody("rm " + leases);

        Path rootFile = Files.write(base.resolve("root-file"), "root's\n".getBytes(StandardCharsets.UTF_8));
        mode(rootFile, 0666);
        asNobody("ln " + rootFile + " " + leases);
        assertTrue(refusal(leases).startsWith(refusedAbove));
        assertEquals(0666, mode(rootFile), "no mode set through the link");
        assertEquals("root", owner(rootFile));
        assertArrayEquals("root's\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(rootFile));
        assertEquals(List.of("leases"), list(theirs));
    }

    // F: a lock file linked from one lease directory into another, and the second's end dropped the first's locks

    @Test
    void anotherUserCannotLinkALockFileIntoAnotherLeaseDirectory() throws Exception {
        needNobody();
        Path first = adminMade("first");
        Path second = base.resolve("second");
        LeaseDirectory.check(second);
        refusedToNobody("ln " + first.resolve("leases.lock") + " " + second + "/leases.lock");
        refusedToNobody("ln " + first.resolve("leases.lock") + " " + second + "/other.lock");
        assertEquals(List.of("leases.lock"), list(second));
        // The same user's own links are one file, one book: LeaseBookTest.twoPathsToOneLockFileAreOneBookWithOneDescriptor
    }

    // Several users, through the file root made

    @Test
    void buildsOfTwoUsersShareTheFileRootMadeAndTheKernelNamesTheHolder() throws Exception {
        needNobody();
        Path shared = adminMade("shared");
        Path file = shared.resolve("leases.lock");
        PortRange two = Loopback.freeRun(2);
        Process nobody = ChildJvm.asNobody(LeaseHolder.class, shared.toString(), two.first() + "-" + two.first(), "1",
                "0").start();
        started.add(nobody);
        BufferedReader out = new BufferedReader(new InputStreamReader(nobody.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("PORTS " + two.first(), out.readLine());
        assertEquals(0, Files.size(file), "nobody writes nothing into a file that is not its own");

        LeaseBook book = Leases.in(shared);
        Claim refused = book.claim(two.first(), Owners.module("module-a"));
        assertEquals("leased by another build", refused.heldBy());
        assertEquals(Map.of(two.first(), "PID " + nobody.pid()), book.holders(List.of(two.first())),
                "the kernel names nobody's JVM; no record of anyone's is read from the shared file");
        assertTrue(book.claim(two.last(), Owners.module("module-a")).granted());
        assertEquals(0, Files.size(file), "root's build writes no record into the file every user may write");
        assertEquals(0666, mode(file));
        assertEquals("root", owner(file));
        nobody.getOutputStream().close();
        assertTrue(nobody.waitFor(30, TimeUnit.SECONDS));
        assertTrue(book.claim(two.first(), Owners.module("module-a")).granted(), "nobody's lease ended with its JVM");
    }

    @Test
    void aSharedLayoutThatIsNotExactlyRightIsRefusedWithTheCommandThatFixesIt() throws Exception {
        needNobody();
        Path missing = Files.createDirectory(base.resolve("missing"));
        mode(missing, 0755);
        assertEquals("REFUSED " + missing.resolve("leases.lock") + " is missing, and a build makes it only in a"
                + " directory of its own user; for the builds of several users, root makes it once: sudo install -m"
                + " 666 /dev/null " + missing.resolve("leases.lock"), ChildJvm.runAsNobody(CheckLeaseDirectory.class,
                missing.toString()));
        assertEquals(List.of(), list(missing));

        Path closed = adminMade("closed");
        mode(closed.resolve("leases.lock"), 0644);
        assertEquals("REFUSED user nobody may not write " + closed.resolve("leases.lock") + " (owner root, mode 0644),"
                + " which locking needs; ask root to open it to the builds' users: sudo chmod 666 "
                + closed.resolve("leases.lock"), ChildJvm.runAsNobody(CheckLeaseDirectory.class, closed.toString()));

        Path open = adminMade("open");
        mode(open, 01777);
        assertEquals("REFUSED " + open + " may be written by other users (owner root, mode 1777), who could plant files"
                + " in it; ask root to run sudo chmod go-w " + open + ", or use another directory",
                ChildJvm.runAsNobody(CheckLeaseDirectory.class, open.toString()));

        Path right = adminMade("right");
        assertEquals("OK " + right.resolve("leases.lock"), ChildJvm.runAsNobody(CheckLeaseDirectory.class,
                right.toString()));
    }
}
