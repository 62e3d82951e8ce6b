package io.github.portcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in start's settings is one message, before anything starts. */
class RawStartSettingsTest {
    @TempDir
    Path dir;

    private RawStartSettings raw() {
        return new RawStartSettings().executable("sh").workingDirectory(dir).logFile(dir.resolve("server.log"))
                .ports(Collections.singletonList(PortEntry.of("app.port")));
    }

    private static String refused(RawStartSettings raw) {
        return assertThrows(ConfigurationException.class, () -> raw.checked(BuildProperties.NONE)).getMessage();
    }

    @Test
    void aProgramThatCannotRunIsRefusedNamingWhy() throws Exception {
        assertEquals("Invalid value 'null' for setting executable: no program to start. Allowed: the path of a program"
                + " this user may run, or the name of one on the PATH.", refused(raw().executable(null)));
        assertTrue(refused(raw().executable("no-such-program-here")).startsWith("Invalid value 'no-such-program-here'"
                + " for setting executable: no program of that name on the PATH ("));
        Path script = Files.write(dir.resolve("run.sh"), "#!/bin/sh\n".getBytes());
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("Invalid value './run.sh' for setting executable: this user may not run " + dir.resolve("./run.sh")
                + ". Allowed: the path of a program this user may run, or the name of one on the PATH.",
                refused(raw().executable("./run.sh")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        raw().executable("./run.sh").checked(BuildProperties.NONE);
    }

    @Test
    void aReferenceToNothingABadPatternAndBadTimesAreRefused() {
        assertEquals("Invalid value '--port=@{http.port}' for setting arguments: @{http.port} names neither a port of"
                + " ports (app.port) nor a property of the build. Allowed: @{NAME} for a named entry of ports or a"
                + " property.", refused(raw().arguments(Arrays.asList("--port=@{http.port}"))));
        assertTrue(refused(raw().readyWhen(Collections.singletonList(PortEntry.of("http://localhost:@{nope}/"))))
                .startsWith("Invalid value 'http://localhost:@{nope}/' for setting readyWhen: @{nope} names neither"));
        assertTrue(refused(raw().readyLog("Started (in")).startsWith("Invalid value 'Started (in' for setting"
                + " readyLog: not a regular expression (Unclosed group near position"));
        assertEquals("Invalid value '-1' for setting timeout: not a number of seconds. Allowed: 1 to 86400 (a day).",
                refused(raw().timeout(-1)));
        assertEquals("Invalid value '-5' for setting stopTimeout: not a number of seconds. Allowed: 0 (end it by force"
                + " at once) to 86400 (a day).", refused(raw().stopTimeout(-5)));
        assertTrue(refused(raw().workingDirectory(dir.resolve("missing"))).contains("for setting workingDirectory:"
                + " not a directory"));
    }

    @Test
    void referencesToThePortsAndToPropertiesAreAcceptedAndResolvedLate() throws Exception {
        BuildProperties build = BuildProperties.NONE.with(Collections.singletonMap("db.url", "jdbc:x"));
        StartSettings settings = raw().arguments(Arrays.asList("--port=@{app.port}", "--db=@{db.url}"))
                .readyWhen(Collections.singletonList(PortEntry.of("http://localhost:@{app.port}/health")))
                .checked(build);
        assertEquals(Arrays.asList("sh", "--port=20417", "--db=jdbc:x"), settings.command(build.with(
                Collections.singletonMap("app.port", "20417"))));
        assertEquals(20417, settings.readiness(build, Collections.singletonMap("app.port", "20417")).targets().get(0)
                .port());
    }
}
