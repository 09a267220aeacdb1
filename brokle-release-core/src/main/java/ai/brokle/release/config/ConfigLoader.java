package ai.brokle.release.config;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.InvalidVersionException;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionPolicy;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code .brokle-release.yml} and checks all of it before anything runs: every problem is
 * collected, each naming the key, what is wrong and what is allowed, and reported in one failure.
 */
public final class ConfigLoader {
    private static final List<String> TOP_KEYS = List.of("releaseBranch", "remote", "versioning", "components");
    private static final List<String> VERSIONING_KEYS = List.of("bumps", "breakingWhileZero", "initialVersion");
    private static final List<String> COMPONENT_KEYS = List.of("path", "tagPrefix", "versionFiles", "changelog");
    private static final List<String> VERSION_FILE_KEYS = List.of("path", "pattern");
    private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern COMMIT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");

    private final List<String> problems = new ArrayList<>();
    private String fileName;

    /** Reads the configuration of the repository rooted at {@code root}, or its defaults. */
    public static ReleaseConfig load(Path root) {
        Path file = root.resolve(ReleaseConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            String name = root.toAbsolutePath().normalize().getFileName() == null ? "project"
                    : root.toAbsolutePath().normalize().getFileName().toString();
            ComponentConfig only = new ComponentConfig(name, "", "v", List.of(), null);
            return new ReleaseConfig("defaults (no " + ReleaseConfig.FILE_NAME + ")", ReleaseConfig.DEFAULT_BRANCH,
                    ReleaseConfig.DEFAULT_REMOTE, VersionPolicy.defaults(), List.of(only));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ConfigLoader().parse(ReleaseConfig.FILE_NAME, text);
    }

    /** Parses configuration text; {@code fileName} is used in messages. */
    public ReleaseConfig parse(String fileName, String text) {
        this.fileName = fileName;
        JsonNode root = readTree(text);
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.add("components: no components are configured; add at least one, e.g. components: {platform: {path: ., tagPrefix: v}}");
            throw failure();
        }
        if (!root.isObject()) {
            problems.add("the file must be a mapping of keys (" + String.join(", ", TOP_KEYS) + ")");
            throw failure();
        }
        checkKeys(root, "", TOP_KEYS);
        String branch = string(root, "releaseBranch", ReleaseConfig.DEFAULT_BRANCH);
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            problems.add("releaseBranch: '" + branch + "' is not a branch name");
        }
        String remote = string(root, "remote", ReleaseConfig.DEFAULT_REMOTE);
        VersionPolicy policy = versioning(root.get("versioning"));
        List<ComponentConfig> components = components(root.get("components"));
        if (!problems.isEmpty()) {
            throw failure();
        }
        return new ReleaseConfig(fileName, branch, remote, policy, components);
    }

    private JsonNode readTree(String text) {
        YAMLFactory yaml = new YAMLFactory();
        yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            return new ObjectMapper(yaml).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add("not valid YAML" + where + ": " + e.getOriginalMessage());
            throw failure();
        }
    }

    private VersionPolicy versioning(JsonNode node) {
        VersionPolicy defaults = VersionPolicy.defaults();
        if (node == null || node.isNull()) {
            return defaults;
        }
        if (!node.isObject()) {
            problems.add("versioning: must be a mapping with keys " + String.join(", ", VERSIONING_KEYS));
            return defaults;
        }
        checkKeys(node, "versioning.", VERSIONING_KEYS);
        Map<String, Bump> bumps = new HashMap<>(defaults.typeBumps());
        JsonNode bumpsNode = node.get("bumps");
        if (bumpsNode != null && !bumpsNode.isNull()) {
            if (!bumpsNode.isObject()) {
                problems.add("versioning.bumps: must map commit types to a bump, e.g. {feat: minor, fix: patch}");
            } else {
                bumps.clear();
                for (Iterator<Map.Entry<String, JsonNode>> it = bumpsNode.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String key = "versioning.bumps." + e.getKey();
                    if (!COMMIT_TYPE.matcher(e.getKey()).matches()) {
                        problems.add(key + ": '" + e.getKey() + "' is not a commit type (letters, digits, '-' and '_')");
                        continue;
                    }
                    Bump b = e.getValue().isTextual() ? Bump.fromLabel(e.getValue().asText()) : null;
                    if (b == null) {
                        problems.add(key + ": '" + e.getValue().asText() + "' is not a bump; use major, minor, patch or none");
                    } else {
                        bumps.put(e.getKey().toLowerCase(java.util.Locale.ROOT), b);
                    }
                }
            }
        }
        Bump whileZero = defaults.breakingWhileZero();
        String wz = string(node, "breakingWhileZero", null, "versioning.");
        if (wz != null) {
            whileZero = Bump.fromLabel(wz);
            if (whileZero != Bump.MINOR && whileZero != Bump.MAJOR) {
                problems.add("versioning.breakingWhileZero: '" + wz + "' is not allowed; use minor (0.x stays below 1.0.0) or major");
                whileZero = defaults.breakingWhileZero();
            }
        }
        SemVer initial = defaults.initialVersion();
        String iv = string(node, "initialVersion", null, "versioning.");
        if (iv != null) {
            try {
                initial = SemVer.parse(iv);
            } catch (InvalidVersionException e) {
                problems.add("versioning.initialVersion: " + e.getMessage());
            }
        }
        return new VersionPolicy(bumps, whileZero, initial);
    }

    private List<ComponentConfig> components(JsonNode node) {
        List<ComponentConfig> result = new ArrayList<>();
        if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) {
            problems.add("components: no components are configured; add at least one, e.g. components: {platform: {path: ., tagPrefix: v}}");
            return result;
        }
        if (!node.isObject()) {
            problems.add("components: must be a mapping from component name to its settings (" + String.join(", ", COMPONENT_KEYS) + ")");
            return result;
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String key = "components." + name;
            if (!COMPONENT_NAME.matcher(name).matches()) {
                problems.add(key + ": '" + name + "' is not a component name; use letters, digits, '.', '_' and '-'");
            }
            JsonNode c = e.getValue();
            if (c == null || c.isNull()) {
                c = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }
            if (!c.isObject()) {
                problems.add(key + ": must be a mapping with keys " + String.join(", ", COMPONENT_KEYS));
                continue;
            }
            checkKeys(c, key + ".", COMPONENT_KEYS);
            String path = relativePath(c, "path", key + ".", ".");
            String prefix = string(c, "tagPrefix", "v", key + ".");
            if (prefix != null) {
                checkTagPrefix(key + ".tagPrefix", prefix);
                String other = prefixes.put(prefix, name);
                if (other != null) {
                    problems.add(key + ".tagPrefix: '" + prefix + "' is also the tag prefix of component '" + other
                            + "'; each component needs its own prefix, e.g. v, python-v, js-v");
                }
            }
            List<VersionFileConfig> files = versionFiles(c.get("versionFiles"), key + ".versionFiles");
            String changelog = c.has("changelog") && !c.get("changelog").isNull() ? relativePath(c, "changelog", key + ".", null) : null;
            result.add(new ComponentConfig(name, path == null ? "" : (path.equals(".") ? "" : path), prefix == null ? "v" : prefix, files, changelog));
        }
        return result;
    }

    private List<VersionFileConfig> versionFiles(JsonNode node, String key) {
        List<VersionFileConfig> files = new ArrayList<>();
        if (node == null || node.isNull()) {
            return files;
        }
        if (!node.isArray()) {
            problems.add(key + ": must be a list of entries with keys " + String.join(", ", VERSION_FILE_KEYS));
            return files;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode f = node.get(i);
            String itemKey = key + "[" + i + "]";
            if (f.isTextual()) {
                f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("path", f.asText());
            }
            if (!f.isObject()) {
                problems.add(itemKey + ": must be a mapping with keys " + String.join(", ", VERSION_FILE_KEYS));
                continue;
            }
            checkKeys(f, itemKey + ".", VERSION_FILE_KEYS);
            String path = relativePath(f, "path", itemKey + ".", null);
            if (path == null) {
                if (!f.has("path")) {
                    problems.add(itemKey + ".path: missing; give the file's path relative to the repository root");
                }
                continue;
            }
            String pattern = string(f, "pattern", null, itemKey + ".");
            VersionFileKind kind = VersionFileKind.inferFromName(path);
            if (pattern != null) {
                int first = pattern.indexOf(VersionFileConfig.PLACEHOLDER);
                if (first < 0 || pattern.indexOf(VersionFileConfig.PLACEHOLDER, first + 1) >= 0) {
                    problems.add(itemKey + ".pattern: must contain " + VersionFileConfig.PLACEHOLDER + " exactly once, e.g. 'VERSION = \""
                            + VersionFileConfig.PLACEHOLDER + "\"'");
                }
                kind = VersionFileKind.PATTERN;
            } else if (kind == null) {
                problems.add(itemKey + ": cannot tell where the version is in '" + path + "'; add a pattern with "
                        + VersionFileConfig.PLACEHOLDER + " (kinds known by name: package.json, pom.xml, pyproject.toml, *.py)");
                continue;
            }
            files.add(new VersionFileConfig(path, kind, pattern));
        }
        return files;
    }

    private void checkTagPrefix(String key, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                problems.add(key + ": '" + prefix + "' cannot start a git tag name (it contains '" + c + "')");
                return;
            }
        }
        if (prefix.contains("..") || prefix.startsWith("/") || prefix.startsWith("-") || prefix.contains("@{")) {
            problems.add(key + ": '" + prefix + "' cannot start a git tag name");
        } else if (!prefix.isEmpty() && Character.isDigit(prefix.charAt(prefix.length() - 1))) {
            problems.add(key + ": '" + prefix + "' ends with a digit, so its tags could not be told apart from the version; end it with a letter or '-'");
        }
    }

    private String relativePath(JsonNode node, String field, String keyPrefix, String defaultValue) {
        String value = string(node, field, defaultValue, keyPrefix);
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
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || Set.of(p.split("/")).contains("..")) {
            problems.add(keyPrefix + field + ": '" + value + "' must be a path inside the repository, relative to its root");
            return null;
        }
        return p;
    }

    private String string(JsonNode node, String field, String defaultValue) {
        return string(node, field, defaultValue, "");
    }

    private String string(JsonNode node, String field, String defaultValue, String keyPrefix) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            problems.add(keyPrefix + field + ": must be a text value");
            return null;
        }
        return v.asText();
    }

    private void checkKeys(JsonNode node, String keyPrefix, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(keyPrefix + key + ": unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    private ReleaseFailure failure() {
        return new ReleaseFailure("Invalid release configuration " + fileName + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")", prefixed());
    }

    private List<String> prefixed() {
        List<String> list = new ArrayList<>();
        for (String p : problems) {
            list.add(fileName + ": " + p);
        }
        return list;
    }
}
