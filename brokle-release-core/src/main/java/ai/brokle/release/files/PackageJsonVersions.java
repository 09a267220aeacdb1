package ai.brokle.release.files;

import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of an npm package and of its workspace: {@code "version"} in the root package.json
 * and in every workspace package (from its {@code workspaces} field or a
 * {@code pnpm-workspace.yaml}), and the ranges of dependencies between those packages that name
 * the old version ({@code ^1.2.0}, {@code ~1.2.0}, {@code 1.2.0}); {@code workspace:} ranges and
 * other ranges are left alone.
 */
final class PackageJsonVersions {
    private static final String BOM = "\u00EF\u00BB\u00BF";
    private static final List<String> DEPENDENCY_FIELDS = List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");
    private static final Pattern RANGE = Pattern.compile("(\\^|~|=|>=)?(.+)");
    private static final int MAX_DEPTH = 8;
    private static final JsonFactory JSON = new JsonFactory();

    private final VersionFileUpdater files;

    PackageJsonVersions(VersionFileUpdater files) {
        this.files = files;
    }

    /** Where a package.json's version and dependency ranges are. */
    private record Manifest(String path, String text, int offset, String name, int[] version, String versionText,
            Map<String, List<int[]>> dependencyRanges) {
    }

    /** The root package.json and every workspace package, root first; empty when the root cannot be read. */
    private List<Manifest> load(String rootPath, List<String> problems) {
        Manifest root;
        JsonNode rootTree;
        try {
            root = read(rootPath);
            rootTree = new ObjectMapper().readTree(root.text().substring(root.offset()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(rootPath + ": cannot be read as JSON (" + e.getMessage() + ")");
            return List.of();
        }
        List<Manifest> packages = new ArrayList<>();
        packages.add(root);
        for (String path : workspacePackages(rootPath, rootTree, problems)) {
            try {
                packages.add(read(path));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(path + ": cannot be read as JSON (" + e.getMessage() + ")");
            }
        }
        return packages;
    }

    /**
     * The versions the root package.json and its workspace packages hold (path → version; a root
     * without a version is left out, as a workspace root often has none), or the problems met.
     */
    VersionFileUpdater.Versions versions(String rootPath) {
        List<String> problems = new ArrayList<>();
        List<Manifest> packages = load(rootPath, problems);
        Map<String, String> found = new LinkedHashMap<>();
        packages.stream().filter(m -> m.versionText() != null).forEach(m -> found.put(m.path(), m.versionText()));
        if (problems.isEmpty() && found.isEmpty()) {
            problems.add(rootPath + ": has no \"version\" field; add \"version\": \"<current version>\"");
        }
        return new VersionFileUpdater.Versions(found, problems);
    }

    VersionFileUpdater.Result update(String rootPath, SemVer version) {
        List<String> problems = new ArrayList<>();
        List<Manifest> packages = load(rootPath, problems);
        if (packages.isEmpty()) {
            return new VersionFileUpdater.Result(List.of(), problems);
        }
        Manifest root = packages.get(0);
        Set<String> versions = new TreeSet<>();
        for (Manifest m : packages) {
            if (m.versionText() != null) {
                versions.add(m.versionText());
            }
        }
        String old = root.versionText() != null ? root.versionText() : versions.size() == 1 ? versions.iterator().next() : null;
        if (old == null) {
            problems.add(rootPath + ": has no \"version\" field" + (versions.isEmpty() ? "" : " and its workspace packages hold different"
                    + " versions (" + String.join(", ", versions) + ")") + "; add \"version\": \"<current version>\"");
        }
        if (!problems.isEmpty()) {
            return new VersionFileUpdater.Result(List.of(), problems);
        }
        Set<String> internal = new LinkedHashSet<>();
        packages.stream().map(Manifest::name).filter(n -> n != null).forEach(internal::add);
        String value = version.toString();
        List<FileChange> changes = new ArrayList<>();
        for (Manifest m : packages) {
            TextEdits edits = new TextEdits(m.text());
            if (m.version() != null) {
                edits.replace(m.version()[0], m.version()[1], value);
            }
            for (Map.Entry<String, List<int[]>> e : m.dependencyRanges().entrySet()) {
                if (!internal.contains(e.getKey())) {
                    continue;
                }
                for (int[] span : e.getValue()) {
                    Matcher r = RANGE.matcher(m.text().substring(span[0], span[1]));
                    if (r.matches() && r.group(2).equals(old)) {
                        int start = span[0] + (r.group(1) == null ? 0 : r.group(1).length());
                        edits.replace(start, span[1], value);
                    }
                }
            }
            if (!edits.isEmpty()) {
                changes.add(new FileChange(m.path(), m.text(), edits.apply()));
            }
        }
        return VersionFileUpdater.Result.of(changes);
    }

    private Manifest read(String path) throws IOException {
        String text = files.read(path);
        int offset = text.startsWith(BOM) ? BOM.length() : 0;
        String json = text.substring(offset);
        int[] version = null;
        String versionText = null;
        String name = null;
        Map<String, List<int[]>> ranges = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the file is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("version") && value == JsonToken.VALUE_STRING) {
                    version = span(json, parser, offset);
                    versionText = parser.getText();
                } else if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                    name = parser.getText();
                } else if (DEPENDENCY_FIELDS.contains(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String dependency = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING) {
                            int[] span = span(json, parser, offset);
                            if (span != null) {
                                ranges.computeIfAbsent(dependency, k -> new ArrayList<>()).add(span);
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new Manifest(path, text, offset, name, version, versionText, ranges);
    }

    /** The span of the current string value's text in the file, or null when it is written with escapes. */
    private static int[] span(String json, JsonParser parser, int offset) throws IOException {
        int quote = (int) parser.currentTokenLocation().getCharOffset();
        String value = parser.getText();
        int start = quote + 1;
        int end = start + value.length();
        if (quote < 0 || json.charAt(quote) != '"' || end >= json.length() || json.charAt(end) != '"' || !json.startsWith(value, start)) {
            return null;
        }
        return new int[] {start + offset, end + offset};
    }

    /** The package.json files of the workspace rooted at {@code rootPath}'s directory, in path order. */
    private List<String> workspacePackages(String rootPath, JsonNode root, List<String> problems) {
        String dir = rootPath.contains("/") ? rootPath.substring(0, rootPath.lastIndexOf('/') + 1) : "";
        List<String> globs = new ArrayList<>();
        JsonNode workspaces = root.get("workspaces");
        if (workspaces != null && workspaces.isObject()) {
            workspaces = workspaces.get("packages");
        }
        if (workspaces != null && workspaces.isArray()) {
            workspaces.forEach(w -> globs.add(w.asText()));
        }
        String pnpm = dir + "pnpm-workspace.yaml";
        if (globs.isEmpty() && files.exists(pnpm)) {
            try {
                JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(files.read(pnpm));
                if (yaml != null && yaml.path("packages").isArray()) {
                    yaml.path("packages").forEach(w -> globs.add(w.asText()));
                }
            } catch (IOException e) {
                problems.add(pnpm + ": cannot be read as YAML (" + e.getMessage() + ")");
            }
        }
        if (globs.isEmpty()) {
            return List.of();
        }
        List<PathMatcher> include = new ArrayList<>();
        List<PathMatcher> exclude = new ArrayList<>();
        for (String glob : globs) {
            boolean negated = glob.startsWith("!");
            String g = (negated ? glob.substring(1) : glob).replaceAll("^\\./", "").replaceAll("/+$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + g);
            (negated ? exclude : include).add(matcher);
        }
        Path base = files.root().resolve(dir.isEmpty() ? "." : dir).normalize();
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(base, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(base) && (name.equals("node_modules") || name.startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path relative = base.relativize(d);
                    if (!d.equals(base) && Files.isRegularFile(d.resolve("package.json"))
                            && include.stream().anyMatch(m -> m.matches(relative)) && exclude.stream().noneMatch(m -> m.matches(relative))) {
                        found.add(dir + relative.toString().replace('\\', '/') + "/package.json");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("Cannot list the workspace packages under " + (dir.isEmpty() ? "the repository root" : dir) + ": " + e.getMessage());
        }
        found.sort(null);
        return found;
    }
}
