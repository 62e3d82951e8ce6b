package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.testing.LockProbe;
import io.github.portcheck.testing.Owners;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases within one JVM: modules, realms, the lease files' life. Other users: {@link SharedLeaseDirectoryTest}. */
class LeaseBookTest {
    private static final LeaseOwner A = Owners.module("module-a");
    private static final LeaseOwner B = Owners.module("module-b");

    @TempDir
    Path dir;

    @AfterEach
    void endBuild() {
        LeaseBook.endBuild(Owners.BUILD);
    }

    private Path file(int port) {
        return dir.resolve("port-" + port + ".lock");
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
    void theLeaseFileNamesThisProcessIsOpenToEveryUserAndGoesWithTheLease() throws Exception {
        LeaseBook book = LeaseBook.in(dir);
        assertTrue(book.claim(20002, A).granted());
        assertEquals("locked", LockProbe.of(file(20002)));
        // Reading the file here drops the lock (closing any descriptor of a locked file does): the lock is seen first.
        assertEquals("PID " + ProcessHandle.current().pid() + " module-a\n",
                new String(Files.readAllBytes(file(20002)), StandardCharsets.UTF_8));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file(20002))));

        LeaseBook.endModule(A);
        assertFalse(Files.exists(file(20002), LinkOption.NOFOLLOW_LINKS), "the lease file goes with the lease");
        assertEquals(0, book.ports().size());
    }

    @Test
    void aFileLeftByAKilledBuildIsReplacedByOneOfThisBuild() throws Exception {
        Files.write(file(20003), "PID 999999 killed-build\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(LeaseBook.in(dir).claim(20003, A).granted());
        // Only a file the build created is ever written: its record shows the file is new.
        assertEquals("PID " + ProcessHandle.current().pid() + " module-a\n",
                new String(Files.readAllBytes(file(20003)), StandardCharsets.UTF_8));
    }

    @Test
    void aLinkAtALeaseFilesPlaceIsRefusedAndItsTargetLeftAlone() throws Exception {
        Path victim = Files.write(dir.resolve("victim"), "precious\n".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(file(20004), victim);
        Files.createLink(file(20005), victim);
        LeaseBook book = LeaseBook.in(dir);

        Claim symbolic = book.claim(20004, A);
        assertFalse(symbolic.granted());
        assertTrue(symbolic.heldBy().startsWith("lease file " + file(20004) + " is a symbolic link (owner "),
                symbolic.heldBy());
        assertTrue(symbolic.heldBy().endsWith("), not a lease; remove it"), symbolic.heldBy());
        Claim hard = book.claim(20005, A);
        assertFalse(hard.granted());
        assertTrue(hard.heldBy().contains(" is a file with 2 links "), hard.heldBy());
        assertArrayEquals("precious\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(victim));
        assertEquals("unlocked", LockProbe.of(victim));
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
            assertEquals("locked", LockProbe.of(file(20006)), "the first realm's OS lock is intact");

            LeaseBook.endModule(A);
            Object granted = claim.invoke(other, 20006, b);
            assertEquals(true, claims.getMethod("granted").invoke(granted), "free for the other realm once ended");
            book.getMethod("endBuild", owner).invoke(null, b);
        }
        assertFalse(Files.exists(file(20006)));
    }
}
