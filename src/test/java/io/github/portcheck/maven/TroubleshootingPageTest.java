package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The site's Troubleshooting page is the README's section, its links turned into links between site pages. */
class TroubleshootingPageTest {

    @Test
    void theSitePageIsTheReadmesSection() throws Exception {
        String readme = new String(Files.readAllBytes(Documents.README), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Troubleshooting\n");
        String section = readme.substring(start + "## Troubleshooting\n".length(), readme.indexOf("\n## ", start + 1));
        String page = new String(Files.readAllBytes(Documents.SITE.resolve("troubleshooting.md")),
                StandardCharsets.UTF_8);
        assertEquals("# Troubleshooting\n\n" + section.replaceAll("\\]\\(src/site/markdown/([a-z0-9-]+)\\.md(#[^)]*)?\\)",
                "]($1.html)").trim() + "\n", page);
    }
}
