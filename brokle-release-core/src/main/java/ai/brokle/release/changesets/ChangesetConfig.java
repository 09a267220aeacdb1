package ai.brokle.release.changesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code .changeset/config.json}, read key by key as the Changesets CLI (2.x, config schema 3) reads
 * it, with its defaults for the keys left out. Every key of the schema is either honoured as the CLI
 * honours it or refused naming the key; a key the schema does not have is refused too.
 *
 * @param fixed groups of packages that always share one version and are released together
 * @param linked groups of packages that share the highest version among those being released
 * @param ignore packages (or globs) never versioned
 * @param baseBranch the branch change files are compared against ({@code master} when unset, as in Changesets)
 * @param updateInternalDependencies {@code patch} or {@code minor}: the smallest bump of a dependency that rewrites the ranges on it
 * @param access {@code restricted} or {@code public}: how scoped packages are published
 * @param changelog whether CHANGELOG.md files are written ({@code "changelog": false} turns them off)
 * @param versionPrivatePackages {@code privatePackages.version}: private packages are versioned (true unless turned off)
 * @param bumpVersionsWithWorkspaceProtocolOnly only {@code workspace:} ranges on released packages are rewritten
 * @param onlyUpdatePeerDependentsWhenOutOfRange (experimental key) a peer dependent is bumped and its range moved only when the new version leaves it
 * @param updateInternalDependentsAlways (experimental key {@code updateInternalDependents: "always"}) dependents are released even when the new version stays in their range
 * @param changedFilePatterns globs, relative to a package's directory, of the files that make it "changed" for the status check
 */
