package ai.brokle.release.files;

import ai.brokle.release.version.SemVer;
import java.io.IOException;
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
    private static final Pattern RANGE = Pattern.compile("(\\^|~|=|>=)?(.+)");

    private final VersionFileUpdater files;

    PackageJsonVersions(VersionFileUpdater files) {
        this.files = files;
    }

    /** The root package.json and every workspace package, root first; empty when the root cannot be read. */
    private List<NpmManifest> load(String rootPath, List<String> problems) {
        NpmManifest root;
        try {
            root = NpmManifest.parse(rootPath, files.read(rootPath));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(rootPath + ": cannot be read as JSON (" + e.getMessage() + ")");
            return List.of();
        }
        List<NpmManifest> packages = new ArrayList<>();
        packages.add(root);
        for (String path : NpmManifest.workspacePackages(files.root(), rootPath, files::read, files::exists, problems)) {
            try {
                packages.add(NpmManifest.parse(path, files.read(path)));
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
        List<NpmManifest> packages = load(rootPath, problems);
        Map<String, String> found = new LinkedHashMap<>();
        packages.stream().filter(m -> m.versionText() != null).forEach(m -> found.put(m.path(), m.versionText()));
        if (problems.isEmpty() && found.isEmpty()) {
            problems.add(rootPath + ": has no \"version\" field; add \"version\": \"<current version>\"");
        }
        return new VersionFileUpdater.Versions(found, problems);
    }

    VersionFileUpdater.Result update(String rootPath, SemVer version) {
        List<String> problems = new ArrayList<>();
        List<NpmManifest> packages = load(rootPath, problems);
        if (packages.isEmpty()) {
            return new VersionFileUpdater.Result(List.of(), problems);
        }
        NpmManifest root = packages.get(0);
        Set<String> versions = new TreeSet<>();
        for (NpmManifest m : packages) {
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
        packages.stream().map(NpmManifest::name).filter(n -> n != null).forEach(internal::add);
        String value = version.toString();
        List<FileChange> changes = new ArrayList<>();
        for (NpmManifest m : packages) {
            TextEdits edits = new TextEdits(m.text());
            if (m.version() != null) {
                edits.replace(m.version()[0], m.version()[1], value);
            }
            for (NpmManifest.Dependency d : m.dependencies()) {
                if (!internal.contains(d.name()) || d.span() == null) {
                    continue;
                }
                Matcher r = RANGE.matcher(d.range());
                if (r.matches() && r.group(2).equals(old)) {
                    int start = d.span()[0] + (r.group(1) == null ? 0 : r.group(1).length());
                    edits.replace(start, d.span()[1], value);
                }
            }
            if (!edits.isEmpty()) {
                changes.add(new FileChange(m.path(), m.text(), edits.apply()));
            }
        }
        return VersionFileUpdater.Result.of(changes);
    }
}
