package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.spec.PortRange;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Owners;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease directory against the other users of the machine. The tests that play another user run as root
 * (as CI does) and act through setpriv as user nobody, in a folder under /tmp that nobody may enter.
 */
class LeaseDirectoryTest {
    private Path base;

    @BeforeEach
    void makeBase() throws IOException {
        base = Files.createTempDirectory(Paths.get("/tmp"), "portcheck-test-");
        mode(base, 0755);
    }

    @AfterEach
    void removeBase() throws IOException {
        LeaseBook.endBuild(Owners.BUILD);
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

    private static String refusal(Path dir) {
        return assertThrows(UnsafeLeaseDirectoryException.class, () -> LeaseDirectory.open(dir, true)).getMessage();
    }

    @Test
    void aSharedDirectoryIsMadeWithTheStickyBitAndAPrivateOneClosed() throws Exception {
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        assertEquals(01777, mode(shared));
        Path own = LeaseDirectory.open(base.resolve("a/b/private"), false);
        assertEquals(0700, mode(own));
        assertEquals(own, LeaseDirectory.open(own, true), "an existing directory is used as it is");
        assertEquals(0700, mode(own), "and keeps its mode");
    }

    @Test
    void aDirectoryOthersMayWriteWithoutTheStickyBitIsRefusedAndKeepsItsMode() throws Exception {
        Path open = Files.createDirectory(base.resolve("open"));
        mode(open, 0777);
        assertEquals(open + " may be written by other users and has no sticky bit (owner root, mode 0777), so they"
                + " could delete or replace the lock files; set the sticky bit (chmod +t " + open + "), or use"
                + " another directory", refusal(open));
        assertEquals(0777, mode(open));

        Path below = Files.createDirectory(open.resolve("leases"));
        assertTrue(refusal(below).startsWith(open + ", above " + below + ", may be written by other users"));
    }

    @Test
    void aLinkOfThisUserIsFollowed() throws Exception {
        Path real = Files.createDirectory(base.resolve("real"));
        Path link = Files.createSymbolicLink(base.resolve("link"), real);
        assertEquals(real.toRealPath(), LeaseDirectory.open(link, true));
    }

    @Test
    void aLinkPlantedByAnotherUserIsRefusedAndItsTargetKeepsItsMode() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        Path target = Files.createDirectory(base.resolve("target"));
        Path planted = shared.resolve("leases");
        assertEquals(0, ChildJvm.asNobody("ln -s " + target + " " + planted).exit);
        assertEquals(planted + " is a symbolic link owned by user nobody, who could point it anywhere; remove it, or"
                + " use another directory", refusal(planted));
        assertEquals(0755, mode(target));
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        Path squatted = shared.resolve("portcheck-leases");
        assertEquals(0, ChildJvm.asNobody("mkdir -m 1777 " + squatted).exit);
        assertEquals(squatted + " belongs to user nobody, who could replace any lock file in it; use a directory of"
                + " your own, or ask root to replace it with one of root's own (install -d -m 1777 " + squatted + ")",
                refusal(squatted));
    }

    @Test
    void linksPlantedByAnotherUserUnderThisUsersNamesAreNeverWrittenThrough() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        byte[] secret = "secret\n".getBytes(StandardCharsets.UTF_8);
        Path victim = Files.write(base.resolve("victim"), secret);
        mode(victim, 0644);
        assertEquals(0, ChildJvm.asNobody("ln -s " + victim + " " + shared.resolve("leases-root.lock")).exit);
        // A hard link to another user's file: the kernel refuses it where fs.protected_hardlinks is 1.
        ChildJvm.asNobody("ln " + victim + " " + shared.resolve("leases-root-2.lock"));

        assertTrue(LeaseBook.in(shared).claim(20011, Owners.module("module-a")).granted());
        LeaseBook.endBuild(Owners.BUILD);
        assertArrayEquals(secret, Files.readAllBytes(victim));
        assertEquals(0644, mode(victim));
        assertEquals("unlocked", LockProbe.of(victim));
        assertTrue(Files.isSymbolicLink(shared.resolve("leases-root.lock")), "never removed: not this user's");
    }

    @Test
    void anotherUserCannotDeleteOrReplaceThisUsersLockFile() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        assertTrue(LeaseBook.in(shared).claim(20013, Owners.module("module-a")).granted());
        Path lease = shared.resolve("leases-root.lock");
        Object inode = Files.getAttribute(lease, "unix:ino");

        assertNotEquals(0, ChildJvm.asNobody("rm -f " + lease).exit, "nobody deleted the lock file");
        assertNotEquals(0, ChildJvm.asNobody("echo x > " + shared + "/x && mv -f " + shared + "/x " + lease).exit,
                "nobody replaced the lock file");
        assertNotEquals(0, ChildJvm.asNobody("ln -sf /etc/passwd " + lease).exit, "nobody linked over it");
        assertEquals(inode, Files.getAttribute(lease, "unix:ino"));
        assertTrue(Files.isRegularFile(lease, LinkOption.NOFOLLOW_LINKS));
        assertEquals("locked", LockProbe.of(lease, 20013));
        assertFalse(Files.exists(Paths.get("/etc/passwd.lock")));
    }

    @Test
    void aBuildOfAnotherUserHoldsItsPortAgainstThisUserWhoNeverWritesItsFile() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        // This user's file exists first, so that nobody's build finds it as well as making its own.
        LeaseOwner a = Owners.module("module-a");
        assertTrue(LeaseBook.in(shared).claim(20015, a).granted());
        LeaseBook.endBuild(Owners.BUILD);
        PortRange two = Loopback.freeRun(2);
        Process nobody = ChildJvm.asNobody(LeaseHolder.class, shared.toString(), two.toString(), "1", "0").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(nobody.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("PORTS " + two.first(), out.readLine());
            Path theirs = shared.resolve("leases-nobody.lock");
            byte[] before = Files.readAllBytes(theirs);

            Claim refused = LeaseBook.in(shared).claim(two.first(), a);
            assertFalse(refused.granted());
            assertEquals("leased by another build (PID " + nobody.pid() + ")", refused.heldBy());
            assertTrue(LeaseBook.in(shared).claim(two.first() + 1, a).granted());
            LeaseBook.endBuild(Owners.BUILD);
            assertArrayEquals(before, Files.readAllBytes(theirs), "another user's file is never written");
        } finally {
            nobody.getOutputStream().close();
            nobody.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
