package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.portcheck.testing.Loopback;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Maven layer: parameters in, properties, log lines and failures out. The decisions are tested in the core. */
@MojoTest
class CheckPortsMojoTest {
    private static final File PROPERTIES_FILE = new File("target/mojo-test/portcheck.properties");

    @Inject
    private MavenProject project;

    @Inject
    private MavenSession session;

    private final CapturingLog log = new CapturingLog();

    /** The harness runs no build around the Mojo: end it as Maven does, so that its leases end too. */
    @AfterEach
    void endBuild() {
        if (session.getRequest() != null && session.getRequest().getExecutionListener() != null) {
            session.getRequest().getExecutionListener().sessionEnded(null);
        }
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "http.port")
    @MojoParameter(name = "propertiesFile", value = "target/mojo-test/portcheck.properties")
    @MojoParameter(name = "leaseDirectory", value = "target/mojo-test/leases") // whatever this machine's /tmp holds
    void exportsAFreePortAsAPropertyAndToTheFile(CheckPortsMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        String port = project.getProperties().getProperty("http.port");
        assertTrue(Integer.parseInt(port) >= 10000, port);
        Properties written = new Properties();
        try (java.io.InputStream in = Files.newInputStream(PROPERTIES_FILE.toPath())) {
            written.load(in);
        }
        assertEquals(port, written.getProperty("http.port"));
        assertTrue(log.text().contains("[INFO]   http.port  localhost  " + port + "  bind      free"), log.text());
        assertFalse(log.text().contains("[WARNING]"), log.text());
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "http.port=20000-20099")
    void aPortOnTheCommandLineIsThePortChecked(CheckPortsMojo mojo) throws Exception {
        int free = Loopback.freePort();
        session.getUserProperties().setProperty("http.port", Integer.toString(free));
        mojo.setLog(log);
        mojo.execute();
        assertEquals(Integer.toString(free), project.getProperties().getProperty("http.port"));
        assertTrue(log.text().contains("[INFO] Checking port " + free + " for http.port as given by -Dhttp.port"
                + " (instead of 'http.port=20000-20099')"), log.text());
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "http.port")
    void warnsWhenThePomFixedTheProperty(CheckPortsMojo mojo) throws Exception {
        project.getProperties().setProperty("http.port", "8080");
        mojo.setLog(log);
        mojo.execute();
        String port = project.getProperties().getProperty("http.port");
        assertTrue(log.text().contains("[WARNING] Property http.port is also set in the pom to 8080: every ${http.port}"
                + " in the pom was replaced by 8080 when the pom was read, so later plugins see 8080, not the exported "
                + port + ". Remove http.port from <properties>, or use @{http.port}"), log.text());
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "db=1,http.port")
    @MojoParameter(name = "propertiesFile", value = "target/mojo-test/portcheck.properties")
    void aConflictFailsTheBuildExportsNothingAndRemovesAnEarlierPropertiesFile(CheckPortsMojo mojo) throws Exception {
        Files.createDirectories(PROPERTIES_FILE.toPath().getParent());
        Files.write(PROPERTIES_FILE.toPath(), "http.port=12345\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            MojoTestSupport.setPorts(mojo, "db=" + held.getLocalPort(), "http.port");
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("1 of 2 entries got no free port:\n  port " + held.getLocalPort()
                    + " (db) on localhost is in use by PID " + ProcessHandle.current().pid()), e.getMessage());
            assertNull(project.getProperties().getProperty("http.port"));
            assertFalse(PROPERTIES_FILE.exists(), "a script finds no ports of an earlier run");
        }
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "db=1")
    @MojoParameter(name = "onConflict", value = "warn")
    void eachLineOfAWarningCarriesTheWarningPrefix(CheckPortsMojo mojo) throws Exception {
        mojo.setLog(log);
        try (ServerSocket held = Loopback.listen(Loopback.V4, 0)) {
            MojoTestSupport.setPorts(mojo, "db=" + held.getLocalPort());
            mojo.execute();
            assertTrue(log.text().contains("[WARNING] The port is not free:\n[WARNING]   port "
                    + held.getLocalPort() + " (db) on localhost is in use by PID"), log.text());
        }
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "ports", value = "http.port")
    @MojoParameter(name = "onConflict", value = "ignore")
    void aBadParameterFailsWithOneClearMessage(CheckPortsMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("Invalid value 'ignore' for parameter onConflict (portcheck.onConflict): not a conflict policy."
                + " Allowed: fail, warn or reassign.", e.getMessage());
        assertNull(e.getCause());
        assertNull(project.getProperties().getProperty("http.port"));
    }

    @Test
    @InjectMojo(goal = "check-ports")
    @MojoParameter(name = "skip", value = "true")
    void skipChecksNothing(CheckPortsMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute(); // no ports: would fail if it ran
        assertEquals("[INFO] Skipping the port check (portcheck.skip=true)", log.text());
    }

    @Test
    @InjectMojo(goal = "check-ports")
    void anEmptyListIsAnError(CheckPortsMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No ports to check: parameter ports (portcheck.ports) is empty."),
                e.getMessage());
    }
}
