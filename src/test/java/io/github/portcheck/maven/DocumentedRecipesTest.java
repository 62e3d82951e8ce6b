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
 * Every pom snippet of the README's "Recipes" section and of the site's pages is the body of an invoker IT that
 * runs it as written, so the two cannot drift apart: the snippet must stand in the IT's pom line for line
 * (indentation aside), and every {@code src/it/recipe-*} IT must be the one of a snippet of the README or the site.
 */
class DocumentedRecipesTest {
    private static final Pattern MARKER = Pattern.compile("<!-- recipe: (src/it/[\\w-]+|not run: .+) -->");

    @Test
    void everyPomSnippetOfTheReadmeAndTheSiteIsTheBodyOfItsIt() throws Exception {
        String version = pluginVersion();
        List<String> problems = new ArrayList<>();
        TreeSet<String> recipes = new TreeSet<>();
        List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Recipes");
        assertTrue(start >= 0, "README.md has a Recipes section");
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        int snippets = check("README.md", readme, start, end, version, recipes, problems);
        assertTrue(snippets >= 5, "the README's Recipes section has its pom snippets: " + snippets);
        int siteSnippets = 0;
        for (Path page : Documents.sitePages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            siteSnippets += check(page.toString(), lines, 0, lines.size(), version, recipes, problems);
        }
        assertTrue(siteSnippets >= 8, "the site's pages have their pom snippets: " + siteSnippets);
        try (Stream<Path> dirs = Files.list(Paths.get("src/it"))) {
            for (String dir : dirs.map(p -> "src/it/" + p.getFileName()).filter(d -> d.startsWith("src/it/recipe-"))
                    .collect(Collectors.toList())) {
                if (!recipes.contains(dir)) {
                    problems.add(dir + " runs no snippet of the README or the site");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Checks the xml snippets of lines [from, to) of one document; returns how many there are. */
    private static int check(String document, List<String> lines, int from, int to, String version,
            TreeSet<String> recipes, List<String> problems) throws IOException {
        int snippets = 0;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).equals("```xml")) {
                continue;
            }
            snippets++;
            int close = lines.subList(i + 1, lines.size()).indexOf("```") + i + 1;
            String snippet = normalized(lines.subList(i + 1, close));
            Matcher marker = MARKER.matcher(previousText(lines, i));
            if (!marker.matches()) {
                problems.add(document + " line " + (i + 1) + ": no <!-- recipe: src/it/NAME --> or <!-- recipe: not"
                        + " run: WHY --> right before the snippet");
            } else if (marker.group(1).startsWith("src/it/")) {
                recipes.add(marker.group(1));
                Path pom = Paths.get(marker.group(1), "pom.xml");
                String it = normalized(Files.readAllLines(pom, StandardCharsets.UTF_8))
                        .replace("@project.version@", version);
                if (!it.contains(snippet)) {
                    problems.add(document + " line " + (i + 1) + ": the snippet is not as written in " + pom);
                }
            }
            i = close;
        }
        return snippets;
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
