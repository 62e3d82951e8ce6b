package io.github.portcheck.holder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.portcheck.system.Os;
import io.github.portcheck.system.Tools;
import io.github.portcheck.testing.ChildJvm;
import io.github.portcheck.testing.Recorded;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Naming a port's holder with lsof, ps, netstat and tasklist: recorded outputs of each, and lsof for real. */
class SystemToolsHolderTest {
    private final List<String> asked = Recorded.asked();
    private final List<String> debug = new ArrayList<>();

    @Test
    void lsofFieldsOfLinuxAndMacos() {
        assertEquals(Map.of(60547, "PID 3329: python3", 48119, "PID 3329: python3", 58749, "PID 3329: python3"),
                described(LsofOutput.listeners(Recorded.lines("lsof-4.95-linux.txt"), Set.of(60547, 48119, 58749))));
        Map<Integer, Holder> mac = LsofOutput.listeners(Recorded.lines("lsof-4.91-macos.txt"),
                Set.of(5000, 8080, 5432, 58631));
        assertEquals(Map.of(5000, "PID 866: ControlCe", 8080, "PID 1204: java", 5432, "PID 2418: postgres"),
                described(mac), "a connection (->) is no listener; the first listener of a port names it");
        assertEquals(Map.of(), LsofOutput.listeners(Recorded.lines("lsof-4.91-macos.txt"), Set.of(7001)));
    }

    @Test
    void macosNamesTheHolderWithItsWholeCommandLineOneLsofAndOnePsForAllPorts() {
        HolderLookup lookup = HolderLookups.forSystem(Os.MAC, false, Recorded.tools(Recorded.answers(
                "lsof ", "lsof-4.91-macos.txt", "ps ", "ps-macos.txt"), asked), debug::add);
        Map<Integer, Holder> found = lookup.find(Set.of(5000, 8080, 5432, 6000));
        assertEquals("PID 866: /System/Library/CoreServices/ControlCenter.app/Contents/MacOS/ControlCenter",
                found.get(5000).describe());
        assertEquals("PID 1204: java com.example.App --port 8080", found.get(8080).describe(),
                "a Java holder by its main class, as on Linux");
        assertEquals("PID 2418: /opt/homebrew/opt/postgresql@16/bin/postgres -D /opt/homebrew/var/postgresql@16",
                found.get(5432).describe());
        assertEquals(3, found.size(), "6000 has no listener");
        assertEquals(List.of("lsof -nP -iTCP:5000,5432,6000,8080 -sTCP:LISTEN -F pcn",
                "ps -ww -o pid=,command= -p 866 -p 1204 -p 2418"), asked);
        assertEquals(List.of(), debug);
    }

    @Test
    void windowsReadsNetstatOfIpv4AndIpv6InAnyLanguageAndTasklist() {
        assertEquals(Map.of(8080, 5072L, 5432, 3316L, 135, 1024L), NetstatOutput.listeners(
                Recorded.lines("netstat-tcp-windows10-en.txt"), Set.of(8080, 5432, 135, 50412)));
        assertEquals(Map.of(9000, 6120L), NetstatOutput.listeners(Recorded.lines("netstat-tcpv6-windows10-en.txt"),
                Set.of(9000)));
        assertEquals(Map.of(8080, 9044L), NetstatOutput.listeners(Recorded.lines("netstat-tcp-windows11-zh.txt"),
                Set.of(8080, 8411)));
        assertEquals(Map.of(8080, 2988L), NetstatOutput.listeners(Recorded.lines("netstat-tcp-server2019-de.txt"),
                Set.of(8080, 3389)), "ABHÖREN is LISTENING; an established connection is no listener");
        Map<Long, String> images = TasklistOutput.images(Recorded.lines("tasklist-windows.txt"));
        assertEquals("Code - Insiders.exe", images.get(6120L));
        assertEquals("System Idle Process", images.get(0L));

        HolderLookup lookup = new NetstatHolderLookup(Recorded.tools(Recorded.answers(
                "netstat -ano -p TCPv6", "netstat-tcpv6-windows10-en.txt", "netstat -ano -p TCP", "netstat-tcp-windows10-en.txt",
                "tasklist ", "tasklist-windows.txt"), asked), pid -> pid == 5072 ? "python.exe -m http.server 8080" : null,
                debug::add);
        Map<Integer, Holder> found = lookup.find(Set.of(8080, 5432, 9000));
        assertEquals("PID 5072: python.exe -m http.server 8080", found.get(8080).describe(), "the JDK's command line");
        assertEquals("PID 3316: postgres.exe", found.get(5432).describe(), "else tasklist's image name");
        assertEquals("PID 6120: Code - Insiders.exe", found.get(9000).describe(), "an IPv6-only listener");
        assertEquals(List.of("netstat -ano -p TCP", "netstat -ano -p TCPv6", "tasklist /FO CSV /NH"), asked);
    }

