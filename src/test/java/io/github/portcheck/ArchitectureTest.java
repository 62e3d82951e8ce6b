package io.github.portcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which package of the plugin may import which, as the README's "How it is built" states it: lower layers never
 * import the layers above; the core knows nothing of configuration or Maven; check and wait do not lean on each
 * other. Read from the sources' import lines.
 */
class ArchitectureTest {
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("domain");
        allow("system");
        allow("poll");
        allow("probe", "domain");
        allow("holder", "system");
        allow("allocation", "domain", "probe", "system");
        allow("config", "domain");
        allow("check", "allocation", "config", "domain", "holder", "poll", "probe", "system");
        allow("wait", "config", "domain", "holder", "poll", "probe", "system");
        allow("server", "allocation", "config", "domain", "poll", "probe", "system", "wait");
        allow("report", "allocation", "check", "config", "domain", "holder", "poll", "probe", "server", "wait");
        allow("maven", "allocation", "check", "config", "domain", "holder", "poll", "probe", "report", "server",
                "system", "wait", "help");
    }

    private static void allow(String from, String... to) {
        ALLOWED.put(from, new HashSet<>(Arrays.asList(to)));
    }

    @Test
    void eachPackageImportsOnlyTheLayersBelowIt() throws IOException {
        Path root = Paths.get("src/main/java/io/github/portcheck");
        Pattern own = Pattern.compile("^import (?:static )?io\\.github\\.portcheck\\.([a-z]+)\\.", Pattern.MULTILINE);
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String from = root.relativize(file).getName(0).toString();
                Matcher m = own.matcher(new String(Files.readAllBytes(file), "UTF-8"));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        found.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        Map<String, Set<String>> forbidden = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : found.entrySet()) {
            Set<String> allowed = ALLOWED.get(e.getKey());
            assertEquals(true, allowed != null, "a package the architecture does not name: " + e.getKey());
            for (String to : e.getValue()) {
                if (!allowed.contains(to)) {
                    forbidden.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(to);
                }
            }
        }
        assertEquals(new TreeMap<>(), forbidden, "imports against the layers");
    }
}
