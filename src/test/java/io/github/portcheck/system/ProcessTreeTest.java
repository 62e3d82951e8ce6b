package io.github.portcheck.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The processes a server started are found by its cookie among this user's processes, never another user's. */
class ProcessTreeTest {
    private final ProcessTree tree = ProcessTree.forThisSystem();

    @Test
    void aServersCookieIsLookedForAmongThisUsersProcessesOnly() throws Exception {
        assumeTrue(tree.canTell(), "needs /proc");
        assumeTrue(ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        String cookie = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder("sleep", "60");
        builder.environment().put("PORTCHECK_SERVER", cookie);
        Process mine = builder.start();
        // another user's process that carries the same cookie: a root build must neither read it nor stop it
        Process theirs = ChildJvm.startAsNobody("env", "PORTCHECK_SERVER=" + cookie, "sleep", "60");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(runs(mine.pid(), "sleep") && runs(theirs.pid(), "sleep")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(runs(theirs.pid(), "sleep"), "nobody's process carries the cookie");
            assertEquals(Collections.singletonList(mine.pid()), tree.withEnvironment("PORTCHECK_SERVER", cookie));
        } finally {
            mine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            theirs.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean runs(long pid, String program) {
        try {
            return new String(Files.readAllBytes(Paths.get("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).startsWith(program + "\0");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
