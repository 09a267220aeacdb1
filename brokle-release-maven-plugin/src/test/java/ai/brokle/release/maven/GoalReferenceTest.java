package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/goal-reference.md is the goal reference generated from the plugin descriptor (the
 * META-INF/maven/plugin.xml that maven-plugin-plugin writes from the mojos' annotations and
 * Javadoc, as the plugin report renders it): every goal, its description, and each property users
 * set with its default. The committed file must equal what the descriptor gives; run with
 * {@code -Dgolden.update=true} to regenerate it after changing a mojo.
 */
class GoalReferenceTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path REFERENCE = Path.of("..", "docs", "goal-reference.md");

    private record Parameter(String property, String defaultValue, String description) {
    }

    @Test
    void theCommittedReferenceIsTheOneTheDescriptorGives() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), "the build generates " + DESCRIPTOR);
        String generated = render(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile()));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(REFERENCE, generated);
        }
        assertEquals(Files.readString(REFERENCE), generated, "docs/goal-reference.md is out of date: run the plugin module's tests with"
                + " -Dgolden.update=true");
        assertTrue(generated.contains("## `images`") && generated.contains("## `init`") && generated.contains("## `checklist`"));
    }

    static String render(Document descriptor) {
        Element plugin = descriptor.getDocumentElement();
        String coordinates = text(plugin, "groupId") + ":" + text(plugin, "artifactId") + ":<version>";
        StringBuilder out = new StringBuilder("# Goal reference\n\nGenerated from the plugin descriptor by `GoalReferenceTest`; do not edit."
                + " Run a goal as `mvn " + coordinates + ":<goal>`, or `mvn brokle-release:<goal>` where the plugin group is known"
                + " ([goals](goals.md)). `mvn brokle-release:help -Ddetail -Dgoal=<goal>` prints the same from the plugin.\n");
        List<Element> mojos = new ArrayList<>();
        NodeList nodes = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < nodes.getLength(); i++) {
            mojos.add((Element) nodes.item(i));
        }
        mojos.sort(Comparator.comparing(m -> text(m, "goal")));
        out.append("\n| goal | what it does |\n| --- | --- |\n");
        for (Element mojo : mojos) {
            String description = plain(text(mojo, "description"));
            int stop = description.indexOf(". ");
            out.append("| [`").append(text(mojo, "goal")).append("`](#").append(text(mojo, "goal")).append(") | ")
                    .append(stop < 0 ? description : description.substring(0, stop + 1)).append(" |\n");
        }
        for (Element mojo : mojos) {
            out.append("\n## `").append(text(mojo, "goal")).append("`\n\n").append(plain(text(mojo, "description"))).append('\n');
            List<Parameter> parameters = parameters(mojo);
            if (!parameters.isEmpty()) {
                out.append("\n| property | default | meaning |\n| --- | --- | --- |\n");
                for (Parameter p : parameters) {
                    out.append("| `").append(p.property()).append("` | ").append(p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
                            .append(" | ").append(p.description()).append(" |\n");
                }
            }
        }
        return out.toString();
    }

    /** The parameters users set: those with a property expression, sorted by property. */
    private static List<Parameter> parameters(Element mojo) {
        List<Parameter> result = new ArrayList<>();
        NodeList configuration = mojo.getElementsByTagName("configuration");
        NodeList parameters = mojo.getElementsByTagName("parameter");
        if (configuration.getLength() == 0) {
            return result;
        }
        NodeList values = ((Element) configuration.item(0)).getChildNodes();
        for (int i = 0; i < values.getLength(); i++) {
            if (!(values.item(i) instanceof Element value)) {
                continue;
            }
            String expression = value.getTextContent().trim();
            if (!expression.startsWith("${brokle.")) {
                continue;
            }
            String description = "";
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (value.getTagName().equals(text(parameter, "name"))) {
                    description = plain(text(parameter, "description"));
                }
            }
            String defaultValue = value.hasAttribute("default-value") ? value.getAttribute("default-value") : null;
            result.add(new Parameter(expression.substring(2, expression.length() - 1), defaultValue, description));
        }
        result.sort(Comparator.comparing(Parameter::property));
        return result;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    /** Javadoc HTML as one line of Markdown: code as code, other tags dropped, entities decoded. */
    private static String plain(String html) {
        return html.replaceAll("(?i)</?code>", "`").replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&#39;", "'").replace("&amp;", "&").replace("|", "\\|").replaceAll("\\s+", " ").trim();
    }
}
