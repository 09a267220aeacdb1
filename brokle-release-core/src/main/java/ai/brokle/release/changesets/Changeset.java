package ai.brokle.release.changesets;

import ai.brokle.release.version.Bump;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Front matter as {@code @changesets/parse} finds it, in one linear pass. */
    private record FrontMatter(String yaml, String rest) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

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
        FrontMatter m = frontMatter(text);
        if (m == null) {
            throw new IllegalArgumentException(where + " has no front matter between '---' lines; a change file starts with"
                    + " ---\\n\"brokle\": patch\\n--- followed by the summary");
        }
        JsonNode front;
        try {
            front = YAML.readTree(m.yaml());
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new IllegalArgumentException(where + ": a package is named twice in the front matter (" + e.getOriginalMessage()
                        + "); name each package once, with the bump it takes");
            }
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
        return new Changeset(id, releases, m.rest());
    }

    /**
     * The front matter: after leading white space, a line {@code ---}, the YAML, and a line whose
     * first non-space text is {@code ---} followed only by white space up to the end of its line (or
     * of the text); null when there is none. Each character is looked at a bounded number of times,
     * so a file of one {@code ---} and a million line breaks is refused at once.
     */
    private static FrontMatter frontMatter(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (!text.startsWith("---", i)) {
            return null;
        }
        int start = i + 3;
        int newline = text.indexOf('\n', start);
        while (newline >= 0) {
            int q = newline + 1;
            while (q < text.length() && Character.isWhitespace(text.charAt(q))) {
                q++;
            }
            if (text.startsWith("---", q) && closes(text, q + 3)) {
                return new FrontMatter(text.substring(start, newline), text.substring(q + 3));
            }
            newline = text.indexOf('\n', Math.max(q, newline + 1));
        }
        return null;
    }

    /** Whether only white space follows {@code from} up to a line break or the end. */
    private static boolean closes(String text, int from) {
        for (int k = from; k < text.length() && Character.isWhitespace(text.charAt(k)); k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        int k = from;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        return k == text.length();
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