public record ChangesetConfig(List<List<String>> fixed, List<List<String>> linked, List<String> ignore, String baseBranch,
        String updateInternalDependencies, String access, boolean changelog, boolean versionPrivatePackages,
        boolean bumpVersionsWithWorkspaceProtocolOnly, boolean onlyUpdatePeerDependentsWhenOutOfRange, boolean updateInternalDependentsAlways,
        List<String> changedFilePatterns) {
    public static final String FILE = ".changeset/config.json";
    static final String EXPERIMENTAL = "___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH";
    /** The changelog generator built in: the CLI's default, whose entries this tool writes byte for byte. */
    static final String DEFAULT_CHANGELOG = "@changesets/cli/changelog";
    private static final Set<String> KEYS = Set.of("$schema", "changelog", "commit", "fixed", "linked", "access", "baseBranch",
            "updateInternalDependencies", "ignore", "bumpVersionsWithWorkspaceProtocolOnly", "privatePackages", "prettier", "snapshot",
            "changedFilePatterns", EXPERIMENTAL);
    private static final Set<String> EXPERIMENTAL_KEYS = Set.of("onlyUpdatePeerDependentsWhenOutOfRange", "updateInternalDependents",
            "useCalculatedVersionForSnapshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChangesetConfig {
        fixed = fixed.stream().map(List::copyOf).toList();
        linked = linked.stream().map(List::copyOf).toList();
        ignore = List.copyOf(ignore);
        changedFilePatterns = List.copyOf(changedFilePatterns);
    }

    /** The settings when there is no config.json. */
    public static ChangesetConfig defaults() {
        return new ChangesetConfig(List.of(), List.of(), List.of(), "master", "patch", "restricted", true, true, false, false, false,
                List.of("**"));
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
        root.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                problems.add(key + ": not a key of the Changesets configuration (keys: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        });
        List<List<String>> fixed = groups(root, "fixed", problems);
        List<List<String>> linked = groups(root, "linked", problems);
        List<String> ignore = strings(root, "ignore", List.of(), "an array of package names", problems);
        String baseBranch = text(root, "baseBranch", "master", problems);
        String update = text(root, "updateInternalDependencies", "patch", problems);
        if (!update.equals("patch") && !update.equals("minor")) {
            problems.add("updateInternalDependencies: \"" + update + "\" where \"patch\" or \"minor\" belongs");
        }
        String access = text(root, "access", "restricted", problems);
        if (!access.equals("restricted") && !access.equals("public")) {
            problems.add("access: \"" + access + "\" where \"restricted\" or \"public\" belongs");
        }
        boolean changelog = changelog(root.get("changelog"), problems);
        commit(root.get("commit"), problems);
        boolean versionPrivate = privatePackages(root.get("privatePackages"), problems);
        boolean workspaceOnly = flag(root, "bumpVersionsWithWorkspaceProtocolOnly", problems);
        JsonNode prettier = root.get("prettier");
        if (prettier != null && !prettier.isBoolean()) {
            problems.add("prettier: " + prettier + " where true or false belongs");
        } else if (prettier != null && !prettier.asBoolean()) {
            problems.add("prettier: false is not supported: the CHANGELOG.md sections are written as the CLI formats them with Prettier;"
                    + " remove the key or set it to true");
        }
        snapshot(root.get("snapshot"), problems);
        List<String> patterns = strings(root, "changedFilePatterns", List.of("**"), "an array of glob patterns", problems);
        boolean peersOutOfRange = false;
        boolean dependentsAlways = false;
        JsonNode experimental = root.get(EXPERIMENTAL);
        if (experimental != null && !experimental.isObject()) {
            problems.add(EXPERIMENTAL + ": " + experimental + " where an object belongs");
        } else if (experimental != null) {
            experimental.fieldNames().forEachRemaining(key -> {
                if (!EXPERIMENTAL_KEYS.contains(key)) {
                    problems.add(EXPERIMENTAL + "." + key + ": not a key of the Changesets configuration (keys: "
                            + String.join(", ", new TreeSet<>(EXPERIMENTAL_KEYS)) + ")");
                }
            });
            peersOutOfRange = flag(experimental, "onlyUpdatePeerDependentsWhenOutOfRange", problems);
            JsonNode dependents = experimental.get("updateInternalDependents");
            if (dependents != null && !(dependents.isTextual() && List.of("always", "out-of-range").contains(dependents.asText()))) {
                problems.add(EXPERIMENTAL + ".updateInternalDependents: " + dependents + " where \"always\" or \"out-of-range\" belongs");
            }
            dependentsAlways = dependents != null && dependents.asText().equals("always");
            flag(experimental, "useCalculatedVersionForSnapshots", problems);
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
        return new ChangesetConfig(fixed, linked, ignore, baseBranch, update, access, changelog, versionPrivate, workspaceOnly, peersOutOfRange,
                dependentsAlways, patterns);
    }

    /** {@code changelog}: the CLI's default generator (by name, or with options it does not read) or false; another generator is refused. */
    private static boolean changelog(JsonNode node, List<String> problems) {
        if (node == null || node.isBoolean() && !node.asBoolean()) {
            return node == null;
        }
        JsonNode module = node.isArray() && node.size() == 2 ? node.get(0) : node;
        if (module.isTextual() && module.asText().equals(DEFAULT_CHANGELOG)) {
            return true;
        }
        if (module.isTextual()) {
            problems.add("changelog: \"" + module.asText() + "\" is a changelog generator this tool cannot run; the one built in is \""
                    + DEFAULT_CHANGELOG + "\" (or false for no CHANGELOG.md)");
        } else {
            problems.add("changelog: " + node + " where \"" + DEFAULT_CHANGELOG + "\", [\"" + DEFAULT_CHANGELOG + "\", {…}] or false belongs");
        }
        return true;
    }

    /** {@code commit}: false (the default); the CLI's own commits on add and version are not made here, so true is refused. */
    private static void commit(JsonNode node, List<String> problems) {
        if (node == null || node.isBoolean() && !node.asBoolean()) {
            return;
        }
        if (node.isBoolean() || node.isTextual() || node.isArray()) {
            problems.add("commit: " + node + " is not supported: the changeset and changeset-version goals leave their files for you to"
                    + " commit, and prepare makes the release commit; set it to false");
        } else {
            problems.add("commit: " + node + " where false belongs");
        }
    }

    /** {@code privatePackages}: whether private packages are versioned; tagging them one by one is refused (the component is tagged). */
    private static boolean privatePackages(JsonNode node, List<String> problems) {
        if (node == null) {
            return true;
        }
        if (node.isBoolean() && !node.asBoolean()) {
            return false;
        }
        if (!node.isObject()) {
            problems.add("privatePackages: " + node + " where false or {\"version\": …, \"tag\": …} belongs");
            return true;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!key.equals("version") && !key.equals("tag")) {
                problems.add("privatePackages." + key + ": not a key of the Changesets configuration (keys: tag, version)");
            }
        });
        boolean version = !node.has("version") || flag(node, "version", problems);
        if (flag(node, "tag", problems)) {
            problems.add("privatePackages.tag: true is not supported: a release is tagged once for its component (tagPrefix), not per"
                    + " package; remove the key or set it to false");
        }
        return version;
    }

    /** {@code snapshot}: read for its form only; snapshot releases ({@code changeset version --snapshot}) are not made by this tool. */
    private static void snapshot(JsonNode node, List<String> problems) {
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            problems.add("snapshot: " + node + " where an object belongs");
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!key.equals("useCalculatedVersion") && !key.equals("prereleaseTemplate")) {
                problems.add("snapshot." + key + ": not a key of the Changesets configuration (keys: prereleaseTemplate, useCalculatedVersion)");
            }
        });
        flag(node, "useCalculatedVersion", problems);
        JsonNode template = node.get("prereleaseTemplate");
        if (template != null && !template.isTextual() && !template.isNull()) {
            problems.add("snapshot.prereleaseTemplate: " + template + " where a string belongs");
        }
    }

    private static boolean flag(JsonNode parent, String key, List<String> problems) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(key + ": " + node + " where true or false belongs");
            return false;
        }
        return node.asBoolean();
    }

    private static List<String> strings(JsonNode root, String key, List<String> otherwise, String what, List<String> problems) {
        JsonNode node = root.get(key);
        if (node == null) {
            return otherwise;
        }
        if (!node.isArray() || !allText(node)) {
            problems.add(key + ": " + node + " where " + what + " belongs");
            return otherwise;
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
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
