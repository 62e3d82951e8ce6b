package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.Owners;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
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
                + " could delete or replace the lease files; set the sticky bit (chmod +t " + open + "), or use"
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
        assertEquals(squatted + " belongs to user nobody, who could replace any lease file in it; use a directory of"
                + " your own, or ask root to replace it with one of root's own (install -d -m 1777 " + squatted + ")",
                refusal(squatted));
    }

    @Test
    void aLeaseFileLinkedByAnotherUserToAFileOfThisUserLeavesThatFileAlone() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        byte[] secret = "secret\n".getBytes(StandardCharsets.UTF_8);
        Path victim = Files.write(base.resolve("victim"), secret);
        mode(victim, 0644);
        Path link = shared.resolve("port-20011.lock");
        assertEquals(0, ChildJvm.asNobody("ln -s " + victim + " " + link).exit);
        // A hard link to another user's file: the kernel refuses it where fs.protected_hardlinks is 1.
        ChildJvm.asNobody("ln " + victim + " " + shared.resolve("port-20012.lock"));

        LeaseBook book = LeaseBook.in(shared);
        assertFalse(book.claim(20011, Owners.module("module-a")).granted());
        assertFalse(book.claim(20012, Owners.module("module-a")).granted()
                && Files.exists(shared.resolve("port-20012.lock")) && Files.isSameFile(victim,
                        shared.resolve("port-20012.lock")), "a hard link to the victim is never a lease");
        assertArrayEquals(secret, Files.readAllBytes(victim));
        assertEquals(0644, mode(victim));
        assertEquals("unlocked", LockProbe.of(victim));
    }

    @Test
    void anotherUserCannotDeleteOrReplaceAHeldLeaseFile() throws Exception {
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = LeaseDirectory.open(base.resolve("shared"), true);
        assertTrue(LeaseBook.in(shared).claim(20013, Owners.module("module-a")).granted());
        Path lease = shared.resolve("port-20013.lock");
        Object inode = Files.getAttribute(lease, "unix:ino");

        assertNotEquals(0, ChildJvm.asNobody("rm -f " + lease).exit, "nobody deleted the lease file");
        assertNotEquals(0, ChildJvm.asNobody("echo x > " + shared + "/x && mv -f " + shared + "/x " + lease).exit,
                "nobody replaced the lease file");
        assertNotEquals(0, ChildJvm.asNobody("ln -sf /etc/passwd " + lease).exit, "nobody linked over it");
        assertEquals(inode, Files.getAttribute(lease, "unix:ino"));
        assertTrue(Files.isRegularFile(lease, LinkOption.NOFOLLOW_LINKS));
        assertEquals("locked", LockProbe.of(lease));
        assertFalse(Files.exists(Paths.get("/etc/passwd.lock")));
    }
}
