package ai.brokle.release.changesets;

import ai.brokle.release.version.Bump;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change file in the Changesets format: {@code .changeset/<id>.md}, YAML front matter that
 * maps package names to {@code major}, {@code minor}, {@code patch} or {@code none}, then a
 * Markdown summary.
 *
 * <pre>
 * ---
 * "brokle": minor
 * "brokle-openai": patch
 * ---
 *
 * Add streaming support
 * </pre>
 *
 * @param id the file name without {@code .md}
 * @param releases package name → bump, in the order the file lists them
 * @param summary the Markdown summary, trimmed
 */
public record Changeset(String id, Map<String, Bump> releases, String summary) {
    /** The front matter and the rest, as the Changesets parser splits them. */
    private static final Pattern FRONT_MATTER = Pattern.compile("\\s*---([\\s\\S]*?)\\n\\s*---(\\s*(?:\\n|$)[\\s\\S]*)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public Changeset {
        releases = Collections.unmodifiableMap(new LinkedHashMap<>(releases));
        summary = summary.strip();
    }

    /** Parses the text of {@code <id>.md}; the message of the exception says what is wrong and how the file should look. */
    public static Changeset parse(String id, String text) {
        String where = ".changeset/" + id + ".md";
        if (text.isBlank()) {
            throw new IllegalArgumentException(where + " is empty; a change file starts with front matter such as ---\\n\"brokle\": patch\\n---"
                    + " followed by the summary");
        }
        Matcher m = FRONT_MATTER.matcher(text);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException(where + " has no front matter between '---' lines; a change file starts with"
                    + " ---\\n\"brokle\": patch\\n--- followed by the summary");
        }
        JsonNode front;
        try {
            front = YAML.readTree(m.group(1));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": the front matter is not valid YAML (" + e.getMessage() + ")");
        }
        Map<String, Bump> releases = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (front != null && !front.isMissingNode() && !front.isNull()) {
            if (!front.isObject()) {
                throw new IllegalArgumentException(where + ": the front matter must map package names to major, minor, patch or none");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = front.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Bump bump = e.getValue().isTextual() ? Bump.fromLabel(e.getValue().asText()) : null;
                if (e.getKey().isBlank()) {
                    problems.add("an empty package name");
                } else if (bump == null) {
                    problems.add("package \"" + e.getKey() + "\" has " + e.getValue() + " where major, minor, patch or none belongs");
                } else {
                    releases.put(e.getKey(), bump);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + String.join("; ", problems));
        }
        return new Changeset(id, releases, m.group(2));
    }

    /** The file's text, as the Changesets CLI writes it (quoted package names, a blank line before the summary). */
    public String write() {
        StringBuilder text = new StringBuilder("---\n");
        releases.forEach((name, bump) -> text.append('"').append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\": ")
                .append(bump.label()).append('\n'));
        text.append("---\n");
        if (!summary.isEmpty()) {
            text.append('\n').append(summary).append('\n');
        }
        return text.toString();
    }
}
