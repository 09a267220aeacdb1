package ai.brokle.release.init;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a repository has already, which {@code init} keeps: its workflows (jobs, the images they
 * build and where they push them, test gates, the Node, Python and Go versions, environments), the
 * Go variable its builds stamp the version into, version constants in the web app, and the actual
 * tag prefixes of its SDK submodules. Each finding goes into the report init prints.
 *
 * @param goVersionVariable the {@code -X} target for the version ({@code brokle/internal/version.Version}), or null
 * @param constants version constants found in source files (a path and the pattern of the line)
 * @param workflows the workflows under .github/workflows, by path
 * @param release the existing release workflow's jobs, sorted by what init does with them; null without one
 * @param testGate the reusable workflow that runs the tests ({@code ./.github/workflows/ci.yml}), or null
 * @param callable the CI workflow's path → its text with {@code workflow_call} added, when it runs tests but cannot be called yet
 * @param nodeVersion the Node version the workflows use, or null
 * @param pnpmVersion the pnpm version pnpm/action-setup installs, or null
 * @param pythonVersion the Python version the publish workflow uses, or null
 * @param goVersion how the workflows choose Go ({@code go-version: '1.25'}), or null
 * @param sdkPrefixes submodule path → the tag prefix its SDK remote uses
 * @param dependabot the content of .github/dependabot.yml: the existing file with the ecosystems it lacks added, or a new one
 * @param report what was found, kept and changed, a line each
 */
