package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code components} section: each component's path, tag prefix, version files, changelog and release notes. */
final class ComponentsSection {
    private final ConfigFields fields;

    ComponentsSection(ConfigFields fields) {
        this.fields = fields;
    }

    List<ComponentConfig> components(Object node) {
        List<ComponentConfig> result = new ArrayList<>();
        if (node == null || (node instanceof Map && fields.map(node).isEmpty())) {
            fields.problem("components", NO_COMPONENTS);
            return result;
        }
        if (!(node instanceof Map)) {
            fields.problem("components", "must be a mapping from component name to its settings (" + String.join(", ", COMPONENT_KEYS) + ")");
            return result;
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.map(node).entrySet()) {
            String name = e.getKey();
            String key = "components." + name;
            if (!COMPONENT_NAME.matcher(name).matches()) {
                fields.problem(key, "'" + name + "' is not a component name; use letters, digits, '.', '_' and '-'");
            }
            Object value = e.getValue() == null ? Map.of() : e.getValue();
            Map<String, Object> c = fields.mapping(value, key, COMPONENT_KEYS);
            if (c == null) {
                continue;
            }
            String path = fields.relativePath(c, key, "path", ".");
            String prefix = fields.string(c, key, "tagPrefix", "v");
            if (prefix != null) {
                checkTagPrefix(key + ".tagPrefix", prefix);
                String other = prefixes.put(prefix, name);
                if (other != null) {
                    fields.problem(key + ".tagPrefix", "'" + prefix + "' is also the tag prefix of component '" + other
                            + "'; each component needs its own prefix, e.g. v, python-v, js-v");
                }
            }
            List<String> previous = fields.stringList(c.get("previousTagPrefixes"), key + ".previousTagPrefixes");
            for (int i = 0; i < previous.size(); i++) {
                String itemKey = key + ".previousTagPrefixes[" + i + "]";
                checkTagPrefix(itemKey, previous.get(i));
                if (previous.get(i).equals(prefix)) {
                    fields.problem(itemKey, "'" + previous.get(i) + "' is the component's tagPrefix itself; list only the prefixes it had before");
                }
            }
            List<VersionFileConfig> files = versionFiles(c.get("versionFiles"), key + ".versionFiles");
            ChangelogConfig changelog = changelog(c, key);
            ReleaseNotesConfig notes = releaseNotes(c.get("releaseNotes"), key + ".releaseNotes");
            List<ImageConfig> builds = new ArrayList<>();
            List<String> images = new ImagesSection(fields).images(c.get("images"), key + ".images", builds);
            ComponentConfig.Versioning versioning = ComponentConfig.Versioning.COMMITS;
            String versioningText = fields.string(c, key, "versioning", "commits");
            if (versioningText != null) {
                if (versioningText.equals("changesets")) {
                    versioning = ComponentConfig.Versioning.CHANGESETS;
                } else if (!versioningText.equals("commits")) {
                    fields.problem(key + ".versioning", "'" + versioningText + "' is not a kind of versioning; use commits (conventional commits,"
                            + " the default) or changesets (the change files in .changeset/ of the npm workspace at the component's path)");
                }
            }
            PublishConfig publish = new PublishSection(fields).publish(c, key, builds);
            result.add(new ComponentConfig(name, path == null || path.equals(".") ? "" : path, prefix == null ? "v" : prefix, files,
                    changelog, notes, images, versioning, publish, List.copyOf(previous)));
        }
        return result;
    }

