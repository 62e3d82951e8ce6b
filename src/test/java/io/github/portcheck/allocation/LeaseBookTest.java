package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.OpenFiles;
import io.github.portcheck.testing.Owners;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases within one JVM: modules, realms, paths, the lock file's life. Other users: {@link LeaseDirectoryTest}. */
class LeaseBookTest {
    private static final LeaseOwner A = Owners.module("module-a");
    private static final LeaseOwner B = Owners.module("module-b");

    @TempDir
    Path dir;

    @AfterEach
    void endBuild() {
        LeaseBook.endBuild(Owners.BUILD);
        LeaseBook.closeIdle();
    }

    private Path lockFile() {
        return dir.resolve(LeaseDirectory.FILE_NAME);
    }

    /** Read by another process: closing a descriptor of the file here would drop this JVM's locks on it. */
    private static String record(Path file, int port) throws Exception {
        Process dd = new ProcessBuilder("dd", "if=" + file, "bs=16", "skip=" + port, "count=1", "status=none").start();
        return new String(dd.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static String myRecord() {
        return String.format("PID %-11d\n", ProcessHandle.current().pid());
    }

    @Test
    void aLeaseIsTheModulesOwnUntilTheModuleEnds() throws Exception {
        LeaseBook book = Leases.in(dir);
        Claim first = book.claim(20001, A);
        assertTrue(first.granted());
        Claim sibling = book.claim(20001, B);
        assertFalse(sibling.granted());
        assertEquals("leased by this build (module-a)", sibling.heldBy());

        Claim again = book.claim(20001, A);
        assertTrue(again.granted(), "a second execution of the same module is not a conflict");
        again.lease().release();
        assertFalse(book.claim(20001, B).granted(), "giving back the second claim keeps the first");

        LeaseBook.endModule(A);
        assertTrue(book.claim(20001, B).granted(), "the next module takes the port once module-a ended");
    }

    @Test
    void aLeaseLocksThePortsBytesRecordsThisProcessAndEndsWithItsModuleLeavingNothingOpen() throws Exception {
        LeaseBook book = Leases.in(dir);
        assertTrue(book.claim(20002, A).granted());
        assertTrue(book.claim(20003, A).granted());
        assertEquals("locked", LockProbe.of(lockFile(), 20002));
        assertEquals("unlocked", LockProbe.of(lockFile(), 20004), "only the leased ports' bytes are locked");
        assertEquals(myRecord(), record(lockFile(), 20002));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile())),
                "this user's own, made with its mode");

