package io.github.portcheck.maven;

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
        for (io.github.portcheck.spec.Setting setting : io.github.portcheck.spec.Setting.values()) {
            assertTrue(expressions.contains(setting.key() + "=${" + MavenParameters.property(setting) + "}"),
                    "the messages call setting " + setting + " " + MavenParameters.NAMES.of(setting)
                            + ", so a goal has that parameter and property");
        }
        assertTrue(checked >= 15, "the descriptor lists the goals' parameters: " + checked);
        assertTrue(missing.isEmpty(), "README.md lacks parameter rows:\n" + String.join("\n", missing));
    }

    /** wait-ports shares ports, host, detector, connectTimeout and skip with check-ports, whose table has them. */
    private static boolean sharedRowDocumented(String readme, String goal, String name) {
        return goal.equals("wait-ports") && SHARED.contains(name) && readme.contains("`wait-ports` takes `ports`, `host`, `detector` (for"
                + " `waitFor=free`), `connectTimeout` and `skip` as above") && readme.contains("| `" + name + "` | ");
    }
}
