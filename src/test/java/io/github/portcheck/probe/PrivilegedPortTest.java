package io.github.portcheck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Loopback;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A privileged port probed by an ordinary user: Java throws the same BindException as for "in use", and the
 * verdict must say "permission denied". Run as root (as on CI), the probe runs in a child JVM as user nobody.
 */
class PrivilegedPortTest {

    /** The child JVM's entry point: probes each port given and prints one status a line. */
    public static void main(String[] ports) {
        for (String port : ports) {
            System.out.println(new BindDetector().probe(Loopback.V4, Integer.parseInt(port)).status());
        }
    }

    @Test
    void aPrivilegedPortIsDeniedToAnOrdinaryUserWhetherFreeOrHeld() throws Exception {
        int firstUnprivileged = Integer.parseInt(
                Files.readAllLines(Paths.get("/proc/sys/net/ipv4/ip_unprivileged_port_start")).get(0).trim());
        assumeTrue(firstUnprivileged > 100, "this machine lets every user bind low ports");
        BindDetector bind = new BindDetector();
        if (!"root".equals(System.getProperty("user.name"))) {
            assertEquals(Verdict.Status.DENIED, bind.probe(Loopback.V4, firstUnprivileged - 1).status());
            return;
        }
        assumeTrue(ChildJvm.canActAsNobody(), "running as root, without setpriv to become nobody");
        List<Integer> free = new ArrayList<>();
        for (int port = firstUnprivileged - 1; port > 1 && free.size() < 2; port--) {
            if (bind.probe(Loopback.V4, port).isFree()) {
                free.add(port);
            }
        }
        try (ServerSocket held = Loopback.listen(Loopback.V4, free.get(1))) {
            assertEquals(Arrays.asList("DENIED", "DENIED"), probeAsNobody(free.get(0), held.getLocalPort()));
        }
    }

    private static List<String> probeAsNobody(int... ports) throws Exception {
        String[] args = Arrays.stream(ports).mapToObj(Integer::toString).toArray(String[]::new);
        return Arrays.asList(ChildJvm.runAsNobody(PrivilegedPortTest.class, args).split("\\s+"));
    }
}
