package io.github.portcheck.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The documents the tests hold to the code: the README and the site's Markdown pages. */
final class Documents {
    static final Path README = Paths.get("README.md");
    static final Path SITE = Paths.get("src/site/markdown");

    private Documents() {
    }

    static List<Path> sitePages() throws IOException {
        try (Stream<Path> pages = Files.list(SITE)) {
            return pages.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }

    static List<Path> all() throws IOException {
        List<Path> all = new ArrayList<>();
        all.add(README);
        all.addAll(sitePages());
        return all;
    }
}
