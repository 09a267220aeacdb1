package ai.brokle.release.planning;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan for other tools: as JSON ({@code brokle.planFile}) and as GitHub Actions step
 * outputs (the file named by {@code GITHUB_OUTPUT}). Field names are a contract: later versions
 * add fields, never rename them.
 */
public final class PlanWriter {
    private PlanWriter() {
    }

    public static String toJson(List<ComponentPlan> plans, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            json.writeArrayFieldStart("components");
            for (ComponentPlan p : plans) {
                json.writeStartObject();
                json.writeStringField("name", p.name());
                json.writeStringField("currentVersion", text(p.currentVersion()));
                json.writeStringField("nextVersion", text(p.nextVersion()));
                json.writeStringField("tag", p.tag());
                json.writeStringField("bump", p.bump());
                json.writeBooleanField("prerelease", p.prerelease());
                json.writeNumberField("commits", p.commits());
                json.writeStringField("currentTag", p.currentTag());
                if (p.decidingCommit() == null) {
                    json.writeNullField("decidingCommit");
                } else {
                    json.writeObjectFieldStart("decidingCommit");
                    json.writeStringField("hash", p.decidingCommit().hash());
                    json.writeStringField("header", p.decidingCommit().header());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
        return out.toString();
    }

    public static void writeJson(List<ComponentPlan> plans, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, toJson(plans, true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReleaseError("Cannot write the plan to " + file + " (brokle.planFile): " + e.getMessage(), e);
        }
    }

    /** The step outputs: per component ({@code <name>-next-version}) and, for one component, unprefixed. */
    public static Map<String, String> githubOutputs(List<ComponentPlan> plans) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("plan", toJson(plans, false));
        outputs.put("releases", Boolean.toString(plans.stream().anyMatch(ComponentPlan::releases)));
        for (ComponentPlan p : plans) {
            putFacts(outputs, p.name() + "-", p);
        }
        if (plans.size() == 1) {
            putFacts(outputs, "", plans.get(0));
        }
        return outputs;
    }

    private static void putFacts(Map<String, String> outputs, String prefix, ComponentPlan p) {
        outputs.put(prefix + "release", Boolean.toString(p.releases()));
        outputs.put(prefix + "current-version", orEmpty(text(p.currentVersion())));
        outputs.put(prefix + "next-version", orEmpty(text(p.nextVersion())));
        outputs.put(prefix + "tag", orEmpty(p.tag()));
        outputs.put(prefix + "bump", orEmpty(p.bump()));
        outputs.put(prefix + "prerelease", Boolean.toString(p.prerelease()));
        outputs.put(prefix + "commits", Integer.toString(p.commits()));
    }

    /** The plan as a job summary: a Markdown table of each component's current and next version, tag and bump. */
    public static String summary(List<ComponentPlan> plans) {
        StringBuilder out = new StringBuilder("### Next versions\n\n| component | current | next | tag | bump | commits |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (ComponentPlan p : plans) {
            out.append("| ").append(p.name()).append(" | ").append(p.currentVersion() == null ? "none" : p.currentVersion()).append(" | ")
                    .append(p.releases() ? p.nextVersion() : "no release").append(" | ").append(p.tag() == null ? "" : "`" + p.tag() + "`")
                    .append(" | ").append(p.bump() == null ? "" : p.bump()).append(" | ").append(p.commits()).append(" |\n");
        }
        return out.toString();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