        book.claim(20003, A).lease().release(); // the module's second claim: the first one holds on
        assertEquals("locked", LockProbe.of(lockFile(), 20003));
        LeaseBook.endModule(A);
        assertEquals("unlocked", LockProbe.of(lockFile(), 20002));
        assertEquals("unlocked", LockProbe.of(lockFile(), 20003));
        assertEquals(0, OpenFiles.in(dir), "the lock file is closed once no lease is left");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "one file, whatever the number of leases");
        }
    }

    @Test
    void aPortGivenBackKeepsTheLockFileOpenForTheModulesNextPortsUntilTheModuleEnds() throws Exception {
        LeaseBook book = Leases.in(dir);
        Claim taken = book.claim(20010, A);
        assertTrue(taken.granted());
        long open = OpenFiles.in(dir);
        taken.lease().release(); // the probe found the port taken: a walk goes on with the next one
        assertEquals("unlocked", LockProbe.of(lockFile(), 20010));
        assertEquals(open, OpenFiles.in(dir), "not closed and opened again for each port of a walk");
        LeaseBook.endModule(A);
        assertEquals(0, OpenFiles.in(dir), "closed when the module ends, though it holds no lease");
    }

    @Test
    void claimsRefusedBecauseAnotherBuildHoldsThePortsKeepOneDescriptorAtMostAndNoneAfterTheModule() throws Exception {
        PortRange held = Loopback.freeRun(40);
        Process other = ChildJvm.of(LeaseHolder.class, dir.toString(), held.toString(), "40", "0").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals(40, out.readLine().split(" ").length - 1, "the other build holds all 40 ports");
            LeaseBook book = Leases.in(dir);
            for (int port = held.first(); port <= held.last(); port++) {
                Claim refused = book.claim(port, A);
                assertFalse(refused.granted());
                assertEquals("leased by another build", refused.heldBy(), "no holder looked up while claiming");
                assertTrue(OpenFiles.in(dir) <= 1, "descriptors after port " + port + ": " + OpenFiles.in(dir));
            }
            assertEquals(Map.of(held.first(), "PID " + other.pid(), held.last(), "PID " + other.pid()),
                    book.holders(List.of(held.first(), held.last())), "the kernel's own account names the holder");
            LeaseBook.endModule(A);
            assertEquals(0, OpenFiles.in(dir));
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void twoPathsToOneLockFileAreOneBookWithOneDescriptor() throws Exception {
        // The same user's second lease directory holds a hard link to the first's lock file (a bind mount or
        // a link of its own would do the same): closing the second path's descriptor would drop the first's locks.
        Path second = Files.createDirectory(dir.resolve("second"));
        Files.setPosixFilePermissions(second, PosixFilePermissions.fromString("rwx------"));
        Path inner = Files.createDirectory(dir.resolve("inner"));
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rwx------"));
        LeaseBook first = Leases.in(inner);
        assertTrue(first.claim(20020, A).granted());
        Files.createLink(second.resolve(LeaseDirectory.FILE_NAME), inner.resolve(LeaseDirectory.FILE_NAME));

        LeaseBook other = Leases.in(second);
        assertEquals(first, other, "one file, one book");
        Claim refused = other.claim(20020, B);
        assertEquals("leased by this build (module-a)", refused.heldBy());
        assertTrue(other.claim(20021, B).granted());
        assertEquals(1, OpenFiles.in(inner) + OpenFiles.in(second), "one descriptor for both paths");
        LeaseBook.endModule(B);
        assertEquals("locked", LockProbe.of(inner.resolve(LeaseDirectory.FILE_NAME), 20020),
                "module-b's end kept module-a's lock");
        LeaseBook.endModule(A);
        assertEquals(0, OpenFiles.in(inner) + OpenFiles.in(second));
    }

    @Test
    void aLockFileReplacedSinceItWasCheckedIsNotUsedAndLeavesNothingOpen() throws Exception {
        LeaseFile checked = LeaseDirectory.check(dir);
        // made while the old one exists, so that it cannot get the old one's inode
        Path replacement = Files.write(dir.resolve("replacement"), new byte[0]);
        Files.move(replacement, lockFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LeaseDirectoryException e = assertThrows(LeaseDirectoryException.class,
                () -> LeaseBook.in(checked).claim(20030, A));
        assertEquals(lockFile() + " was replaced since it was checked; run the build again", e.getMessage());
        assertEquals(0, OpenFiles.in(dir));
        assertTrue(Leases.in(dir).claim(20030, A).granted(), "checked again, the new file is used");
    }

    @Test
    void aLinkAtTheLockFilesNameIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        byte[] precious = "precious\n".getBytes(StandardCharsets.UTF_8);
        Path victim = Files.write(dir.resolve("victim"), precious);
        Files.createSymbolicLink(lockFile(), victim);
        LeaseDirectoryException e = assertThrows(LeaseDirectoryException.class, () -> LeaseDirectory.check(dir));
        assertTrue(e.getMessage().startsWith(lockFile() + " is not a lock file (a symbolic link, owner "), e.getMessage());
        assertTrue(e.getMessage().endsWith("); remove it"), e.getMessage());
        assertArrayEquals(precious, Files.readAllBytes(victim));
        assertEquals("unlocked", LockProbe.of(victim));
    }

    @Test
    void twoPluginRealmsInOneJvmSeeEachOthersLeasesKeepTheirLocksAndBothCloseAtTheBuildsEnd() throws Exception {
        LeaseFile file = LeaseDirectory.check(dir);
        assertTrue(LeaseBook.in(file).claim(20006, A).granted());
        // A second realm: the plugin's classes again, in a class loader of their own, as Maven makes one per
        // plugin version and per set of plugin dependencies.
        URL classes = LeaseBook.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader realm = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> owner = realm.loadClass(LeaseOwner.class.getName());
            Class<?> book = realm.loadClass(LeaseBook.class.getName());
            Class<?> directory = realm.loadClass(LeaseDirectory.class.getName());
            assertNotEquals(LeaseBook.class, book);
            Object b = owner.getMethod("of", String.class, String.class, String.class)
                    .invoke(null, Owners.BUILD.build(), "it:module-b", "module-b");
            Object theirFile = directory.getMethod("check", Path.class).invoke(null, dir);
            Object other = book.getMethod("in", theirFile.getClass()).invoke(null, theirFile);
            Method claim = book.getMethod("claim", int.class, owner);
            Class<?> claims = realm.loadClass(Claim.class.getName());
            Object refused = claim.invoke(other, 20006, b);
            assertEquals(false, claims.getMethod("granted").invoke(refused));
            assertEquals("leased by this build (module-a)", claims.getMethod("heldBy").invoke(refused));
            // The other realm leases and ends a port of its own: it must not close the lock file under the first
            // realm's lease, as closing any descriptor of a file drops every lock this process holds on it.
            assertEquals(true, claims.getMethod("granted").invoke(claim.invoke(other, 20009, b)));
            book.getMethod("endBuild", owner).invoke(null, b);
            assertEquals("locked", LockProbe.of(lockFile(), 20006), "the first realm's OS lock is intact");
            assertEquals(2, OpenFiles.in(dir), "the second realm could not close its descriptor yet");

            // The end of the build, as the front end passes it through both realms' listeners: each releases its
            // leases and passes the event on, then each closes what no realm needs any more.
            assertEquals(true, claims.getMethod("granted").invoke(claim.invoke(other, 20007, b)));
            LeaseBook.endBuild(Owners.BUILD);
            assertEquals(2, OpenFiles.in(dir), "the first realm cannot close while the second holds 20007");
            book.getMethod("endBuild", owner).invoke(null, b);
            LeaseBook.closeIdle();
            assertEquals("unlocked", LockProbe.of(lockFile(), 20006));
            assertEquals("unlocked", LockProbe.of(lockFile(), 20007));
        }
        assertEquals(0, OpenFiles.in(dir), "both realms closed the lock file at the build's end");
    }

    // Found by review: the JVM's own state, and the disk, must not cost a lease or a descriptor

    @Test
    void systemPropertiesReplacedMidBuildNeitherGrantAHeldPortNorKeepAFileOpen() throws Exception {
        // surefire with forkCount=0 copies the system properties and later restores the copy: labels come and go,
        // but whether a port is held in this JVM is what the JDK's lock table says.
        LeaseFile file = LeaseDirectory.check(dir);
        java.util.Properties copy = (java.util.Properties) System.getProperties().clone();
        assertTrue(LeaseBook.in(file).claim(20050, A).granted(), "taken after the copy: its label is lost below");
        assertTrue(LeaseBook.in(file).claim(20051, A).granted());
        java.util.Properties withGhost = (java.util.Properties) System.getProperties().clone();
        LeaseBook.endModule(A);
        System.setProperties(withGhost); // labels of ended leases come back
        try {
            assertTrue(LeaseBook.in(file).claim(20051, B).granted(), "a label left behind holds nothing");
            LeaseBook.endModule(B);
            System.setProperties((java.util.Properties) copy.clone());
            java.util.Properties withoutA = (java.util.Properties) System.getProperties().clone();
            URL classes = LeaseBook.class.getProtectionDomain().getCodeSource().getLocation();
            assertTrue(LeaseBook.in(file).claim(20052, A).granted());
            try (URLClassLoader realm = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
                Class<?> owner = realm.loadClass(LeaseOwner.class.getName());
                Class<?> book = realm.loadClass(LeaseBook.class.getName());
                Object b = owner.getMethod("of", String.class, String.class, String.class)
                        .invoke(null, Owners.BUILD.build(), "it:module-b", "module-b");
                Object theirs = book.getMethod("in", realm.loadClass(LeaseFile.class.getName()))
                        .invoke(null, realm.loadClass(LeaseDirectory.class.getName()).getMethod("check", Path.class)
                                .invoke(null, dir));
                System.setProperties(withoutA); // module-a's label is gone
                Class<?> claims = realm.loadClass(Claim.class.getName());
                Object refused = book.getMethod("claim", int.class, owner).invoke(theirs, 20052, b);
                assertEquals("leased by another build in this JVM", claims.getMethod("heldBy").invoke(refused));
                book.getMethod("endBuild", owner).invoke(null, b);
                assertEquals("locked", LockProbe.of(lockFile(), 20052), "the other realm's end kept module-a's lock");
                // the build's end as both realms' listeners pass it: each ends its leases, then each closes
                LeaseBook.endBuild(Owners.BUILD);
                book.getMethod("closeIdle").invoke(null);
                LeaseBook.closeIdle();
            }
        } finally {
            System.setProperties(copy);
        }
        assertEquals(0, OpenFiles.in(dir), "nothing left open");
    }

    @Test
    void anInterruptedThreadLeasesWithoutClosingTheFileUnderTheLeasesOfTheJvm() throws Exception {
        LeaseBook book = Leases.in(dir);
        assertTrue(book.claim(20060, A).granted());
        Thread.currentThread().interrupt(); // a file channel closes itself on an interrupted thread's I/O
        try {
            assertTrue(book.claim(20061, B).granted());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertEquals("locked", LockProbe.of(lockFile(), 20060), "module-a's lease survived");
        assertEquals("locked", LockProbe.of(lockFile(), 20061));
    }

    @Test
    void aFullDiskCostsTheRecordNotTheLease() throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs",
                small.toString()).redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "needs root to mount a small tmpfs");
        try {
            LeaseFile file = LeaseDirectory.check(small);
            Files.write(small.resolve("fill"), new byte[64 * 1024 * 2], java.nio.file.StandardOpenOption.CREATE);
        } catch (java.io.IOException full) {
            // the disk is full now, as another user can make a tmpfs /tmp
        }
        try {
            LeaseBook book = Leases.in(small);
            Claim claim = book.claim(30000, A); // its record would need a page of its own
            assertTrue(claim.granted(), claim.heldBy());
            assertEquals("locked", LockProbe.of(small.resolve(LeaseDirectory.FILE_NAME), 30000));
            LeaseBook.endModule(A);
        } finally {
            new ProcessBuilder("umount", "-l", small.toString()).start().waitFor();
        }
    }
}
