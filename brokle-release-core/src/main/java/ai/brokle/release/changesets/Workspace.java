package ai.brokle.release.changesets;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.files.NpmManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The npm packages Changesets versions: the packages of the workspace declared by the root
 * package.json ({@code workspaces}) or {@code pnpm-workspace.yaml}, or the root package alone
 * when it declares no workspace.
 *
 * @param root the workspace root, which holds {@code .changeset}
 * @param rootManifest the root package.json
 * @param packages the versioned packages, in path order
 */
public record Workspace(Path root, NpmManifest rootManifest, List<NpmManifest> packages) {
    public Workspace {
        packages = List.copyOf(packages);
    }

    /** Reads the workspace at {@code root}; every unreadable or unnamed package is reported at once. */
    public static Workspace read(Path root) {
        List<String> problems = new ArrayList<>();
        NpmManifest rootManifest = manifest(root, "package.json", problems);
        if (rootManifest == null) {
            throw new ReleaseFailure("Cannot read the npm workspace at " + root, problems);
        }
        List<String> paths;
        try {
            paths = NpmManifest.workspacePackages(root, "package.json", p -> text(root, p), p -> Files.isRegularFile(root.resolve(p)), problems);
        } catch (UncheckedIOException e) {
            throw new ReleaseFailure("Cannot read the npm workspace at " + root, List.of(e.getCause().getMessage()));
        }
        List<NpmManifest> packages = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String path : paths) {
            NpmManifest m = manifest(root, path, problems);
            if (m == null) {
                continue;
            }
            if (m.name() == null) {
                problems.add(path + ": has no \"name\"; every workspace package needs one");
            } else if (names.containsKey(m.name())) {
                problems.add(path + ": the name \"" + m.name() + "\" is taken by " + names.get(m.name()) + " too");
            } else {
                names.put(m.name(), path);
                packages.add(m);
            }
        }
        if (paths.isEmpty()) {
            if (rootManifest.name() == null) {
                problems.add("package.json: has no \"name\" and declares no workspace packages");
            } else {
                packages.add(rootManifest);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot read the npm workspace at " + root, problems);
        }
        return new Workspace(root, rootManifest, packages);
    }

    /** Whether pnpm manages the workspace at {@code root}: it has a pnpm-workspace.yaml or a pnpm-lock.yaml. */
    public static boolean managedByPnpm(Path root) {
        return Files.isRegularFile(root.resolve("pnpm-workspace.yaml")) || Files.isRegularFile(root.resolve("pnpm-lock.yaml"));
    }

    public Optional<NpmManifest> get(String name) {
        return packages.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    /** The package names in alphabetical order, for messages. */
    public List<String> names() {
        return packages.stream().map(NpmManifest::name).sorted().toList();
    }

    private static NpmManifest manifest(Path root, String path, List<String> problems) {
        try {
            return NpmManifest.parse(path, text(root, path));
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            problems.add(path + ": cannot be read as JSON (" + e.getMessage() + ")");
            return null;
        }
    }

    private static String text(Path root, String path) {
        try {
            return new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(path + ": cannot be read (" + e.getMessage() + ")", e));
        }
    }
}
