package ai.brokle.release.changesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@code .changeset/config.json} this tool honours, with the Changesets defaults
 * for those left out. Other keys ({@code changelog}, {@code commit}, {@code $schema}) are
 * accepted and left alone.
 *
 * @param fixed groups of packages that always share one version and are released together
 * @param linked groups of packages that share the highest version among those being released
 * @param ignore packages (or globs) never versioned
 * @param baseBranch the branch change files are compared against ({@code master} when unset, as in Changesets)
 * @param updateInternalDependencies {@code patch} or {@code minor}: the smallest bump of a dependency that rewrites the ranges on it
 * @param access {@code restricted} or {@code public}: how scoped packages are published
 */
public record ChangesetConfig(List<List<String>> fixed, List<List<String>> linked, List<String> ignore, String baseBranch,
        String updateInternalDependencies, String access) {
    public static final String FILE = ".changeset/config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChangesetConfig {
        fixed = fixed.stream().map(List::copyOf).toList();
        linked = linked.stream().map(List::copyOf).toList();
        ignore = List.copyOf(ignore);
    }

    /** The settings when there is no config.json. */
    public static ChangesetConfig defaults() {
        return new ChangesetConfig(List.of(), List.of(), List.of(), "master", "patch", "restricted");
    }

    /** Parses config.json, reporting every problem at once (each naming its key and what is allowed). */
    public static ChangesetConfig parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(FILE + " is not valid JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(FILE + " must hold a JSON object");
        }
        List<String> problems = new ArrayList<>();
        List<List<String>> fixed = groups(root, "fixed", problems);
        List<List<String>> linked = groups(root, "linked", problems);
        List<String> ignore = new ArrayList<>();
        JsonNode ignoreNode = root.get("ignore");
        if (ignoreNode != null) {
            if (!ignoreNode.isArray() || !allText(ignoreNode)) {
                problems.add("ignore: " + ignoreNode + " where an array of package names belongs");
            } else {
                ignoreNode.forEach(n -> ignore.add(n.asText()));
            }
        }
        String baseBranch = text(root, "baseBranch", "master", problems);
        String update = text(root, "updateInternalDependencies", "patch", problems);
        if (!update.equals("patch") && !update.equals("minor")) {
            problems.add("updateInternalDependencies: \"" + update + "\" where \"patch\" or \"minor\" belongs");
        }
        String access = text(root, "access", "restricted", problems);
        if (!access.equals("restricted") && !access.equals("public")) {
            problems.add("access: \"" + access + "\" where \"restricted\" or \"public\" belongs");
        }
        List<String> both = new ArrayList<>();
        fixed.forEach(g -> g.forEach(p -> {
            if (linked.stream().anyMatch(l -> l.contains(p))) {
                both.add(p);
            }
        }));
        if (!both.isEmpty()) {
            problems.add("fixed and linked: " + String.join(", ", both) + " can be in one kind of group only");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(FILE + ": " + String.join("; ", problems));
        }
        return new ChangesetConfig(fixed, linked, ignore, baseBranch, update, access);
    }

    private static List<List<String>> groups(JsonNode root, String key, List<String> problems) {
        List<List<String>> groups = new ArrayList<>();
        JsonNode node = root.get(key);
        if (node == null) {
            return groups;
        }
        boolean valid = node.isArray();
        if (valid) {
            for (JsonNode group : node) {
                valid &= group.isArray() && allText(group);
            }
        }
        if (!valid) {
            problems.add(key + ": " + node + " where an array of arrays of package names belongs");
            return groups;
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode group : node) {
            List<String> names = new ArrayList<>();
            group.forEach(n -> names.add(n.asText()));
            names.stream().filter(seen::contains).forEach(n -> problems.add(key + ": \"" + n + "\" is in more than one group"));
            seen.addAll(names);
            groups.add(names);
        }
        return groups;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode root, String key, String otherwise, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return otherwise;
        }
        if (!node.isTextual()) {
            problems.add(key + ": " + node + " where a string belongs");
            return otherwise;
        }
        return node.asText();
    }
}
