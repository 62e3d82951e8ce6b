package io.github.portcheck.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The m2e lifecycle mapping shipped in the jar (META-INF/m2e/lifecycle-mapping-metadata.xml) ignores every goal of
 * the plugin descriptor that maven-plugin-plugin generates before the tests (target/classes/META-INF/maven/plugin.xml),
 * and names no goal the descriptor lacks: a new goal without a mapping would run on each incremental build in Eclipse.
 */
class M2eLifecycleMappingTest {
    private static final String MAPPING = "META-INF/m2e/lifecycle-mapping-metadata.xml";
    private static final String DESCRIPTOR = "META-INF/maven/plugin.xml";

    private static Element descriptor;
    private static Element mapping;

    @BeforeAll
    static void read() throws Exception {
        URL url = M2eLifecycleMappingTest.class.getClassLoader().getResource(MAPPING);
        assertNotNull(url, MAPPING + " is not on the classpath");
        assertEquals("file", url.getProtocol(), MAPPING + " comes from a jar, not this project's classes: " + url);
        // the classes folder the mapping was copied to, where maven-plugin-plugin wrote the descriptor
        Path classes = Paths.get(url.toURI()).getParent().getParent().getParent();
        Path descriptorFile = classes.resolve(DESCRIPTOR);
        assertTrue(Files.isRegularFile(descriptorFile), "no plugin descriptor at " + descriptorFile);
        try (InputStream in = url.openStream()) {
            mapping = parse(in);
        }
        try (InputStream in = Files.newInputStream(descriptorFile)) {
            descriptor = parse(in);
        }
        assertEquals("lifecycleMappingMetadata", mapping.getTagName());
        assertEquals("plugin", descriptor.getTagName());
    }

    @Test
    void everyGoalOfTheDescriptorIsIgnored() {
        Set<String> goals = descriptorGoals();
        assertTrue(goals.contains("check-ports"), "descriptor goals read wrongly: " + goals);
        TreeMap<String, List<String>> actions = mappedActions();
        for (String goal : goals) {
            assertEquals(List.of("ignore"), actions.get(goal),
                    "goal " + goal + " of the plugin descriptor must be mapped once, to <ignore/>; mapped: " + actions);
        }
    }

    @Test
    void noGoalIsNamedThatTheDescriptorLacks() {
        Set<String> unknown = new TreeSet<>(mappedActions().keySet());
        unknown.removeAll(descriptorGoals());
        assertTrue(unknown.isEmpty(), "the mapping names goals the plugin descriptor lacks: " + unknown);
    }

    @Test
    void filtersNameNoOtherPlugin() {
        String groupId = text(descriptor, "groupId");
        String artifactId = text(descriptor, "artifactId");
        for (Element execution : children(child(mapping, "pluginExecutions"), "pluginExecution")) {
            Element filter = child(execution, "pluginExecutionFilter");
            for (Element coordinate : children(filter, null)) {
                String name = coordinate.getTagName();
                if (name.equals("groupId")) {
                    assertEquals(groupId, coordinate.getTextContent().trim());
                } else if (name.equals("artifactId")) {
                    assertEquals(artifactId, coordinate.getTextContent().trim());
                } else {
                    assertTrue(name.equals("goals") || name.equals("versionRange"),
                            "unexpected element in pluginExecutionFilter: " + name);
                }
            }
        }
    }

    private static Set<String> descriptorGoals() {
        Set<String> goals = new TreeSet<>();
        for (Element mojo : children(child(descriptor, "mojos"), "mojo")) {
            goals.add(text(mojo, "goal"));
        }
        assertFalse(goals.isEmpty(), "the plugin descriptor has no goal");
        return goals;
    }

    /** Each goal the mapping names, with the action of each execution that names it (ignore, execute, error). */
    private static TreeMap<String, List<String>> mappedActions() {
        TreeMap<String, List<String>> actions = new TreeMap<>();
        for (Element execution : children(child(mapping, "pluginExecutions"), "pluginExecution")) {
            List<Element> action = children(child(execution, "action"), null);
            assertEquals(1, action.size(), "an <action> must hold exactly one element");
            Element goals = child(child(execution, "pluginExecutionFilter"), "goals");
            for (Element goal : children(goals, "goal")) {
                actions.computeIfAbsent(goal.getTextContent().trim(), g -> new ArrayList<>())
                        .add(action.get(0).getTagName());
            }
        }
        assertFalse(actions.isEmpty(), "the mapping names no goal");
        return actions;
    }

    private static Element parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(in);
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "<" + parent.getTagName() + "> must have one <" + name + ">");
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    /** The child elements of parent with that name, or all of them for null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && (name == null || ((Element) node).getTagName().equals(name))) {
                found.add((Element) node);
            }
        }
        return found;
    }
}
