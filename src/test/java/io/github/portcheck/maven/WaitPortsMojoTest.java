package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.testing.Loopback;
import java.net.ServerSocket;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** wait-ports as Maven runs it: a mistake is refused before any waiting is announced. */
@MojoTest
class WaitPortsMojoTest {
    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "wait-ports")
    @MojoParameter(name = "ports", value = "web=20000-20009")
    void aBadEntryIsRefusedBeforeTheWaitIsAnnounced(WaitPortsMojo mojo) {
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Invalid value 'web=20000-20009' for parameter ports (portcheck.ports): wait-ports waits for one"
                + " known port per entry. Allowed: PORT, NAME=PORT, HOST:PORT, NAME=URL (an http:// or https:// URL), or NAME alone for a port that an earlier"
                + " goal exported as NAME (NAME.first of a block).", e.getMessage());
        assertFalse(log.text().contains("Waiting"), log.text());
    }

    @Test
    @InjectMojo(goal = "wait-ports")
    @MojoParameter(name = "ports", value = "app.port")
    void aNameWithoutAPropertyIsRefusedBeforeTheWaitIsAnnounced(WaitPortsMojo mojo) {
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Invalid value 'app.port' for parameter ports (portcheck.ports)"),
                e.getMessage());
        assertFalse(log.text().contains("Waiting"), log.text());
    }

    @Test
    @InjectMojo(goal = "wait-ports")
    @MojoParameter(name = "ports", value = "1")
    @MojoParameter(name = "timeout", value = "5")
    void anOpenPortEndsTheWaitSayingSo(WaitPortsMojo mojo) throws Exception {
        try (ServerSocket server = Loopback.listen(Loopback.V4, 0)) {
            MojoTestSupport.setPorts(mojo, "127.0.0.1:" + server.getLocalPort());
            mojo.setLog(log);
            mojo.execute();
            assertTrue(log.text().startsWith("[INFO] Waiting up to 5 s for 1 port to be open\n[INFO] The port is open"
                    + " after "), log.text());
        }
    }
}
