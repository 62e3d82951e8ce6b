package io.github.portcheck.testing;

import io.github.portcheck.system.Tools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Recorded outputs of the system's tools (src/test/resources/recorded), and tools that play them back. */
public final class Recorded {
    private Recorded() {
    }

    public static List<String> lines(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded output " + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tools that answer a command starting with a key by its recorded output; any other tool is missing. */
    public static Tools tools(Map<String, String> outputs, List<String> asked) {
        return command -> {
            String line = String.join(" ", command);
            asked.add(line);
            for (Map.Entry<String, String> e : outputs.entrySet()) {
                if (line.startsWith(e.getKey())) {
                    return Tools.Output.of(0, lines(e.getValue()));
                }
            }
            return Tools.Output.failed(command.get(0) + " is not installed or cannot run (no such file)");
        };
    }

    /** Pairs of command prefix and recorded output file, in order. */
    public static Map<String, String> answers(String... prefixAndFile) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndFile.length; i += 2) {
            answers.put(prefixAndFile[i], prefixAndFile[i + 1]);
        }
        return answers;
    }

    public static List<String> asked() {
        return new ArrayList<>();
    }
}
