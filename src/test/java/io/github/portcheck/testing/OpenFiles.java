package io.github.portcheck.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The descriptors this JVM holds open, as /proc/self/fd shows them (Linux). */
public final class OpenFiles {
    private OpenFiles() {
    }

    /** How many descriptors of this JVM name a file in {@code directory}. */
    public static long in(Path directory) throws IOException {
        Path real = directory.toRealPath();
        try (Stream<Path> fds = Files.list(Paths.get("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return real.equals(Files.readSymbolicLink(fd).getParent());
                } catch (IOException e) {
                    return false; // closed meanwhile, e.g. the listing's own descriptor
                }
            }).count();
        }
    }
}
