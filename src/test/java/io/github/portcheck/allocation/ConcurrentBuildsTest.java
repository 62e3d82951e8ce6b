package io.github.portcheck.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.domain.PortRange;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Leases;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Owners;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several JVMs run the allocation at the same instant against one lease directory, as concurrent builds do. */
class ConcurrentBuildsTest {
    private static final int BUILDS = 4;
    private static final int PORTS_EACH = 3;
    private static final LeaseOwner PARENT = Owners.module("parent");

    @TempDir
    Path leases;

    /**
     * A folder under /tmp that every user may enter, with a lease directory: this user's own, or for two users the
     * one root makes by the README's command (a JVM of every second build then runs as nobody).
     */
    private static Path leaseDirectory(Path shared, boolean twoUsers) throws Exception {
        Files.setAttribute(shared, "unix:mode", 0755);
        Path dir = shared.resolve("leases");
        if (!twoUsers) {
            LeaseDirectory.check(dir);
            return dir;
        }
        Process admin = new ProcessBuilder("/bin/sh", "-c", "install -d -m 755 " + dir + " && install -m 666 /dev/null "
                + dir + "/leases.lock").inheritIO().start();
        assertEquals(0, admin.waitFor());
        return dir;
    }

    private static void delete(Path tree) throws Exception {
        try (Stream<Path> all = Files.walk(tree)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "two users: {0}")
    @ValueSource(booleans = {false, true})
    void concurrentBuildsNeverGetTheSamePortAndAKilledBuildsLeasesAreTakenOver(boolean twoUsers) throws Exception {
        assumeTrue(!twoUsers || ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = Files.createTempDirectory(Paths.get("/tmp"), "portcheck-builds-");
        PortRange range = Loopback.freeRun(BUILDS * PORTS_EACH);
        long startAt = System.currentTimeMillis() + 3000;
        List<Process> children = new ArrayList<>();
        try {
            Path leases = leaseDirectory(shared, twoUsers);
            for (int i = 0; i < BUILDS; i++) {
                String[] args = {leases.toString(), range.toString(), Integer.toString(PORTS_EACH),
                        Long.toString(startAt)};
                children.add((twoUsers && i % 2 == 0 ? ChildJvm.asNobody(LeaseHolder.class, args)
                        : ChildJvm.of(LeaseHolder.class, args)).start());
            }
            List<List<Integer>> given = new ArrayList<>();
            Set<Integer> all = new HashSet<>();
            for (Process child : children) {
                List<Integer> ports = readPorts(child);
                given.add(ports);
                all.addAll(ports);
            }
            assertEquals(BUILDS * PORTS_EACH, all.size(), "every port handed out once: " + given);
            assertTrue(all.stream().allMatch(range::contains), given.toString());

            // While a child lives, its ports are leased to it; once it is killed (-9), they can be leased again.
            Process victim = children.get(0);
            int port = given.get(0).get(0);
            LeaseBook book = Leases.in(leases);
            Claim refused = book.claim(port, PARENT);
            assertFalse(refused.granted());
            assertEquals("leased by another build", refused.heldBy());
            assertEquals(Map.of(port, "PID " + victim.pid()), book.holders(List.of(port)), "the kernel names it");
            victim.destroyForcibly();
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
            for (int p : given.get(0)) {
                assertTrue(book.claim(p, PARENT).granted(), "the killed build's port " + p + " is taken over");
            }
            assertFalse(book.claim(given.get(1).get(0), PARENT).granted(), "a live build keeps its ports");
            LeaseBook.endBuild(Owners.BUILD);
        } finally {
            endAll(children);
            delete(shared);
        }
    }

    @Test
    void buildsRacingForBlocksInASmallRangeNeverShareAPortNorHoldHalfABlock() throws Exception {
        // 4 JVMs each want a block of 3 in 8 ports: 2 blocks fit at most, so at least 2 JVMs lose the race.
        PortRange range = Loopback.freeRun(8);
        long startAt = System.currentTimeMillis() + 3000;
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < BUILDS; i++) {
                children.add(ChildJvm.of(LeaseHolder.class, leases.toString(), range.toString(), "1",
                        Long.toString(startAt), "3").start());
            }
            Set<Integer> held = new HashSet<>();
            List<List<Integer>> blocks = new ArrayList<>();
            for (Process child : children) {
                List<Integer> block = readLine(child);
                blocks.add(block);
                if (block.isEmpty()) {
                    continue; // lost the race: no block at all
                }
                assertEquals(3, block.size(), "a whole block or nothing: " + blocks);
                assertEquals(block.get(0) + 2, (int) block.get(2), "contiguous: " + block);
                for (int port : block) {
                    assertTrue(range.contains(port) && held.add(port), "a port of two blocks: " + blocks);
                }
            }
            assertTrue(!held.isEmpty() && held.size() <= 6, blocks.toString());
            // Every port outside the winners' blocks is free to lease: a loser kept nothing.
            LeaseBook book = Leases.in(leases);
            for (int port = range.first(); port <= range.last(); port++) {
                assertEquals(!held.contains(port), book.claim(port, PARENT).granted(), "port " + port + ", " + blocks);
            }
            LeaseBook.endBuild(Owners.BUILD);
        } finally {
            endAll(children);
        }
    }

