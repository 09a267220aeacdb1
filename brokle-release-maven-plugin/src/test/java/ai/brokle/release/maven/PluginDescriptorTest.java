package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The generated plugin descriptor: the goals users type, and the properties they set. */
class PluginDescriptorTest {
    private static Document descriptor;

    @BeforeAll
    static void read() throws Exception {
        File file = new File("target/classes/META-INF/maven/plugin.xml");
        assertTrue(file.isFile(), "the build generates " + file);
        descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }

    private static Element mojo(String goal) {
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            if (goal.equals(text(m, "goal"))) {
                return m;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** parameter name to its property expression, e.g. bump to ${brokle.bump}. */
    private static Map<String, String> expressions(Element mojo) {
        Map<String, String> result = new HashMap<>();
        NodeList configuration = mojo.getElementsByTagName("configuration");
        if (configuration.getLength() == 0) {
            return result;
        }
        NodeList entries = configuration.item(0).getChildNodes();
        for (int i = 0; i < entries.getLength(); i++) {
            if (entries.item(i) instanceof Element) {
                Element e = (Element) entries.item(i);
                result.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return result;
    }

    @Test
    void goalPrefixIsBrokleRelease() {
        assertEquals("brokle-release", descriptor.getDocumentElement().getElementsByTagName("goalPrefix").item(0).getTextContent());
    }

    @Test
    void nextVersionRunsWithoutAPomAndTakesItsProperties() {
        Element mojo = mojo("next-version");
        assertEquals("false", text(mojo, "requiresProject"));
        assertEquals("true", text(mojo, "threadSafe"));
        Map<String, String> expressions = expressions(mojo);
        assertEquals("${brokle.component}", expressions.get("component"));
        assertEquals("${brokle.bump}", expressions.get("bump"));
        assertEquals("${brokle.prerelease}", expressions.get("prerelease"));
        assertEquals("${brokle.releaseVersion}", expressions.get("releaseVersion"));
        assertEquals("${brokle.planFile}", expressions.get("planFile"));
        assertEquals("${brokle.skip}", expressions.get("skip"));
    }

    @Test
    void validateBindsToTheValidatePhase() {
        Element mojo = mojo("validate");
        assertEquals("validate", text(mojo, "phase"));
        assertEquals("false", text(mojo, "requiresProject"));
        assertEquals("${brokle.releaseBranch}", expressions(mojo).get("releaseBranch"));
    }

    @Test
    void prepareAndRollbackRunWithoutAPomAndTakeTheirProperties() {
        Element prepare = mojo("prepare");
        assertEquals("false", text(prepare, "requiresProject"));
        Map<String, String> p = expressions(prepare);
        assertEquals("${brokle.bump}", p.get("bump"));
        assertEquals("${brokle.push}", p.get("push"));
        assertEquals("${brokle.dryRun}", p.get("dryRun"));
        assertEquals("${brokle.gitServerId}", p.get("gitServerId"));
        Element rollback = mojo("rollback");
        assertEquals("false", text(rollback, "requiresProject"));
        Map<String, String> r = expressions(rollback);
        assertEquals("${brokle.dryRun}", r.get("dryRun"));
        assertEquals("${brokle.gitServerId}", r.get("gitServerId"));
    }

    @Test
    void changeFileGoalsRunWithoutAPomAndTakeTheirProperties() {
        for (String goal : new String[] {"changeset", "changeset-status", "changeset-version", "pre-enter", "pre-exit"}) {
            assertEquals("false", text(mojo(goal), "requiresProject"), goal);
        }
        Map<String, String> add = expressions(mojo("changeset"));
        assertEquals("${brokle.packages}", add.get("packages"));
        assertEquals("${brokle.bump}", add.get("bump"));
        assertEquals("${brokle.summary}", add.get("summary"));
        assertEquals("${brokle.dryRun}", expressions(mojo("changeset-version")).get("dryRun"));
        assertEquals("${brokle.prerelease}", expressions(mojo("pre-enter")).get("prerelease"));
    }

    @Test
    void performAndDispatchRunWithoutAPomAndTakeTheirProperties() {
        Map<String, String> perform = expressions(mojo("perform"));
        assertEquals("false", text(mojo("perform"), "requiresProject"));
        assertEquals("${brokle.tag}", perform.get("tag"));
        assertEquals("${brokle.perform.skipSteps}", perform.get("skipSteps"));
        assertEquals("${brokle.dryRun}", perform.get("dryRun"));
        assertEquals("${brokle.githubServerId}", perform.get("githubServerId"));
        Map<String, String> dispatch = expressions(mojo("dispatch"));
        assertEquals("${brokle.repository}", dispatch.get("repository"));
        assertEquals("${brokle.eventType}", dispatch.get("eventType"));
        assertEquals("${brokle.payload}", dispatch.get("payload"));
    }

    @Test
    void submoduleGoalsRunWithoutAPomAndTakeTheirProperties() {
        assertEquals("${brokle.warnOnly}", expressions(mojo("validate-submodules")).get("warnOnly"));
        Map<String, String> update = expressions(mojo("update-submodules"));
        assertEquals("${brokle.submodule}", update.get("submodule"));
        assertEquals("${brokle.updateSubmodules.prereleases}", update.get("prereleases"));
        assertEquals("${brokle.branch}", update.get("branch"));
        assertEquals("${brokle.check}", expressions(mojo("compatibility-matrix")).get("check"));
        for (String goal : new String[] {"validate-submodules", "update-submodules", "compatibility-matrix"}) {
            assertEquals("false", text(mojo(goal), "requiresProject"), goal);
        }
    }

    @Test
    void publishPypiTakesItsProperties() {
        Map<String, String> p = expressions(mojo("publish-pypi"));
        assertEquals("false", text(mojo("publish-pypi"), "requiresProject"));
        assertEquals("${brokle.tag}", p.get("tag"));
        assertEquals("${brokle.dryRun}", p.get("dryRun"));
        assertEquals("${brokle.pypiServerId}", p.get("pypiServerId"));
        assertEquals("${brokle.pypiServerId}", expressions(mojo("perform")).get("pypiServerId"));
        Map<String, String> npm = expressions(mojo("publish-npm"));
        assertEquals("${brokle.npmServerId}", npm.get("npmServerId"));
        assertEquals("${brokle.distTag}", npm.get("distTag"));
        assertEquals("${brokle.npmServerId}", expressions(mojo("perform")).get("npmServerId"));
    }

    @Test
    void helpGoalIsGenerated() {
        assertNotNull(mojo("help"));
    }

    /** Every parameter bound to a property, in every goal: goal, parameter, property, type, description. */
    private record Binding(String goal, String parameter, String property, String type, String description) {
    }

    private static List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element m = (Element) mojos.item(i);
            Map<String, String> expressions = expressions(m);
            NodeList parameters = ((Element) m.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element p = (Element) parameters.item(j);
                String expression = expressions.getOrDefault(text(p, "name"), "");
                if (expression.startsWith("${brokle.")) {
                    bindings.add(new Binding(text(m, "goal"), text(p, "name"), expression.substring(2, expression.length() - 1), text(p, "type"),
                            text(p, "description")));
                }
            }
        }
        return bindings;
    }

    /** The problems of some bindings: a property outside the one class of names, or bound with another type or meaning. */
    private static List<String> meaningProblems(List<Binding> bindings) {
        List<String> problems = new ArrayList<>();
        Map<String, Binding> first = new HashMap<>();
        for (Binding b : bindings) {
            Properties.Meaning meaning = Properties.MEANINGS.get(b.property());
            if (meaning == null) {
                problems.add(b.goal() + "." + b.parameter() + ": " + b.property() + " is not declared in Properties");
                continue;
            }
            if (!meaning.type().equals(b.type()) || b.description() == null || !b.description().startsWith(meaning.begins())) {
                problems.add(b.goal() + "." + b.parameter() + ": " + b.property() + " is bound as " + b.type() + " '" + b.description()
                        + "', but means " + meaning.type() + " '" + meaning.begins() + "…'");
            }
            Binding earlier = first.putIfAbsent(b.property(), b);
            if (earlier != null && !earlier.type().equals(b.type())) {
                problems.add(b.property() + " is " + earlier.type() + " in " + earlier.goal() + " but " + b.type() + " in " + b.goal());
            }
        }
        return problems;
    }

    @Test
    void eachPropertyHasOneMeaningInEveryGoal() {
        List<Binding> bindings = bindings();
        assertTrue(bindings.size() > 60, "the bindings were read: " + bindings.size());
        assertEquals(List.of(), meaningProblems(bindings));
    }

    @Test
    void aPropertyBoundToTwoMeaningsIsFound() {
        // the bindings of the last release: brokle.tag was pre-enter's channel, brokle.prerelease update-submodules' boolean
        List<Binding> old = List.of(
                new Binding("perform", "tag", "brokle.tag", "java.lang.String", "The release tag; without it, GITHUB_REF."),
                new Binding("pre-enter", "tag", "brokle.tag", "java.lang.String", "The pre-release tag: alpha, beta, rc."),
                new Binding("next-version", "prerelease", "brokle.prerelease", "java.lang.String", "The pre-release channel of the next version."),
                new Binding("update-submodules", "prerelease", "brokle.prerelease", "boolean", "Move to pre-releases too."));
        List<String> problems = meaningProblems(old);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("pre-enter.tag: brokle.tag is bound as"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.equals("brokle.prerelease is java.lang.String in next-version but boolean in update-submodules")),
                problems.toString());
    }

    @Test
    void everyPropertyNameLivesInTheOneClassOfNames() throws Exception {
        for (java.lang.reflect.Field f : Properties.class.getDeclaredFields()) {
            if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                assertTrue(Properties.MEANINGS.containsKey((String) f.get(null)), f.getName() + " has a meaning");
            }
        }
        java.nio.file.Path sources = java.nio.file.Path.of("src/main/java/ai/brokle/release/maven");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(sources)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                if (!f.getFileName().toString().equals("Properties.java")) {
                    assertFalse(java.nio.file.Files.readString(f).contains("property = \""), f + " names a property outside Properties");
                }
            }
        }
    }
}
