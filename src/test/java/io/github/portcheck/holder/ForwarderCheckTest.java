package io.github.portcheck.holder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.testing.AcceptAndClose;
import io.github.portcheck.testing.Loopback;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real listeners: this JVM, and a process the kernel calls docker-proxy. */
class ForwarderCheckTest {
    @BeforeAll
    static void linuxOnly() {
        ProcNetHolderLookupTest.linuxOnly();
    }

    @Test
    void aListenerOfThisJvmIsTheServiceItself() throws Exception {
        try (ServerSocket service = Loopback.listen(Loopback.V4, 0)) {
            assertFalse(ForwarderCheck.forThisSystem().mayForward(service.getLocalPort()));
        }
    }

    @Test
    void aListenerNamedDockerProxyMayForward(@TempDir Path dir) throws Exception {
        Process proxy = AcceptAndClose.startAs("docker-proxy", dir);
        try {
            assertTrue(ForwarderCheck.forThisSystem().mayForward(AcceptAndClose.port(proxy)));
        } finally {
            proxy.getOutputStream().close();
            assertTrue(proxy.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPortNobodyListensOnOrNoProcMayBeAnything() throws Exception {
        assertTrue(ForwarderCheck.forThisSystem().mayForward(Loopback.freePort()));
        try (ServerSocket service = Loopback.listen(Loopback.V4, 0)) {
            assertTrue(ForwarderCheck.UNKNOWN.mayForward(service.getLocalPort()));
        }
    }
}
