package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import ai.brokle.release.ReleaseFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every section reader shares: the parsed file, the problems found so far (each a
 * {@link ConfigProblem} with file, line and key), and the readers of single fields that report
 * what is wrong with them.
 */
final class ConfigFields {
    final List<ConfigProblem> problems = new ArrayList<>();
    private final String fileName;
    private final YamlTree tree;

    ConfigFields(String fileName, YamlTree tree) {
        this.fileName = fileName;
        this.tree = tree;
    }

    /** A text, number or boolean value as text (as users write user: 1000); null when absent. */
    String scalar(Map<String, Object> node, String parentKey, String field) {
        Object v = node.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(join(parentKey, field), "must be a single value");
            return null;
        }
        return String.valueOf(v);
    }

    /** A mapping of names to single values, in the file's order. */
    Map<String, String> textMap(Object node, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map)) {
            problem(key, "must be a mapping of names to values");
            return out;
        }
        for (Map.Entry<String, Object> e : map(node).entrySet()) {
            if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                problem(key + "." + e.getKey(), "must be a single value");
            } else {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    /** An http(s) address without user or password; problems name the key. */
    String url(Map<String, Object> node, String parent, String field, String otherwise) {
        String value = string(node, parent, field, otherwise);
        if (value != null && !API_URL.matcher(value).matches()) {
            problem(parent + "." + field, "'" + value + "' is not an http(s) address without user name or password, e.g. " + otherwise);
        }
        return value == null ? otherwise : value;
    }

    /** A list of text values; a single text value is a list of one. */
    List<String> stringList(Object node, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof String one) {
            return List.of(one);
        }
        if (!(node instanceof List)) {
            problem(key, "must be a list of text values");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        List<?> items = (List<?>) node;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof String text && !text.isBlank()) {
                values.add(text.strip());
            } else {
                problem(key + "[" + i + "]", "must be a text value");
            }
        }
        return values;
    }

    /** A path relative to the repository root, normalized; "." for the root; null when absent or bad. */
    String relativePath(Map<String, Object> node, String parentKey, String field, String defaultValue) {
        String value = string(node, parentKey, field, defaultValue);
        if (value == null) {
            return null;
        }
        String p = value.replace('\\', '/').trim();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            return ".";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || segments(p).contains("..")) {
            problem(join(parentKey, field), "'" + value + "' must be a path inside the repository, relative to its root");
            return null;
        }
        // src//sub/./version.py is src/sub/version.py
        List<String> segments = segments(p);
        return segments.isEmpty() ? "." : String.join("/", segments);
    }

    /** The segments of a path written with '/', without empty and '.' segments. */
    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }

    String string(Map<String, Object> node, String parentKey, String field, String defaultValue) {
        Object v = node.get(field);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof String)) {
            problem(join(parentKey, field), "must be a text value");
            return null;
        }
        return (String) v;
    }

    /** The node as a mapping whose keys are all allowed (each other key reported), or null after reporting that it is none. */
    Map<String, Object> mapping(Object node, String key, List<String> allowed) {
        if (!(node instanceof Map)) {
            problem(key, "must be a mapping with keys " + String.join(", ", allowed));
            return null;
        }
        Map<String, Object> m = map(node);
        checkKeys(m, key, allowed);
        return m;
    }

    void checkKeys(Map<String, Object> node, String parentKey, List<String> allowed) {
        for (String key : node.keySet()) {
            if (!allowed.contains(key)) {
                problem(join(parentKey, key), "unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    void problem(String key, String message) {
        problems.add(new ConfigProblem(fileName, key.isEmpty() ? 0 : tree.line(key), key, message));
    }

    ReleaseFailure failure() {
        return ReleaseFailure.located("Invalid release configuration " + fileName + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")", problems.stream().map(ConfigProblem::problem).toList());
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
