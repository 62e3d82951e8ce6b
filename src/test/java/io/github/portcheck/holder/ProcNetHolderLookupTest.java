package io.github.portcheck.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.allocation.PortChooser;
import io.github.portcheck.allocation.PortPool;
import io.github.portcheck.check.CheckResult;
import io.github.portcheck.check.PortCheck;
import io.github.portcheck.config.SettingNames;
import io.github.portcheck.domain.ConflictPolicy;
import io.github.portcheck.domain.DetectorChoice;
import io.github.portcheck.domain.PortRange;
import io.github.portcheck.probe.BindDetector;
import io.github.portcheck.probe.ConnectDetector;
import io.github.portcheck.probe.HostResolver;
import io.github.portcheck.report.ConflictReport;
import io.github.portcheck.report.ResultTable;
import io.github.portcheck.testing.Loopback;
import io.github.portcheck.testing.Requests;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProcNetHolderLookupTest {

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(Files.isReadable(Paths.get("/proc/net/tcp")), "no /proc/net/tcp: not Linux");
    }

    @Test
    void namesThisJvmAsTheHolderOfItsListeners() throws Exception {
        try (ServerSocket v4 = Loopback.listen(Loopback.V4, 0); ServerSocket v6 = Loopback.listen(Loopback.V6, 0)) {
            Set<Integer> ports = new HashSet<>();
            ports.add(v4.getLocalPort());
            ports.add(v6.getLocalPort());
            Map<Integer, Holder> holders = new ProcNetHolderLookup().find(ports);
            long me = ProcessHandle.current().pid();
            for (int port : ports) {
                Holder h = holders.get(port);
                assertEquals(me, h.pid(), "holder of " + port);
                assertTrue(h.describe().startsWith("PID " + me + ": "), h.describe());
                assertTrue(h.describe().contains("java"), h.describe());
            }
        }
    }

    @Test
    void aFreePortHasNoHolder() throws Exception {
        int port = Loopback.freePort();
        assertFalse(new ProcNetHolderLookup().find(Collections.singleton(port)).containsKey(port));
    }

    @Test
    void aSocketBoundButNotListeningIsNotListedByTheKernel() throws Exception {
        // /proc/net/tcp walks the listening and connected sockets only: such a holder stays unknown.
        try (Socket bound = Loopback.boundNotListening(Loopback.V4)) {
            int port = bound.getLocalPort();
            assertFalse(new ProcNetHolderLookup().find(Collections.singleton(port)).containsKey(port));
        }
    }

    @Test
    void aLongCommandLineIsCutShort() {
        StringBuilder cmd = new StringBuilder("java");
        while (cmd.length() < 500) {
            cmd.append(" -Dx=y");
        }
        String text = Holder.process(42, cmd.toString()).describe();
        assertTrue(text.startsWith("PID 42: java -Dx=y"), text);
        assertTrue(text.endsWith("...") && text.length() < 180, text);
        assertEquals("an unknown process", Holder.unknown().describe());
    }

    @Test
    void aJavaCommandIsShownByItsMainClassNotItsOptions() {
        Holder maven = Holder.process(7, Arrays.asList("/usr/bin/java", "-classpath", "/usr/share/maven/boot/x.jar",
                "-Dclassworlds.conf=/usr/share/maven/bin/m2.conf", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "org.codehaus.plexus.classworlds.launcher.Launcher", "-B", "verify"));
        assertEquals("PID 7: java org.codehaus.plexus.classworlds.launcher.Launcher -B verify", maven.describe());
        assertEquals("PID 8: java -jar app.jar --port 8080",
                Holder.process(8, Arrays.asList("java", "-Xmx1g", "-jar", "app.jar", "--port", "8080")).describe());
        assertEquals("PID 9: postgres -D /var/lib/postgresql",
                Holder.process(9, Arrays.asList("postgres", "-D", "/var/lib/postgresql")).describe());
    }

    @Test
    void aJavaHolderWithAHugeClassPathIsNamedByItsMainClass() throws Exception {
        StringBuilder classpath = new StringBuilder(java.nio.file.Paths.get(ListenerChild.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString());
        while (classpath.length() < 20_000) {
            classpath.append(java.io.File.pathSeparator).append("/nonexistent/repository/some-library-1.0.jar");
        }
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                classpath.toString(), ListenerChild.class.getName()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("PORT "), String.valueOf(line));
            int port = Integer.parseInt(line.substring(5));
            Holder holder = new ProcNetHolderLookup().find(Collections.singleton(port)).get(port);
            assertEquals("PID " + child.pid() + ": java " + ListenerChild.class.getName(), holder.describe());
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aCommandLineWithNewlinesAndTabsStaysOnTheTablesLine() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), ListenerChild.class.getName(), "import socket\n\tserve()",
                "\r\nlast").redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && line.startsWith("PORT "), String.valueOf(line));
            int port = Integer.parseInt(line.substring(5));
            CheckResult result = new PortCheck(
                    new HostResolver(new BindDetector(), new ConnectDetector(500)),
                    new PortChooser(PortPool.of(PortRange.of(1, 2), Collections.emptyList()), size -> 0),
                    new ProcNetHolderLookup())
                    .run(Requests.of("app=" + port), "localhost", DetectorChoice.AUTO, ConflictPolicy.FAIL);
            List<String> table = ResultTable.lines(result);
            assertEquals(2, table.size());
            assertTrue(table.get(1).endsWith("in use by PID " + child.pid() + ": java " + ListenerChild.class.getName()
                    + " import socket serve() last"), table.get(1));
            String message = ConflictReport.message(result, SettingNames.PLAIN);
            assertEquals(3, message.split("\n").length, message);
            assertTrue(!message.contains("\t") && !message.contains("\r"), message);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }
}
