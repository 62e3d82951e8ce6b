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
 * The goal pages of the site are generated from the plugin descriptor, so each parameter's javadoc is its reference:
 * every parameter a user may set has a description there, and every setting the messages name is a parameter with
 * that name and user property; the README names every user property. The Markdown tables of the README and the site
 * render as tables.
 */
class DocumentedParametersTest {

    @Test
    void everyParameterIsDescribedAndEverySettingTheMessagesNameIsAParameter() throws Exception {
        Path descriptor = Paths.get("target/classes/META-INF/maven/plugin.xml");
        String descriptorText = new String(Files.readAllBytes(descriptor), StandardCharsets.UTF_8);
        List<String> undescribed = new ArrayList<>();
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
            assertTrue(text(mojo, "description").split(" ").length >= 12, goal + " has a description of its own");
            NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                    .getElementsByTagName("parameter");
            for (int i = 0; i < parameters.getLength(); i++) {
                Element parameter = (Element) parameters.item(i);
                if (text(parameter, "editable").equals("false")) {
                    continue; // project, session, execution: set by Maven
                }
                checked++;
                String description = text(parameter, "description");
                if (description.split("\\s+").length < 4) {
                    undescribed.add(goal + ": " + text(parameter, "name") + " '" + description + "'");
                }
            }
            NodeList values = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            for (int i = 0; i < values.getLength(); i++) {
                if (values.item(i) instanceof Element) {
                    Element value = (Element) values.item(i);
                    expressions.add(value.getTagName() + "=" + value.getTextContent().trim());
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
        String readme = new String(Files.readAllBytes(Documents.README), StandardCharsets.UTF_8);
        List<String> unmentioned = new ArrayList<>();
        for (String expression : expressions) {
            String value = expression.substring(expression.indexOf('=') + 1);
            if (value.startsWith("${portcheck.") && !readme.contains("`" + value.substring(2, value.length() - 1) + "`")
                    && !unmentioned.contains(value)) {
                unmentioned.add(value);
            }
        }
        assertTrue(unmentioned.isEmpty(), "the README's parameters at a glance lack " + unmentioned);
        assertTrue(checked >= 40, "the descriptor lists the goals' parameters: " + checked);
        assertTrue(undescribed.isEmpty(), "parameters whose goal page would say nothing:\n"
                + String.join("\n", undescribed));
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    /**
     * A Markdown table is a run of '|' lines whose second line is the separator: a blank line inside a table (or
     * a row with a cell too many or too few) renders its rows as plain text.
     */
    @Test
    void everyTableRowIsPartOfATable() throws Exception {
        List<String> problems = new ArrayList<>();
        int tables = 0;
        for (Path document : Documents.all()) {
            tables += tables(document, problems);
        }
        assertTrue(tables >= 12, "the documents' tables were found: " + tables);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static int tables(Path document, List<String> problems) throws java.io.IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
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
                problems.add(document + " line " + (i + 1) + " starts a table without a separator line below it: "
                        + lines.get(i));
            }
            for (i = i + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                if (cells(lines.get(i)) != columns) {
                    problems.add(document + " line " + (i + 1) + " has " + cells(lines.get(i)) + " cells, its table " + columns);
                }
            }
            tables++;
        }
        return tables;
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
}
