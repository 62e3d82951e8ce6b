package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Every pom snippet of the README's "Uses" section is the body of an invoker IT that runs it as written, so the
 * two cannot drift apart: the snippet must stand in the IT's pom line for line (indentation aside), and every
 * {@code src/it/recipe-*} IT must be the one of a snippet.
 */
class ReadmeRecipesTest {
    private static final Pattern MARKER = Pattern.compile("<!-- recipe: (src/it/[\\w-]+|not run: .+) -->");

    @Test
    void everyPomSnippetOfTheUsesSectionIsTheBodyOfItsIt() throws Exception {
        List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Uses");
        assertTrue(start >= 0, "README.md has a Uses section");
        String version = pluginVersion();
        List<String> problems = new ArrayList<>();
        TreeSet<String> recipes = new TreeSet<>();
        int snippets = 0;
        for (int i = start + 1; i < readme.size() && !readme.get(i).startsWith("## "); i++) {
            if (!readme.get(i).equals("```xml")) {
                continue;
            }
            snippets++;
            int close = readme.subList(i + 1, readme.size()).indexOf("```") + i + 1;
            String snippet = normalized(readme.subList(i + 1, close));
            Matcher marker = MARKER.matcher(previousText(readme, i));
            if (!marker.matches()) {
                problems.add("line " + (i + 1) + ": no <!-- recipe: src/it/NAME --> or <!-- recipe: not run: WHY -->"
                        + " right before the snippet");
            } else if (marker.group(1).startsWith("src/it/")) {
                recipes.add(marker.group(1));
                Path pom = Paths.get(marker.group(1), "pom.xml");
                String it = normalized(Files.readAllLines(pom, StandardCharsets.UTF_8))
                        .replace("@project.version@", version);
                if (!it.contains(snippet)) {
                    problems.add("line " + (i + 1) + ": the snippet is not as written in " + pom);
                }
            }
            i = close;
        }
        assertTrue(snippets >= 6, "the Uses section has its pom snippets: " + snippets);
        try (Stream<Path> dirs = Files.list(Paths.get("src/it"))) {
            for (String dir : dirs.map(p -> "src/it/" + p.getFileName()).filter(d -> d.startsWith("src/it/recipe-"))
                    .collect(Collectors.toList())) {
                if (!recipes.contains(dir)) {
                    problems.add(dir + " runs no snippet of the README");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The markers and the normalisation themselves: a changed line is a difference, indentation is not. */
    @Test
    void aChangedLineIsADifferenceIndentationIsNot() {
        String it = normalized(java.util.Arrays.asList("    <ports>", "      <port>8080</port>", "    </ports>"));
        assertTrue(it.contains(normalized(java.util.Arrays.asList("<ports>", "  <port>8080</port>", "</ports>"))));
        assertTrue(!it.contains(normalized(java.util.Arrays.asList("<ports>", "  <port>8081</port>", "</ports>"))));
        assertTrue(MARKER.matcher("<!-- recipe: src/it/recipe-block -->").matches());
        assertTrue(MARKER.matcher("<!-- recipe: not run: it needs a host of yours -->").matches());
        assertEquals(false, MARKER.matcher("<!-- recipe: somewhere -->").matches());
    }

    private static String previousText(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).trim().isEmpty()) {
                return lines.get(i).trim();
            }
        }
        return "";
    }

    /** Lines without their indentation, blank lines dropped. */
    private static String normalized(List<String> lines) {
        return lines.stream().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n", "\n", "\n"));
    }

    /** The version the README's snippets name: the plugin's own, from its descriptor. */
    private static String pluginVersion() throws Exception {
        Path descriptor = Paths.get("target/classes/META-INF/maven/plugin.xml");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                    .getDocumentElement().getElementsByTagName("version").item(0).getTextContent().trim();
        } catch (IOException e) {
            throw new AssertionError("the plugin descriptor is built before the tests: " + descriptor, e);
        }
    }
}
