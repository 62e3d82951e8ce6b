package io.github.portcheck.holder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shortens a Java command line to what identifies it: a JVM's class path and options fill the first
 * hundreds of characters, while the main class (or -jar, -m) and its arguments tell which program it is.
 */
final class JavaCommand {
    /** Launcher options whose value is the next argument. */
    private static final Set<String> TAKES_VALUE = new HashSet<>(Arrays.asList("-cp", "-classpath", "--class-path",
            "-p", "--module-path", "--upgrade-module-path", "--add-modules", "--add-opens", "--add-exports",
            "--add-reads", "--limit-modules", "--patch-module", "--enable-native-access"));

    private JavaCommand() {
    }

    static boolean isJava(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        String program = args.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    /** "java" followed by everything from the main class, -jar or -m on. */
    static List<String> withoutOptions(List<String> args) {
        List<String> shown = new ArrayList<>();
        shown.add("java");
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module") || !arg.startsWith("-")) {
                shown.addAll(args.subList(i, args.size()));
                break;
            }
            if (TAKES_VALUE.contains(arg)) {
                i++;
            }
        }
        return shown;
    }
}
