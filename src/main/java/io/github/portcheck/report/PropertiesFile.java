package io.github.portcheck.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the exported ports as a properties file: sorted, without the timestamp that
 * {@link java.util.Properties#store} adds, so that the same ports give the same bytes.
 */
public final class PropertiesFile {
    private PropertiesFile() {
    }

    /** Names are property names as the parser allows them (letters, digits, '.', '_', '-'): nothing to escape. */
    public static void write(Path file, Map<String, String> properties) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write("# Ports exported by portcheck-maven-plugin\n");
            for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
                out.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }

    /** Removes the file of an earlier run, so that a script never reads ports that a failed check did not give. */
    public static boolean discard(Path file) throws IOException {
        return Files.deleteIfExists(file);
    }
}
