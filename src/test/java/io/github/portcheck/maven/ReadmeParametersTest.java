package io.github.portcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's parameter tables agree with the plugin descriptor that {@code mvn portcheck:help} reads: every
 * parameter of every goal has a row with its user property and its default.
 */
class ReadmeParametersTest {
    private static final List<String> SHARED = java.util.Arrays.asList("ports", "host", "detector", "connectTimeout",
            "skip");

    @Test
    void everyParameterHasAReadmeRowWithItsPropertyAndDefault() throws Exception {
        Path descriptor = Paths.get("target/classes/META-INF/maven/plugin.xml");
        String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
        String descriptorText = new String(Files.readAllBytes(descriptor), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile())
                .getElementsByTagName("mojo");
        int checked = 0;
        java.util.Set<String> expressions = new java.util.HashSet<>();
        for (int m = 0; m < mojos.getLength(); m++) {
            Element mojo = (Element) mojos.item(m);
            String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
            if (goal.equals("help")) {
                continue;
            }
            Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
            NodeList values = configuration.getChildNodes();
            for (int i = 0; i < values.getLength(); i++) {
                if (!(values.item(i) instanceof Element)) {
                    continue;
                }
                Element value = (Element) values.item(i);
                String expression = value.getTextContent().trim();
                if (!expression.startsWith("${portcheck.")) {
                    continue; // project and session
                }
                String name = value.getTagName();
                expressions.add(name + "=" + expression);
                String property = expression.substring(2, expression.length() - 1);
                String row = "| `" + name + "` | `" + property + "` | ";
                String withDefault = value.hasAttribute("default-value")
                        ? row + "`" + value.getAttribute("default-value") + "`" : row;
                checked++;
                if (!readme.contains(withDefault) && !sharedRowDocumented(readme, goal, name)) {
                    missing.add(goal + ": " + withDefault);
                }
            }
        }
        for (io.github.portcheck.config.Setting setting : io.github.portcheck.config.Setting.values()) {
            if (MavenParameters.property(setting) == null) { // a map: no user property, a parameter all the same
                assertTrue(descriptorText.contains("<name>" + setting.key() + "</name>"), setting.toString());
                continue;
            }
            assertTrue(expressions.contains(setting.key() + "=${" + MavenParameters.property(setting) + "}"),
                    "the messages call setting " + setting + " " + MavenParameters.NAMES.of(setting)
                            + ", so a goal has that parameter and property");
        }
        assertTrue(checked >= 15, "the descriptor lists the goals' parameters: " + checked);
        assertTrue(missing.isEmpty(), "README.md lacks parameter rows:\n" + String.join("\n", missing));
    }

    /**
     * A Markdown table is a run of '|' lines whose second line is the separator: a blank line inside a table (or
     * a row with a cell too many or too few) renders its rows as plain text.
     */
    @Test
    void everyTableRowIsPartOfATable() throws Exception {
        List<String> lines = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        boolean code = false;
        int tables = 0;
        for (int i = 0; i < lines.size(); i++) {
            code ^= lines.get(i).startsWith("```");
            if (code || !lines.get(i).startsWith("|")) {
                continue;
            }
            int header = i;
            int columns = cells(lines.get(header));
            if (i + 1 >= lines.size() || !lines.get(i + 1).matches("\\|( *:?-{3,}:? *\\|)+")
                    || cells(lines.get(i + 1)) != columns) {
                problems.add("line " + (i + 1) + " starts a table without a separator line below it: "
                        + lines.get(i));
            }
            for (i = i + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                if (cells(lines.get(i)) != columns) {
                    problems.add("line " + (i + 1) + " has " + cells(lines.get(i)) + " cells, its table " + columns);
                }
            }
            tables++;
        }
        assertTrue(tables >= 8, "the README's tables were found: " + tables);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The cells of a table row: '|' outside code spans and not escaped separates them. */
    static int cells(String row) {
        int bars = 0;
        boolean span = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '`') {
                span = !span;
            } else if (c == '|' && !span && (i == 0 || row.charAt(i - 1) != '\\')) {
                bars++;
            }
        }
        return bars - 1;
    }

    @Test
    void aBlankLineOrAMissingCellBreaksATable() {
        assertEquals(3, cells("| `a|b` | c \\| d | e |"));
        assertEquals(2, cells("|---|---|"));
    }

    /** wait-ports shares ports, host, detector, connectTimeout and skip with check-ports, whose table has them. */
    private static boolean sharedRowDocumented(String readme, String goal, String name) {
        return goal.equals("wait-ports") && SHARED.contains(name) && readme.contains("`wait-ports` takes `ports`, `host`, `detector` (for"
                + " `waitFor=free`), `connectTimeout` and `skip` as above") && readme.contains("| `" + name + "` | ");
    }
}
