package ai.brokle.release.publish.npm;

import ai.brokle.release.files.NpmManifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code pnpm publish} needs to pack each package of a pnpm workspace, checked before anything
 * is published, so that pnpm does not stop half-way through a workspace: a built
 * {@code publishConfig.directory} with the package's own name and version, an installed workspace
 * for {@code workspace:} ranges (pnpm reads their versions from {@code node_modules}), and the
 * catalog entries {@code catalog:} ranges name in {@code pnpm-workspace.yaml}. In a workspace pnpm
 * does not manage, the npm CLI publishes those ranges as written, so they are refused there.
 */
final class PnpmPacking {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The workspace: forms pnpm resolves from the installed dependency (pnpm's exportable-manifest rule). */
    private static final Pattern INSTALLED_FORM = Pattern.compile("workspace:(?:(.+)@)?([\\^~*])?");
    private static final String WORKSPACE_FILE = "pnpm-workspace.yaml";

    private PnpmPacking() {
    }

    /** Problems pnpm would meet packing {@code packages} of the workspace at {@code root}, each naming its file. */
    static List<String> problems(Path root, List<NpmManifest> packages) {
        List<String> problems = new ArrayList<>();
        JsonNode workspaceFile = null;
        for (NpmManifest p : packages) {
            Path dir = root.resolve(p.directory().isEmpty() ? "." : p.directory()).normalize();
            JsonNode manifest = read(root.resolve(p.path()), p.path(), problems);
            if (manifest == null) {
                continue;
            }
            String published = p.path();
            String directory = manifest.path("publishConfig").path("directory").asText("");
            if (!directory.isEmpty()) {
                published = (p.directory().isEmpty() ? "" : p.directory() + "/") + directory + "/package.json";
                Path file = dir.resolve(directory).resolve("package.json").normalize();
                if (!file.startsWith(dir)) {
                    problems.add(p.path() + ": publishConfig.directory '" + directory + "' leaves the package's directory");
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    problems.add(published + ": missing; pnpm publishes publishConfig.directory '" + directory + "' of " + p.name()
                            + ", and it holds no package.json: build the package before publishing");
                    continue;
                }
                manifest = read(file, published, problems);
                if (manifest == null) {
                    continue;
                }
                String name = manifest.path("name").asText("");
                String version = manifest.path("version").asText("");
                if (!name.equals(p.name()) || !version.equals(p.versionText())) {
                    problems.add(published + ": is " + name + "@" + version + ", but " + p.path() + " is " + p.name() + "@" + p.versionText()
                            + ": pnpm publishes the directory's manifest; build the package again after versioning");
                    continue;
                }
            }
            for (String type : NpmManifest.DEPENDENCY_TYPES) {
                var fields = manifest.path(type).fields();
                while (fields.hasNext()) {
                    var e = fields.next();
                    String range = e.getValue().asText("");
                    if (range.startsWith("workspace:") && INSTALLED_FORM.matcher(range).matches()
                            && !Files.isRegularFile(dir.resolve("node_modules").resolve(e.getKey()).resolve("package.json"))) {
                        problems.add(published + ": " + type + " " + e.getKey() + " is \"" + range + "\", which pnpm resolves from the installed"
                                + " workspace, and " + e.getKey() + " is not installed in " + (p.directory().isEmpty() ? "." : p.directory())
                                + "/node_modules: run pnpm install before publishing");
                    } else if (range.startsWith("catalog:")) {
                        if (workspaceFile == null) {
                            workspaceFile = Files.isRegularFile(root.resolve(WORKSPACE_FILE)) ? read(root.resolve(WORKSPACE_FILE), WORKSPACE_FILE, problems)
                                    : JSON.createObjectNode();
                            if (workspaceFile == null) {
                                workspaceFile = JSON.createObjectNode();
                            }
                        }
                        String catalog = range.substring("catalog:".length()).trim();
                        if (!catalogEntry(workspaceFile, catalog.isEmpty() ? "default" : catalog, e.getKey())) {
                            problems.add(published + ": " + type + " " + e.getKey() + " is \"" + range + "\", but " + WORKSPACE_FILE + " has no "
                                    + e.getKey() + " in " + (catalog.isEmpty() || catalog.equals("default") ? "its default catalog (catalog:)"
                                            : "the catalog '" + catalog + "' (catalogs." + catalog + ")"));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Ranges the npm CLI would publish as written: pnpm's (and Yarn's) protocols in a workspace pnpm does not manage. */
    static List<String> npmProblems(List<NpmManifest> packages) {
        List<String> problems = new ArrayList<>();
        for (NpmManifest p : packages) {
            for (NpmManifest.Dependency d : p.dependencies()) {
                if (d.range().startsWith("workspace:") || d.range().startsWith("catalog:")) {
                    problems.add(p.path() + ": " + d.type() + " " + d.name() + " is \"" + d.range() + "\", which the npm CLI publishes as written"
                            + " (no one could install it); this workspace is not managed by pnpm (no " + WORKSPACE_FILE
                            + " or pnpm-lock.yaml): write the range itself, or manage the workspace with pnpm, which resolves it when publishing");
                }
            }
        }
        return problems;
    }

    private static boolean catalogEntry(JsonNode workspaceFile, String catalog, String dependency) {
        if (catalog.equals("default") && workspaceFile.path("catalog").has(dependency)) {
            return true;
        }
        return workspaceFile.path("catalogs").path(catalog).has(dependency);
    }

    private static JsonNode read(Path file, String name, List<String> problems) {
        try {
            return name.endsWith(".yaml") ? new ObjectMapper(new YAMLFactory()).readTree(file.toFile()) : JSON.readTree(file.toFile());
        } catch (IOException e) {
            problems.add(name + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }
}
