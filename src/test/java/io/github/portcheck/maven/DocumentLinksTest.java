package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link of the README and the site's pages leads somewhere: the README's to files of the repository and to
 * headings as GitHub names them, the site pages' to other pages of the site (a Markdown page, or a goal page that
 * the plugin report generates).
 */
class DocumentLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern GENERATED = Pattern.compile("[a-z-]+-mojo\\.html|plugin-info\\.html");

    @Test
    void everyLinkLeadsToAPageAndAHeadingThatExist() throws Exception {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : Documents.all()) {
            boolean site = document.startsWith(Documents.SITE);
            for (String target : links(document)) {
                if (target.matches("(https?|mailto):.*")) {
                    continue;
                }
                links++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path page = file.isEmpty() ? document : null;
                if (page == null && site) {
                    if (GENERATED.matcher(file).matches() && anchor == null) {
                        continue;
                    }
                    page = file.endsWith(".html") ? Documents.SITE.resolve(file.replaceFirst("\\.html$", ".md")) : null;
                } else if (page == null) {
                    page = document.resolveSibling(file).normalize();
                }
                if (page == null || !Files.exists(page)) {
                    broken.add(document + ": " + target + (site ? " (a site page links to NAME.html)" : ""));
                } else if (anchor != null && !headings(page).contains(anchor)) {
                    broken.add(document + ": " + target + " (no such heading in " + page + ")");
                }
            }
        }
        assertTrue(links >= 40, "the documents' links were found: " + links);
        assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
    }

    @Test
    void headingsAreNamedAsGitHubNamesThem() {
        assertEquals("spring-boot-serverport-and-jmxport", slug("Spring Boot: server.port and jmxPort"));
        assertEquals("how-soon-start-notices", slug("How soon `start` notices"));
        assertEquals("the-short-form-mvn-portcheckgoal", slug("The short form: mvn portcheck:GOAL"));
    }

    /** Link targets outside code blocks and code spans. */
    private static List<String> links(Path document) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean code = false;
        for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                code = !code;
            }
            if (code) {
                continue;
            }
            Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    private static Set<String> headings(Path page) throws IOException {
        Set<String> slugs = new HashSet<>();
        boolean code = false;
        for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            code ^= line.startsWith("```");
            if (!code && line.startsWith("#")) {
                slugs.add(slug(line.replaceFirst("^#+\\s*", "")));
            }
        }
        return slugs;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