public record Adoption(String goVersionVariable, List<VersionConstant> constants, Map<String, WorkflowFile> workflows, ReleaseJobs release,
        String testGate, Map<String, String> callable, String nodeVersion, String pnpmVersion, String pythonVersion, String goVersion,
        Map<String, String> sdkPrefixes, String dependabot, List<String> report) {

    /** A version constant: the file and the pattern its version line has ({@code export const VERSION = "v{{version}}"}). */
    public record VersionConstant(String path, String pattern) {
    }

    /** A binary the existing release builds: its file name, the Go package and the build tags. */
    public record Binary(String name, String pkg, String tags) {
    }

    /**
     * The jobs of the existing release workflow: those init keeps as written (test gates, image
     * builds from Dockerfiles, anything it does not do itself) and those its own jobs replace.
     *
     * @param path the workflow's path
     * @param gates jobs that call a reusable workflow (the test gate)
     * @param images jobs that build and push images from Dockerfiles
     * @param kept other jobs, kept
     * @param replaced job id → what replaces it
     * @param binaries the binaries its Go builds produce
     * @param imageNames the images it pushes (repository names as written)
     */
    public record ReleaseJobs(String path, List<WorkflowFile.Job> gates, List<WorkflowFile.Job> images, List<WorkflowFile.Job> kept,
            Map<String, String> replaced, List<Binary> binaries, List<String> imageNames) {
        /** Our job that stands for a replaced one, for the kept jobs' needs. */
        public String standIn(String id) {
            String what = replaced.get(id);
            if (what == null) {
                return id;
            }
            return what.startsWith("validate") ? "validate" : what.startsWith("build") ? "build" : null;
        }
    }

    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\S+)");
    private static final Pattern GO_VERSION_VAR = Pattern.compile("(?m)^(?:var\\s+|\\s+)(Version|version)\\s*(?:string\\s*)?=\\s*\"");
    private static final Pattern TS_VERSION = Pattern.compile("(?m)^export\\s+const\\s+(VERSION|APP_VERSION|version)\\s*(?::\\s*string\\s*)?=\\s*"
            + "(['\"])(v?)(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?\\2");
    private static final Pattern MAIN_PACKAGE = Pattern.compile("(?m)^package main\\b");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "vendor", "testdata", ".next", "dist", "build", "sdk");

    /** Reads what the repository at {@code root} has; {@code sdkTags} gives each submodule's remote tags (empty when unread, with why). */
    public static Adoption survey(Path root, Layout layout, Map<String, SdkTags> sdkTags) throws IOException {
        List<String> report = new ArrayList<>();
        String goVar = layout.kind() == Layout.Kind.PLATFORM ? goVersionVariable(root, report) : null;
        List<VersionConstant> constants = layout.kind() == Layout.Kind.PLATFORM ? constants(root, report) : List.of();
        Map<String, WorkflowFile> workflows = workflows(root, report);
        String gate = null;
        Map<String, String> callable = new LinkedHashMap<>();
        for (WorkflowFile w : workflows.values()) {
            boolean ci = w.triggers().contains("pull_request") || w.triggers().contains("push");
            boolean tests = w.jobs().stream().anyMatch(j -> j.id().toLowerCase(Locale.ROOT).contains("test"));
            if (gate == null && ci && w.triggers().contains("workflow_call")) {
                gate = "./" + w.path();
                report.add("test gate: " + gate + " (it has workflow_call): the release runs it and publishes only when it passed");
            } else if (gate == null && ci && tests && !w.path().matches(".*/(release|publish)\\.ya?ml")) {
                Optional<String> withCall = withWorkflowCall(w.text());
                if (withCall.isPresent()) {
                    gate = "./" + w.path();
                    callable.put(w.path(), withCall.get());
                    report.add("test gate: " + gate + " runs the tests; init adds 'workflow_call:' to its 'on:' so that the release calls it"
                            + " on the tagged commit and publishes only when it passed (its jobs stay as they are)");
                }
            }
        }
        ReleaseJobs release = release(root, layout, workflows, report);
        String node = setting(workflows, "actions/setup-node", "node-version");
        String pnpm = setting(workflows, "pnpm/action-setup", "version");
        Path manifest = root.resolve("package.json");
        if (pnpm != null && Files.isRegularFile(manifest) && Files.readString(manifest, StandardCharsets.UTF_8).contains("\"packageManager\"")) {
            pnpm = null; // pnpm/action-setup takes the version from packageManager, and refuses a second one
        }
        String python = setting(workflows, "actions/setup-python", "python-version");
        String go = setting(workflows, "actions/setup-go", "go-version");
        Map<String, String> prefixes = new LinkedHashMap<>();
        sdkTags.forEach((path, tags) -> {
            if (tags.tags().isEmpty()) {
                report.add("submodule " + path + ": its remote's tags were not read (" + tags.why() + "); tagPrefix is the strategy's, check it");
                return;
            }
            List<String> found = Layout.prefixes(tags.tags());
            if (!found.isEmpty()) {
                prefixes.put(path, found.get(0));
                report.add("submodule " + path + ": its SDK tags " + found.get(0) + "<version> (read from " + tags.url() + ")");
            }
        });
        String dependabot = DependabotFile.content(root, layout, report);
        return new Adoption(goVar, constants, workflows, release, gate, callable, node, pnpm, python, go, prefixes, dependabot, report);
    }

    /** The workflow's text with {@code workflow_call:} added under a block {@code on:}; empty when its on: is not a block. */
    static Optional<String> withWorkflowCall(String text) {
        Matcher on = Pattern.compile("(?m)^(?:on|\"on\"|'on'):[ \\t]*(#.*)?\\r?\\n((?:[ \\t]*(?:#.*)?\\r?\\n)*)([ \\t]+)\\S").matcher(text);
        if (!on.find()) {
            return Optional.empty();
        }
        int at = on.start(3);
        return Optional.of(text.substring(0, at) + on.group(3) + "workflow_call:          # the release workflow calls it on the tagged commit\n"
                + text.substring(at));
    }

    /** A submodule remote's tag names, or none and why. */
    public record SdkTags(String url, Collection<String> tags, String why) {
    }

    /** Where the workflows set {@code input} of {@code action} to a literal: the first such value. */
    private static String setting(Map<String, WorkflowFile> workflows, String action, String input) {
        List<WorkflowFile> releaseFirst = new ArrayList<>(workflows.values());
        releaseFirst.sort(java.util.Comparator.comparing(w -> w.path().matches(".*/(release|publish)\\.ya?ml") ? 0 : 1));
        for (WorkflowFile w : releaseFirst) {
            for (WorkflowFile.Job job : w.jobs()) {
                for (com.fasterxml.jackson.databind.JsonNode step : job.node().path("steps")) {
                    if (step.path("uses").asText("").startsWith(action + "@")) {
                        String value = step.path("with").path(input).asText(null);
                        if (value != null && !value.contains("${{")) {
                            return value;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, WorkflowFile> workflows(Path root, List<String> report) throws IOException {
        Map<String, WorkflowFile> out = new LinkedHashMap<>();
        Path dir = root.resolve(".github/workflows");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
        for (Path file : files) {
            String path = ".github/workflows/" + file.getFileName();
            try {
                out.put(path, WorkflowFile.parse(path, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                report.add("workflow " + path + ": not read (" + e.getMessage().lines().findFirst().orElse("") + "); left as it is");
            }
        }
        return out;
    }

    /** The release workflow's jobs sorted into kept and replaced, with the binaries and images it makes. */
    private static ReleaseJobs release(Path root, Layout layout, Map<String, WorkflowFile> workflows, List<String> report) {
        String path = layout.kind() == Layout.Kind.PYTHON ? ".github/workflows/publish.yml" : ".github/workflows/release.yml";
        WorkflowFile w = workflows.get(path);
        if (w == null) {
            return null;
        }
        List<WorkflowFile.Job> gates = new ArrayList<>();
        List<WorkflowFile.Job> images = new ArrayList<>();
        List<WorkflowFile.Job> kept = new ArrayList<>();
        Map<String, String> replaced = new LinkedHashMap<>();
        List<Binary> binaries = new ArrayList<>();
        Set<String> imageNames = new LinkedHashSet<>();
        boolean ours = w.text().contains(InitFiles.WRITTEN_BY);
        for (WorkflowFile.Job job : w.jobs()) {
            String scripts = job.scripts();
            if (ours && InitFiles.JOBS.contains(job.id()) && (job.calls() == null || !gates.isEmpty())) {
                replaced.put(job.id(), job.id() + " (as init writes it now)");
            } else if (job.calls() != null && job.calls().startsWith("./")) {
                gates.add(job);
            } else if (job.uses("docker/build-push-action")) {
                images.add(job);
                imageNames.addAll(imageNames(job));
            } else if (scripts.contains("go build")) {
                replaced.put(job.id(), "build (the Go binaries, for linux/amd64 and linux/arm64, with the version stamped in)");
                binaries.addAll(binaries(job));
            } else if (job.uses("pypa/gh-action-pypi-publish") || scripts.contains("twine upload")) {
                replaced.put(job.id(), "perform (PyPI, TestPyPI for pre-releases, then the GitHub release)");
            } else if (scripts.matches("(?s).*\\b(npm|pnpm|yarn) publish\\b.*")) {
                replaced.put(job.id(), "perform (npm with the version's dist-tag, then the GitHub release)");
            } else if (job.uses("softprops/action-gh-release") || scripts.contains("gh release")) {
                replaced.put(job.id(), "perform (the GitHub release with the binaries and SHA256SUMS)");
            } else if (job.id().toLowerCase(Locale.ROOT).contains("validate")) {
                replaced.put(job.id(), "validate (the tag, version files and changelog; outputs version and is_prerelease as before)");
            } else {
                kept.add(job);
            }
        }
        report.add("workflow " + path + ": on " + String.join(", ", w.triggers()) + "; jobs " + String.join(", ", w.jobs().stream()
                .map(WorkflowFile.Job::id).toList()));
        gates.forEach(j -> report.add("  kept " + j.id() + ": the test gate (" + j.calls() + "); publishing waits for it"));
        for (WorkflowFile.Job j : images) {
            report.add("  kept " + j.id() + ": images built from their Dockerfiles (" + String.join(", ", imageNames(j))
                    + "); Jib does not build Dockerfiles. Now after the production approval");
            for (Map<String, String> entry : j.matrixInclude()) {
                String file = entry.get("file");
                Path dockerfile = file == null ? null : root.resolve(file).normalize();
                if (dockerfile != null && dockerfile.startsWith(root) && Files.isRegularFile(dockerfile) && j.text().contains("VERSION=")
                        && !Pattern.compile("(?m)^\\s*ARG\\s+VERSION\\b").matcher(readQuietly(dockerfile)).find()) {
                    report.add("  warning: " + file + " declares no ARG VERSION, so the build-arg VERSION that " + j.id() + " passes is unused:"
                            + " the image's binaries report no version");
                }
            }
            if (j.text().contains("value=latest") && !j.text().contains("enable=")) {
                report.add("  warning: " + j.id() + " tags latest on every release, pre-releases too: add enable=${{ !contains(needs.validate.outputs.version, '-') }}");
            }
        }
        kept.forEach(j -> report.add("  kept " + j.id() + ": not a step init makes"));
        replaced.forEach((id, by) -> report.add("  replaced " + id + " by " + by));
        w.environments().forEach(e -> report.add("  environment " + e + " was used; init's publishing jobs wait for the approval of "
                + switch (layout.kind()) {
                    case PLATFORM -> "'production'";
                    case PYTHON -> "'pypi' ('testpypi' for a pre-release)";
                    case JAVASCRIPT -> "'npm'";
                }));
        if (w.triggers().contains("release")) {
            report.add("  changed: it ran on 'release: published' (a release made by hand); it now runs on the tag prepare pushes, and perform"
                    + " makes the GitHub release");
        }
        for (WorkflowFile.Job j : kept) {
            if (j.text().contains("github.event.release.")) {
                report.add("  warning: " + j.id() + " reads github.event.release, which a tag push does not carry: use needs.validate.outputs.version");
            }
        }
        return new ReleaseJobs(path, gates, images, kept, replaced, binaries, List.copyOf(imageNames));
    }

    /** Whether a path lies under a directory no source search enters (dependencies, builds, the SDK submodules). */
    private static boolean skipped(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The images a Docker job pushes: the matrix's images lists and metadata-action's literal images. */
    static List<String> imageNames(WorkflowFile.Job job) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, String> entry : job.matrixInclude()) {
            String images = entry.get("images");
            if (images != null) {
                images.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
            }
        }
        job.node().path("steps").forEach(s -> {
            if (s.path("uses").asText("").startsWith("docker/metadata-action@")) {
                String images = s.path("with").path("images").asText("");
                if (!images.contains("${{")) {
                    images.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
                }
            }
        });
        return List.copyOf(out);
    }

    /** The binaries a Go build job makes: from its matrix (target cmd/x, output bin/name, tags), else from its go build lines. */
    static List<Binary> binaries(WorkflowFile.Job job) {
        List<Binary> out = new ArrayList<>();
        for (Map<String, String> entry : job.matrixInclude()) {
            String target = entry.values().stream().filter(v -> v.matches("\\.?/?cmd/[^\\s]+")).findFirst().orElse(null);
            String output = entry.values().stream().filter(v -> v.matches("\\.?/?bin/[^\\s]+")).findFirst().orElse(null);
            if (target != null) {
                String pkg = "./" + target.replaceFirst("^\\./", "").replaceFirst("/main\\.go$", "");
                String name = output != null ? output.substring(output.lastIndexOf('/') + 1) : pkg.substring(pkg.lastIndexOf('/') + 1);
                out.add(new Binary(name, pkg, entry.getOrDefault("tags", "").strip()));
            }
        }
        if (out.isEmpty()) {
            Matcher m = Pattern.compile("go build[^\\n]*?-o\\s+\\S*?([A-Za-z0-9._-]+)\\s+(\\./cmd/[A-Za-z0-9._/-]+)").matcher(job.scripts());
            while (m.find()) {
                out.add(new Binary(m.group(1), m.group(2), ""));
            }
        }
        return out;
    }

    /**
     * The Go variable that carries the version: a {@code Version} variable in a package whose path
     * names "version" (as {@code go build -ldflags "-X module/pkg.Version=…"} sets it), else
     * {@code main.version} of a command.
     */
    static String goVersionVariable(Path root, List<String> report) throws IOException {
        Path goMod = root.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            return null;
        }
        Matcher module = MODULE.matcher(Files.readString(goMod, StandardCharsets.UTF_8));
        if (!module.find()) {
            return null;
        }
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, 6)) {
            walk.filter(p -> p.toString().endsWith(".go") && !p.toString().endsWith("_test.go") && !skipped(root, p))
                    .sorted().forEach(sources::add);
        }
        String found = null;
        String fallback = null;
        for (Path source : sources) {
            String rel = root.relativize(source.getParent() == null ? root : source.getParent()).toString().replace('\\', '/');
            String text = Files.readString(source, StandardCharsets.UTF_8);
            Matcher m = GO_VERSION_VAR.matcher(text);
            if (!m.find()) {
                continue;
            }
            boolean mainPackage = MAIN_PACKAGE.matcher(text).find();
            if (!mainPackage && rel.toLowerCase(Locale.ROOT).contains("version") && m.group(1).equals("Version") && found == null) {
                found = module.group(1) + "/" + rel + ".Version";
            } else if (mainPackage && fallback == null) {
                fallback = "main." + m.group(1);
            }
        }
        String variable = found != null ? found : fallback;
        if (variable != null) {
            report.add("version variable: " + variable + " (the builds stamp the version with -ldflags \"-X " + variable + "=<tag>\")");
        } else {
            report.add("version variable: none found in the Go code; the binaries are built without the version (add var Version in a"
                    + " version package)");
        }
        return variable;
    }

    /** Version constants in the web app's sources ({@code export const VERSION = "v0.4.0"}), versioned like the platform. */
    static List<VersionConstant> constants(Path root, List<String> report) throws IOException {
        List<VersionConstant> out = new ArrayList<>();
        for (String base : List.of("web/src", "src", "web")) {
            Path dir = root.resolve(base);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir, 5)) {
                files = walk.filter(p -> p.toString().matches(".*\\.(ts|tsx|js|mjs)$") && !skipped(root, p)).sorted().toList();
            }
            for (Path file : files) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (out.stream().anyMatch(c -> c.path().equals(rel)) || Files.size(file) > 200_000) {
                    continue;
                }
                Matcher m = TS_VERSION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (m.find()) {
                    String version = m.group(4) + "." + m.group(5) + "." + m.group(6) + (m.group(7) == null ? "" : m.group(7));
                    String exact = "export const " + m.group(1) + " = " + m.group(2) + m.group(3) + version + m.group(2);
                    if (m.group(0).equals(exact)) {
                        out.add(new VersionConstant(rel, "export const " + m.group(1) + " = " + m.group(2) + m.group(3) + "{{version}}" + m.group(2)));
                        report.add("version constant: " + rel + " (" + m.group(0) + "), updated by prepare as the release script did");
                    } else {
                        report.add("version constant: " + rel + " has " + m.group(0) + " in a layout init does not rewrite; add it to versionFiles by hand");
                    }
                }
            }
        }
        return out;
    }
}
