package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseBookTest {
    @TempDir
    Path dir;

    @Test
    void aPortIsLeasedOncePerBuild() throws Exception {
        Object build = new Object();
        LeaseBook book = LeaseBook.forBuild(dir, build);
        Claim first = book.claim(20001, "module-a");
        assertTrue(first.granted());
        Claim second = LeaseBook.forBuild(dir, build).claim(20001, "module-b");
        assertFalse(second.granted());
        assertEquals("leased by this build (module-a)", second.heldBy());
        first.lease().release();
        assertTrue(book.claim(20001, "module-b").granted(), "a released port can be leased again");
        book.releaseAll();
    }

    @Test
    void theLeaseFileNamesThisProcessAndIsOpenToEveryUser() throws Exception {
        LeaseBook book = LeaseBook.forBuild(dir, new Object());
        book.claim(20002, "module-a");
        Path file = dir.toRealPath().resolve("port-20002.lock");
        assertEquals("PID " + ProcessHandle.current().pid() + " module-a\n",
                new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        book.releaseAll();
    }

    @Test
    void theNextBuildInTheSameJvmStartsWithNoLeases() throws Exception {
        LeaseBook.forBuild(dir, new Object()).claim(20003, "old build");
        assertTrue(LeaseBook.forBuild(dir, new Object()).claim(20003, "new build").granted());
        LeaseBook.forBuild(dir, new Object()).releaseAll();
    }
}
