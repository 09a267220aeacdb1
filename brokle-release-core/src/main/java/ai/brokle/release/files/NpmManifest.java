package ai.brokle.release.files;

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
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A package.json as a release edits it: its name, whether it is private, where its version and
 * its dependency ranges stand in the text, so that a release replaces exactly those characters.
 * Also finds the package.json files of a workspace (its {@code workspaces} field or a
 * {@code pnpm-workspace.yaml}).
 *
 * @param path the file's path relative to the repository root, with '/' separators
 * @param text the file's bytes, one character per byte (see {@link FileChange})
 * @param name the package name, or null
 * @param privatePackage {@code "private": true}
 * @param version the span of the version string's characters in {@code text}, or null
 * @param versionText the version as written, or null
 * @param dependencies every dependency range, in file order
 */
public record NpmManifest(String path, String text, String name, boolean privatePackage, int[] version, String versionText,
        List<Dependency> dependencies) {
    /** The dependency fields, in the order npm and Changesets read them. */
    public static final List<String> DEPENDENCY_TYPES = List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");
    private static final String BOM = "\u00EF\u00BB\u00BF";
    private static final int MAX_DEPTH = 8;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One dependency range of a manifest.
     *
     * @param type the field it stands in ({@code dependencies}, {@code peerDependencies}, …)
     * @param name the package it names
     * @param range the range as written
     * @param span where the range's characters are in the text, or null when written with escapes (never edited)
     */
    public record Dependency(String type, String name, String range, int[] span) {
    }

    /** The directory of the package, relative to the repository root ("" for the root). */
    public String directory() {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    /** The range this manifest gives {@code dependency} in the field {@code type}, or null. */
    public String range(String type, String dependency) {
        for (Dependency d : dependencies) {
            if (d.type().equals(type) && d.name().equals(dependency)) {
                return d.range();
            }
        }
        return null;
    }

    /** Parses {@code text} (one character per byte, as read from {@code path}). */
    public static NpmManifest parse(String path, String text) throws IOException {
        int offset = text.startsWith(BOM) ? BOM.length() : 0;
        String json = text.substring(offset);
        int[] version = null;
        String versionText = null;
        String name = null;
        boolean privatePackage = false;
        List<Dependency> dependencies = new ArrayList<>();
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
                } else if (field.equals("private")) {
                    privatePackage = value == JsonToken.VALUE_TRUE;
                } else if (DEPENDENCY_TYPES.contains(field) && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String dependency = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING) {
                            dependencies.add(new Dependency(field, dependency, parser.getText(), span(json, parser, offset)));
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return new NpmManifest(path, text, name, privatePackage, version, versionText, List.copyOf(dependencies));
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

    /**
     * The package.json files of the workspace whose root manifest is {@code rootPath}, in path
     * order, without the root; empty when it declares no workspace.
     *
     * @param root the repository root
     * @param read reads a file relative to the root (one character per byte)
     * @param exists whether a file relative to the root exists
     * @param problems where unreadable workspace declarations are reported
     */
    public static List<String> workspacePackages(Path root, String rootPath, Function<String, String> read, Predicate<String> exists,
            List<String> problems) {
        String dir = rootPath.contains("/") ? rootPath.substring(0, rootPath.lastIndexOf('/') + 1) : "";
        List<String> globs = new ArrayList<>();
        try {
            String rootText = read.apply(rootPath);
            JsonNode tree = new ObjectMapper().readTree(rootText.startsWith(BOM) ? rootText.substring(BOM.length()) : rootText);
            JsonNode workspaces = tree == null ? null : tree.get("workspaces");
            if (workspaces != null && workspaces.isObject()) {
                workspaces = workspaces.get("packages");
            }
            if (workspaces != null && workspaces.isArray()) {
                workspaces.forEach(w -> globs.add(w.asText()));
            }
        } catch (IOException e) {
            problems.add(rootPath + ": cannot be read as JSON (" + e.getMessage() + ")");
            return List.of();
        }
        String pnpm = dir + "pnpm-workspace.yaml";
        if (globs.isEmpty() && exists.test(pnpm)) {
            try {
                JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(read.apply(pnpm));
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
        Path base = root.resolve(dir.isEmpty() ? "." : dir).normalize();
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
        // by directory, as the npm tools list them (packages/brokle before packages/brokle-anthropic, which "/package.json" would swap)
        found.sort(Comparator.comparing(path -> path.substring(0, path.length() - "/package.json".length())));
        return found;
    }
}
