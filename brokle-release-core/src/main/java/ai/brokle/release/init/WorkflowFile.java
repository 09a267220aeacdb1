package ai.brokle.release.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub Actions workflow a repository has already: read as YAML to learn what its jobs do, and
 * kept as text so that a job init does not replace is carried over exactly as written (comments
 * included), only re-indented and with its {@code needs} rewritten.
 */
public final class WorkflowFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One job: its id, its text (the key line and its body, as in the file), and its parsed form. */
    public record Job(String id, String text, JsonNode node) {
        /** The ids in its {@code needs}. */
        public List<String> needs() {
            List<String> out = new ArrayList<>();
            JsonNode needs = node.path("needs");
            if (needs.isTextual()) {
                out.add(needs.asText());
            } else {
                needs.forEach(n -> out.add(n.asText()));
            }
            return out;
        }

        /** The reusable workflow it calls ({@code uses:} at job level), or null. */
        public String calls() {
            return node.path("uses").isTextual() ? node.path("uses").asText() : null;
        }

        /** The actions its steps use, as written ({@code actions/checkout@v4}). */
        public List<String> actions() {
            List<String> out = new ArrayList<>();
            node.path("steps").forEach(s -> {
                if (s.path("uses").isTextual()) {
                    out.add(s.path("uses").asText());
                }
            });
            return out;
        }

        /** Whether one of its steps uses the action (any version). */
        public boolean uses(String action) {
            return actions().stream().anyMatch(a -> a.startsWith(action + "@"));
        }

        /** The shell of all its run steps, joined. */
        public String scripts() {
            StringBuilder out = new StringBuilder();
            node.path("steps").forEach(s -> out.append(s.path("run").asText("")).append('\n'));
            return out.toString();
        }

        /** The entries of {@code strategy.matrix.include}, each key → its text. */
        public List<Map<String, String>> matrixInclude() {
            List<Map<String, String>> out = new ArrayList<>();
            node.path("strategy").path("matrix").path("include").forEach(entry -> {
                Map<String, String> values = new LinkedHashMap<>();
                entry.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
                out.add(values);
            });
            return out;
        }

        /**
         * The job's text with {@code needs} set to {@code needs} (left out when empty), indented as
         * init writes jobs (the key at two spaces).
         */
        public String withNeeds(List<String> needs) {
            String[] lines = text.split("\n", -1);
            int keyIndent = indent(lines[0]);
            int bodyIndent = -1;
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                    bodyIndent = indent(lines[i]);
                    break;
                }
            }
            StringBuilder out = new StringBuilder();
            out.append(shift(lines[0], 2 - keyIndent)).append('\n');
            String needsLine = " ".repeat(4) + "needs: [" + String.join(", ", needs) + "]";
            if (!needs.isEmpty()) {
                out.append(needsLine).append('\n');
            }
            boolean inNeeds = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (i == lines.length - 1 && line.isEmpty()) {
                    break;
                }
                int at = line.isBlank() ? Integer.MAX_VALUE : indent(line);
                if (at == bodyIndent && line.stripLeading().startsWith("needs:")) {
                    inNeeds = line.stripLeading().equals("needs:");
                    continue;
                }
                if (inNeeds && at > bodyIndent && line.stripLeading().startsWith("-")) {
                    continue;
                }
                inNeeds = false;
                out.append(line.isBlank() ? "" : shift(line, 4 - bodyIndent)).append('\n');
            }
            return out.toString();
        }

        private static String shift(String line, int by) {
            if (by >= 0) {
                return " ".repeat(by) + line;
            }
            int strip = Math.min(-by, indent(line));
            return line.substring(strip);
        }
    }

    private final String path;
    private final String text;
    private final JsonNode tree;
    private final List<Job> jobs;

    private WorkflowFile(String path, String text, JsonNode tree, List<Job> jobs) {
        this.path = path;
        this.text = text;
        this.tree = tree;
        this.jobs = jobs;
    }

    /** Reads a workflow's text; a file that is not a workflow's YAML fails naming {@code path}. */
    public static WorkflowFile parse(String path, String text) throws IOException {
        JsonNode tree = YAML.readTree(text);
        if (tree == null || !tree.isObject()) {
            throw new IOException(path + " is not a workflow (no YAML mapping)");
        }
        List<Job> jobs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("jobs:\\s*(#.*)?")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            return new WorkflowFile(path, text, tree, jobs);
        }
        int keyIndent = -1;
        List<Integer> keys = new ArrayList<>();
        int end = lines.length;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int at = indent(line);
            if (at == 0) {
                end = i;
                break;
            }
            if (keyIndent < 0) {
                keyIndent = at;
            }
            if (at == keyIndent) {
                keys.add(i);
            }
        }
        Pattern key = Pattern.compile("^\\s*['\"]?([A-Za-z_][A-Za-z0-9_-]*)['\"]?:\\s*(#.*)?$");
        for (int k = 0; k < keys.size(); k++) {
            int from = keys.get(k);
            int to = k + 1 < keys.size() ? keys.get(k + 1) : end;
            while (to - 1 > from && (lines[to - 1].isBlank() || lines[to - 1].stripLeading().startsWith("#") && indent(lines[to - 1]) <= keyIndent)) {
                to--;
            }
            Matcher m = key.matcher(lines[from]);
            if (!m.matches()) {
                continue;
            }
            String id = m.group(1);
            StringBuilder body = new StringBuilder();
            for (int i = from; i < to; i++) {
                body.append(lines[i]).append('\n');
            }
            jobs.add(new Job(id, body.toString(), tree.path("jobs").path(id)));
        }
        return new WorkflowFile(path, text, tree, jobs);
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    public List<Job> jobs() {
        return jobs;
    }

    /** The events that start it ({@code on:}), by name. */
    public List<String> triggers() {
        JsonNode on = tree.has("on") ? tree.path("on") : tree.path("true");
        List<String> out = new ArrayList<>();
        if (on.isTextual()) {
            out.add(on.asText());
        } else if (on.isArray()) {
            on.forEach(n -> out.add(n.asText()));
        } else {
            for (Iterator<String> it = on.fieldNames(); it.hasNext();) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** The environments its jobs name (an expression stays as written). */
    public List<String> environments() {
        List<String> out = new ArrayList<>();
        for (Job job : jobs) {
            JsonNode env = job.node().path("environment");
            String name = env.isTextual() ? env.asText() : env.path("name").asText(null);
            if (name != null && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
