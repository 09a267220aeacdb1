package ai.brokle.release.init;

import ai.brokle.release.changesets.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code init} finds in a repository: which kind of Brokle repository it looks like (the
 * platform, the Python SDK, the JavaScript SDK), the files that carry its version, its changelog,
 * its release tags' prefix, its submodules, the commands it builds and its GitHub owner.
 *
 * @param kind the kind of repository
 * @param name the component's name
 * @param tagPrefix the prefix of its release tags: found on existing tags, else the strategy's for the kind
 * @param prefixesFound the prefixes of the existing release tags, most used first
 * @param versionFiles files that carry the version
 * @param changelog CHANGELOG.md when there is one
 * @param changesets whether .changeset/config.json exists
 * @param packageName the Python distribution or first public npm package
 * @param commands Go commands under cmd/ (each a binary and an image)
 * @param submodules submodule path → sdk name (python, javascript, or the path's last segment)
 * @param owner the GitHub owner from the remote URL, or null
 * @param repository the GitHub repository name from the remote URL, or null
 * @param pnpm whether the npm workspace is managed by pnpm (pnpm-workspace.yaml or pnpm-lock.yaml)
 */
public record Layout(Kind kind, String name, String tagPrefix, List<String> prefixesFound, List<String> versionFiles, String changelog,
        boolean changesets, String packageName, List<String> commands, Map<String, String> submodules, String owner, String repository,
        boolean pnpm) {

    /** The kinds of repository, with their tag prefix in the strategy. */
    public enum Kind {
        PLATFORM("platform", "v"),
        PYTHON("python", "python-v"),
        JAVASCRIPT("javascript", "js-v");

        private final String component;
        private final String prefix;

        Kind(String component, String prefix) {
            this.component = component;
            this.prefix = prefix;
        }

        public String component() {
            return component;
        }

        public String defaultPrefix() {
            return prefix;
        }
    }

    private static final Pattern TAG = Pattern.compile("(.*?)(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?");
    private static final Pattern PYPROJECT_NAME = Pattern.compile("(?ms)^\\[project\\][^\\[]*?^name\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern PYPROJECT_STATIC_VERSION = Pattern.compile("(?ms)^\\[project\\][^\\[]*?^version\\s*=\\s*[\"']");
    private static final Pattern PYTHON_VERSION = Pattern.compile("(?m)^__version__\\s*(:\\s*str\\s*)?=");
    private static final Pattern GITMODULES_PATH = Pattern.compile("(?m)^\\s*path\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern NPM_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GITHUB = Pattern.compile("github\\.com[:/]([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(\\.git)?/?$");

    /** Reads the layout of {@code root}; {@code tags} are the repository's tag names, {@code remoteUrl} its remote's URL or null. */
    public static Layout detect(Path root, Collection<String> tags, String remoteUrl) throws IOException {
        Kind kind;
        boolean pyproject = Files.isRegularFile(root.resolve("pyproject.toml"));
        boolean packageJson = Files.isRegularFile(root.resolve("package.json"));
        boolean changesets = Files.isRegularFile(root.resolve(".changeset/config.json"));
        boolean platformSigns = Files.isRegularFile(root.resolve("go.mod")) || Files.isRegularFile(root.resolve(".gitmodules"))
                || Files.isRegularFile(root.resolve("web/package.json")) || Files.isRegularFile(root.resolve("pom.xml"));
        if (pyproject && !platformSigns) {
            kind = Kind.PYTHON;
        } else if (packageJson && !platformSigns) {
            kind = Kind.JAVASCRIPT;
        } else {
            kind = Kind.PLATFORM;
        }
        List<String> prefixes = prefixes(tags);
        String prefix = prefixes.contains(kind.defaultPrefix()) || prefixes.isEmpty() ? kind.defaultPrefix() : prefixes.get(0);
        List<String> versionFiles = new ArrayList<>();
        String packageName = null;
        switch (kind) {
            case PYTHON -> {
                String text = Files.readString(root.resolve("pyproject.toml"));
                packageName = pythonDistribution(root.resolve("pyproject.toml"));
                Optional<String> module = versionModule(root, packageName);
                module.ifPresent(versionFiles::add);
                if (PYPROJECT_STATIC_VERSION.matcher(text).find()) {
                    versionFiles.add("pyproject.toml");
                }
            }
            case JAVASCRIPT -> {
                if (!changesets) {
                    versionFiles.add("package.json");
                }
                packageName = firstPublicPackage(root);
            }
            case PLATFORM -> {
                for (String file : List.of("pom.xml", "web/package.json", "package.json")) {
                    if (Files.isRegularFile(root.resolve(file))) {
                        versionFiles.add(file);
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        List<String> commands = new ArrayList<>();
        if (kind == Kind.PLATFORM && Files.isDirectory(root.resolve("cmd"))) {
            try (Stream<Path> dirs = Files.list(root.resolve("cmd"))) {
                dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("[a-z0-9][a-z0-9._-]*")).sorted()
                        .forEach(commands::add);
            }
        }
        Map<String, String> submodules = new LinkedHashMap<>();
        if (Files.isRegularFile(root.resolve(".gitmodules"))) {
            Matcher m = GITMODULES_PATH.matcher(Files.readString(root.resolve(".gitmodules")));
            while (m.find()) {
                String path = m.group(1);
                String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                submodules.put(path, last.contains("python") || last.equals("py") ? "python"
                        : last.contains("javascript") || last.contains("typescript") || last.equals("js") || last.equals("ts") ? "javascript" : last);
            }
        }
        String owner = null;
        String repository = null;
        if (remoteUrl != null) {
            Matcher g = GITHUB.matcher(remoteUrl.trim());
            if (g.find()) {
                owner = g.group(1);
                repository = g.group(2);
            }
        }
        String changelog = Files.isRegularFile(root.resolve("CHANGELOG.md")) ? "CHANGELOG.md" : null;
        return new Layout(kind, kind.component(), prefix, prefixes, List.copyOf(versionFiles), changelog, changesets,
                packageName, List.copyOf(commands), submodules, owner, repository,
                Workspace.managedByPnpm(root));
    }

    /** The distribution name in a pyproject.toml's [project] table, or null. */
    public static String pythonDistribution(Path pyproject) throws IOException {
        if (!Files.isRegularFile(pyproject)) {
            return null;
        }
        Matcher m = PYPROJECT_NAME.matcher(Files.readString(pyproject));
        return m.find() ? m.group(1) : null;
    }

    /** The prefixes of release tags (anything before a SemVer version), the most used first. */
    static List<String> prefixes(Collection<String> tags) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String tag : tags) {
            Matcher m = TAG.matcher(tag);
            if (m.matches()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
    }

    /** The module that defines __version__: &lt;package&gt;/version.py or __init__.py, also under src/. */
    private static Optional<String> versionModule(Path root, String distribution) throws IOException {
        List<String> packages = new ArrayList<>();
        if (distribution != null) {
            packages.add(distribution.replace('-', '_').toLowerCase(Locale.ROOT));
        }
        for (String base : List.of("", "src/")) {
            if (Files.isDirectory(root.resolve(base.isEmpty() ? "." : base))) {
                try (Stream<Path> dirs = Files.list(root.resolve(base.isEmpty() ? "." : base))) {
                    dirs.filter(d -> Files.isRegularFile(d.resolve("__init__.py"))).map(d -> d.getFileName().toString()).sorted()
                            .forEach(packages::add);
                }
            }
        }
        for (String pkg : packages) {
            for (String base : List.of("", "src/")) {
                for (String file : List.of("version.py", "_version.py", "__init__.py")) {
                    Path candidate = root.resolve(base + pkg + "/" + file);
                    if (Files.isRegularFile(candidate) && PYTHON_VERSION.matcher(Files.readString(candidate)).find()) {
                        return Optional.of(base + pkg + "/" + file);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String firstPublicPackage(Path root) throws IOException {
        for (String dir : List.of("packages", ".")) {
            Path base = root.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            List<Path> manifests = new ArrayList<>();
            if (dir.equals(".")) {
                manifests.add(root.resolve("package.json"));
            } else {
                try (Stream<Path> dirs = Files.list(base)) {
                    dirs.sorted().map(d -> d.resolve("package.json")).filter(Files::isRegularFile).forEach(manifests::add);
                }
            }
            for (Path manifest : manifests) {
                String text = Files.readString(manifest);
                Matcher m = NPM_NAME.matcher(text);
                if (m.find() && !text.matches("(?s).*\"private\"\\s*:\\s*true.*")) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