    /** Closes each child's input, so that it ends and gives up its leases; kills one that does not. */
    private static void endAll(List<Process> children) throws Exception {
        for (Process child : children) {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static List<Integer> readPorts(Process child) throws Exception {
        List<Integer> ports = readLine(child);
        assertEquals(PORTS_EACH, ports.size(), ports.toString());
        return ports;
    }

    private static List<Integer> readLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORTS")) {
                List<Integer> ports = new ArrayList<>();
                for (String p : line.substring(5).trim().split(" ")) {
                    if (!p.isEmpty()) {
                        ports.add(Integer.parseInt(p));
                    }
                }
                return ports;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child ended without its ports:\n" + seen);
    }

    @ParameterizedTest(name = "two users: {0}")
    @ValueSource(booleans = {false, true})
    void buildsChurningOverAFewPortsNeverHoldOnePortTwice(boolean twoUsers) throws Exception {
        // Three JVMs lease and end leases on three ports as fast as they can; each lease ends its module, so each
        // claim opens the lock file anew. For two users, one JVM is user nobody, starting half a second later, and
        // all three lock the file root made. Each JVM marks a port it holds with a file that only one holder can
        // create: a second holder finds it.
        assumeTrue(!twoUsers || ChildJvm.canActAsNobody(), "needs root and setpriv to act as another user");
        Path shared = Files.createTempDirectory(Paths.get("/tmp"), "portcheck-churn-");
        try {
            Path leases = leaseDirectory(shared, twoUsers);
            Path markers = Files.createDirectory(shared.resolve("marks"));
            Files.setAttribute(markers, "unix:mode", 01777);
            int first = Loopback.freeRun(3).first();
            long startAt = System.currentTimeMillis() + 3000;
            long millis = 2000;
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String[] args = {leases.toString(), markers.toString(), Integer.toString(first), "3",
                        Long.toString(startAt + (i == 2 ? 500 : 0)), Long.toString(millis)};
                children.add((i == 2 && twoUsers ? ChildJvm.asNobody(LeaseChurner.class, args)
                        : ChildJvm.of(LeaseChurner.class, args)).start());
            }
            long holds = 0;
            for (Process child : children) {
                assertTrue(child.waitFor(60, TimeUnit.SECONDS), "a churning JVM did not end");
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                String[] words = out.split(" ");
                assertEquals("HOLDS", words[0], out);
                assertEquals("0", words[3], "a port was held twice: " + out);
                assertTrue(Long.parseLong(words[1]) > 50, "each JVM leased for real: " + out);
                holds += Long.parseLong(words[1]);
            }
            assertTrue(holds > 300, "the JVMs raced for real: " + holds + " leases");
        } finally {
            delete(shared);
        }
    }
}