    private ChangelogConfig changelog(Map<String, Object> component, String componentKey) {
        Object node = component.get("changelog");
        if (node == null) {
            return ChangelogConfig.none();
        }
        if (node instanceof String) {
            return ChangelogConfig.at(fields.relativePath(component, componentKey, "changelog", null));
        }
        String key = componentKey + ".changelog";
        if (!(node instanceof Map)) {
            fields.problem(key, "must be the changelog's path (CHANGELOG.md) or a mapping with keys " + String.join(", ", CHANGELOG_KEYS));
            return ChangelogConfig.none();
        }
        Map<String, Object> c = fields.map(node);
        fields.checkKeys(c, key, CHANGELOG_KEYS);
        String path = fields.relativePath(c, key, "path", null);
        Map<String, String> sections = null;
        Object sectionsNode = c.get("sections");
        if (sectionsNode != null) {
            if (!(sectionsNode instanceof Map)) {
                fields.problem(key + ".sections", "must map commit types to section titles, e.g. {feat: Added, fix: Fixed, docs: Documentation}");
            } else {
                sections = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : fields.map(sectionsNode).entrySet()) {
                    String itemKey = key + ".sections." + e.getKey();
                    if (!COMMIT_TYPE.matcher(e.getKey()).matches()) {
                        fields.problem(itemKey, "'" + e.getKey() + "' is not a commit type (letters, digits, '-' and '_')");
                    } else if (!(e.getValue() instanceof String title) || title.isBlank() || title.contains("\n")) {
                        fields.problem(itemKey, "must be a section title on one line, e.g. Added");
                    } else {
                        sections.put(e.getKey().toLowerCase(Locale.ROOT), title.strip());
                    }
                }
            }
        }
        List<String> types = List.of();
        List<String> scopes = List.of();
        List<Pattern> messages = new ArrayList<>();
        Object excludeNode = c.get("exclude");
        if (excludeNode != null) {
            Map<String, Object> exclude = fields.mapping(excludeNode, key + ".exclude", EXCLUDE_KEYS);
            if (exclude != null) {
                types = fields.stringList(exclude.get("types"), key + ".exclude.types").stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
                scopes = fields.stringList(exclude.get("scopes"), key + ".exclude.scopes");
                List<String> regexes = fields.stringList(exclude.get("messages"), key + ".exclude.messages");
                for (int i = 0; i < regexes.size(); i++) {
                    try {
                        messages.add(Pattern.compile(regexes.get(i)));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        fields.problem(key + ".exclude.messages[" + i + "]", "'" + regexes.get(i) + "' is not a regular expression: "
                                + e.getDescription() + " near index " + e.getIndex());
                    }
                }
            }
        }
        return new ChangelogConfig(path, sections, types, scopes, List.copyOf(messages));
    }

    private ReleaseNotesConfig releaseNotes(Object node, String key) {
        if (node == null) {
            return ReleaseNotesConfig.defaults();
        }
        Map<String, Object> n = fields.mapping(node, key, NOTES_KEYS);
        if (n == null) {
            return ReleaseNotesConfig.defaults();
        }
        String title = fields.string(n, key, "title", null);
        if (title != null && (title.isBlank() || title.contains("\n"))) {
            fields.problem(key + ".title", "must be a name on one line, e.g. Brokle");
        }
        String template = n.get("template") == null ? null : fields.relativePath(n, key, "template", null);
        return new ReleaseNotesConfig(title == null ? null : title.strip(), template);
    }

    private List<VersionFileConfig> versionFiles(Object node, String key) {
        List<VersionFileConfig> files = new ArrayList<>();
        if (node == null) {
            return files;
        }
        if (!(node instanceof List)) {
            fields.problem(key, "must be a list of entries with keys " + String.join(", ", VERSION_FILE_KEYS));
            return files;
        }
        List<?> items = (List<?>) node;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemKey = key + "[" + i + "]";
            if (item instanceof String) {
                item = Map.of("path", item);
            }
            Map<String, Object> f = fields.mapping(item, itemKey, VERSION_FILE_KEYS);
            if (f == null) {
                continue;
            }
            String path = fields.relativePath(f, itemKey, "path", null);
            if (path == null) {
                if (!f.containsKey("path")) {
                    fields.problem(itemKey + ".path", "missing; give the file's path relative to the repository root");
                }
                continue;
            }
            String pattern = fields.string(f, itemKey, "pattern", null);
            VersionFileKind kind = VersionFileKind.inferFromName(path);
            if (pattern != null) {
                int first = pattern.indexOf(VersionFileConfig.PLACEHOLDER);
                if (first < 0 || pattern.indexOf(VersionFileConfig.PLACEHOLDER, first + 1) >= 0) {
                    fields.problem(itemKey + ".pattern", "must contain " + VersionFileConfig.PLACEHOLDER + " exactly once, e.g. 'VERSION = \""
                            + VersionFileConfig.PLACEHOLDER + "\"'");
                }
                kind = VersionFileKind.PATTERN;
            } else if (kind == null) {
                fields.problem(itemKey, "cannot tell where the version is in '" + path + "'; add a pattern with "
                        + VersionFileConfig.PLACEHOLDER + " (kinds known by name: package.json, pom.xml, pyproject.toml, *.py)");
                continue;
            }
            int matches = 1;
            String count = fields.string(f, itemKey, "matches", null);
            if (count != null) {
                if (pattern == null) {
                    fields.problem(itemKey + ".matches", "only applies with a pattern; remove it, or add a pattern with " + VersionFileConfig.PLACEHOLDER);
                } else if (!count.matches("[1-9][0-9]{0,3}")) {
                    fields.problem(itemKey + ".matches", "'" + count + "' is not a count; give how many times the pattern occurs in the file (1 to 9999)");
                } else {
                    matches = Integer.parseInt(count);
                }
            }
            boolean pep440 = false;
            String format = fields.string(f, itemKey, "format", null);
            if (format != null) {
                if (!format.equals("semver") && !format.equals("pep440")) {
                    fields.problem(itemKey + ".format", "'" + format + "' is not a format; give semver (the tag's spelling, 0.5.0-beta.1)"
                            + " or pep440 (PEP 440's normal form, 0.5.0b1)");
                } else if (format.equals("pep440") && kind != VersionFileKind.PYPROJECT && kind != VersionFileKind.PYTHON_MODULE) {
                    fields.problem(itemKey + ".format", "pep440 applies to pyproject.toml and Python modules (*.py) without a pattern;"
                            + " remove it for '" + path + "'");
                } else {
                    pep440 = format.equals("pep440");
                }
            }
            files.add(new VersionFileConfig(path, kind, pattern, matches, pep440));
        }
        return files;
    }

    void checkTagPrefix(String key, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                fields.problem(key, "'" + prefix + "' cannot start a git tag name (it contains '" + c + "')");
                return;
            }
        }
        if (prefix.contains("..") || prefix.startsWith("/") || prefix.startsWith("-") || prefix.contains("@{")) {
            fields.problem(key, "'" + prefix + "' cannot start a git tag name");
        } else if (!prefix.isEmpty() && Character.isDigit(prefix.charAt(prefix.length() - 1))) {
            fields.problem(key, "'" + prefix + "' ends with a digit, so its tags could not be told apart from the version; end it with a letter or '-'");
        }
    }
}
