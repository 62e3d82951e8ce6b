package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.OpenFiles;
import io.github.portcheck.testing.Owners;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases within one JVM: modules, realms, the lock files' life. Other users: {@link LeaseDirectoryTest}. */
class LeaseBookTest {
    private static final LeaseOwner A = Owners.module("module-a");
    private static final LeaseOwner B = Owners.module("module-b");

    @TempDir
    Path dir;

    @AfterEach
    void endBuild() {
        LeaseBook.endBuild(Owners.BUILD);
    }

    /** This user's own lock file in the lease directory. */
    private Path own() {
        return dir.resolve("leases-" + System.getProperty("user.name") + ".lock");
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
    void aLeaseIsTheModulesOwnUntilTheModuleEnds() {
        LeaseBook book = LeaseBook.in(dir);
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
        LeaseBook book = LeaseBook.in(dir);
        assertTrue(book.claim(20002, A).granted());
        assertTrue(book.claim(20003, A).granted());
        assertEquals("locked", LockProbe.of(own(), 20002));
        assertEquals("unlocked", LockProbe.of(own(), 20004), "only the leased ports' bytes are locked");
        assertEquals(myRecord(), record(own(), 20002));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(own())),
                "open to every user's builds, past the umask");

        book.claim(20003, A).lease().release(); // the module's second claim: the first one holds on
        assertEquals("locked", LockProbe.of(own(), 20003));
        LeaseBook.endModule(A);
        assertEquals("unlocked", LockProbe.of(own(), 20002));
        assertEquals("unlocked", LockProbe.of(own(), 20003));
        assertEquals(0, book.ports().size());
        assertEquals(0, OpenFiles.in(dir), "the lock file is closed once no lease is left");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "one file per user, whatever the number of leases");
        }
    }

    @Test
    void aPortGivenBackKeepsTheLockFileOpenForTheModulesNextPortsUntilTheModuleEnds() throws Exception {
        LeaseBook book = LeaseBook.in(dir);
        Claim taken = book.claim(20010, A);
        assertTrue(taken.granted());
        long open = OpenFiles.in(dir);
        taken.lease().release(); // the probe found the port taken: a walk goes on with the next one
        assertEquals("unlocked", LockProbe.of(own(), 20010));
        assertEquals(open, OpenFiles.in(dir), "not closed and opened again for each port of a walk");
        LeaseBook.endModule(A);
        assertEquals(0, OpenFiles.in(dir), "closed when the module ends, though it holds no lease");
    }

    @Test
    void anotherUsersFileIsLockedTooButNeverWritten() throws Exception {
        Path other = dir.resolve("leases-alice.lock");
        byte[] content = new byte[20005 * 16 + 16];
        Arrays.fill(content, (byte) 'x');
        Files.write(other, content);
        LeaseBook book = LeaseBook.in(dir);
        assertTrue(book.claim(20005, A).granted());
        assertEquals("locked", LockProbe.of(other, 20005), "alice's builds see the lease in their own file");
        LeaseBook.endModule(A);
        assertArrayEquals(content, Files.readAllBytes(other));
    }

    @Test
    void linksAtTheOwnFilesNameAreNeverWrittenThroughAndAnotherNameIsUsed() throws Exception {
        byte[] precious = "precious\n".getBytes(StandardCharsets.UTF_8);
        Path victim = Files.write(dir.resolve("victim"), precious);
        Files.createSymbolicLink(own(), victim);
        Files.createLink(dir.resolve("leases-" + System.getProperty("user.name") + "-2.lock"), victim);
        LeaseBook book = LeaseBook.in(dir);

        assertTrue(book.claim(20007, A).granted());
        Path third = dir.resolve("leases-" + System.getProperty("user.name") + "-3.lock");
        assertEquals("locked", LockProbe.of(third, 20007), "the first name that is no link is this user's file");
        assertEquals(myRecord(), record(third, 20007));
        LeaseBook.endModule(A);
        assertArrayEquals(precious, Files.readAllBytes(victim));
        assertEquals("unlocked", LockProbe.of(victim));
    }

    @Test
    void withoutAUsableOwnFileNoPortIsLeasedAndTheMessageSaysWhy() throws Exception {
        String user = System.getProperty("user.name");
        Files.createSymbolicLink(dir.resolve("leases-" + user + ".lock"), dir.resolve("elsewhere"));
        for (String name : new String[] {user + "-2", user + "-3", user + "-4"}) {
            Files.createDirectory(dir.resolve("leases-" + name + ".lock"));
        }
        Claim refused = LeaseBook.in(dir).claim(20008, A);
        assertFalse(refused.granted());
        assertTrue(refused.heldBy().startsWith("no lock file of user " + user + " can be used in " + dir + ": "
                + dir.resolve("leases-" + user + ".lock") + " is not this user's lock file (a symbolic link, owner "),
                refused.heldBy());
        assertTrue(refused.heldBy().contains(dir.resolve("leases-" + user + "-4.lock")
                + " is not this user's lock file (a directory, owner "), refused.heldBy());
        assertFalse(Files.exists(dir.resolve("elsewhere"), LinkOption.NOFOLLOW_LINKS), "no file made through the link");
    }

    @Test
    void twoPluginRealmsInOneJvmSeeEachOthersLeasesAndKeepTheirLocks() throws Exception {
        assertTrue(LeaseBook.in(dir).claim(20006, A).granted());
        // A second realm: the plugin's classes again, in a class loader of their own, as Maven makes one per
        // plugin version and per set of plugin dependencies.
        URL classes = LeaseBook.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader realm = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> owner = realm.loadClass(LeaseOwner.class.getName());
            Class<?> book = realm.loadClass(LeaseBook.class.getName());
            assertNotEquals(LeaseBook.class, book);
            Object b = owner.getMethod("of", String.class, String.class, String.class)
                    .invoke(null, Owners.BUILD.build(), "it:module-b", "module-b");
            Object other = book.getMethod("in", Path.class).invoke(null, dir);
            Method claim = book.getMethod("claim", int.class, owner);
            Object refused = claim.invoke(other, 20006, b);
            Class<?> claims = realm.loadClass(Claim.class.getName());
            assertEquals(false, claims.getMethod("granted").invoke(refused));
            assertEquals("leased by this build (module-a)", claims.getMethod("heldBy").invoke(refused));
            // The other realm leases and ends a port of its own: it must not close the lock file under the first
            // realm's lease, as closing any descriptor of a file drops every lock this process holds on it.
            Object own = claim.invoke(other, 20009, b);
            assertEquals(true, claims.getMethod("granted").invoke(own));
            book.getMethod("endBuild", owner).invoke(null, b);
            assertEquals("locked", LockProbe.of(own(), 20006), "the first realm's OS lock is intact");

            LeaseBook.endModule(A);
            assertEquals("unlocked", LockProbe.of(own(), 20006));
            Object granted = claim.invoke(other, 20006, b);
            assertEquals(true, claims.getMethod("granted").invoke(granted), "free for the other realm once ended");
            book.getMethod("endBuild", owner).invoke(null, b);
        }
        assertEquals(0, OpenFiles.in(dir), "both realms closed the lock file once no lease was left");
    }
}