    @Test
    void aMissingToolLeavesTheHolderUnknownAndSaysWhyAtDebug() {
        Map<Integer, Holder> found = HolderLookups.forSystem(Os.MAC, false, Recorded.tools(Map.of(), asked),
                debug::add).find(Set.of(8080));
        assertEquals(Map.of(), found);
        assertEquals(List.of("Holder lookup: lsof is not installed or cannot run (no such file)"), debug);
        debug.clear();
        assertEquals(Map.of(), HolderLookups.forSystem(Os.WINDOWS, false, Recorded.tools(Map.of(), asked),
                debug::add).find(Set.of(8080)));
        assertEquals(2, debug.size(), "netstat for IPv4 and IPv6: " + debug);
        Tools slow = command -> Tools.Output.failed("lsof gave no answer within 3000 ms");
        assertEquals(Map.of(), new LsofHolderLookup(slow, debug::add).find(Set.of(8080)));
        assertTrue(debug.get(2).endsWith("lsof gave no answer within 3000 ms"), debug.toString());
    }

    @Test
    void lsofForRealNamesTheListenerOfAChildOnIpv4AndIpv6() throws Exception {
        assumeTrue(Tools.processes(3000).run(List.of("lsof", "-v")).failure() == null, "lsof is not installed"
                + " (.ci/run installs it)");
        HolderLookup lsof = HolderLookups.forSystem(Os.LINUX, false, Tools.processes(10_000), debug::add);
        for (String family : List.of("v4", "v6")) {
            Process child = ChildJvm.of(ListenerChild.class, "--" + family).start();
            try {
                String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                assertTrue(line != null && line.startsWith("PORT "), String.valueOf(line));
                int port = Integer.parseInt(line.substring(5));
                Holder holder = lsof.find(Set.of(port)).get(port);
                assertEquals(child.pid(), holder == null ? -1 : holder.pid(), family + ": " + holder + " " + debug);
                assertEquals("PID " + child.pid() + ": java " + ListenerChild.class.getName() + " --" + family,
                        holder.describe());
            } finally {
                child.getOutputStream().close();
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
        assertEquals(List.of(), debug);
    }

    @Test
    void eachSystemGetsItsOwnLookup() {
        Tools none = Recorded.tools(Map.of(), asked);
        assertTrue(HolderLookups.forSystem(Os.LINUX, true, none, debug::add) instanceof ProcNetHolderLookup);
        assertTrue(HolderLookups.forSystem(Os.LINUX, false, none, debug::add) instanceof LsofHolderLookup);
        assertTrue(HolderLookups.forSystem(Os.MAC, false, none, debug::add) instanceof LsofHolderLookup);
        assertTrue(HolderLookups.forSystem(Os.WINDOWS, false, none, debug::add) instanceof NetstatHolderLookup);
        assertEquals(Os.MAC, Os.of("Mac OS X"));
        assertEquals(Os.WINDOWS, Os.of("Windows Server 2019"));
        assertEquals(Os.LINUX, Os.of("Linux"));
    }

    private static Map<Integer, String> described(Map<Integer, Holder> holders) {
        Map<Integer, String> described = new java.util.HashMap<>();
        holders.forEach((port, holder) -> described.put(port, holder.describe()));
        return described;
    }
}
