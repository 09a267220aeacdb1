package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ChangelogFile;
import ai.brokle.release.changesets.DistTags;
import ai.brokle.release.changesets.Workspace;
import ai.brokle.release.checklist.Checklist;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.files.Pep440;
import ai.brokle.release.files.VersionFileReader;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.init.Layout;
import ai.brokle.release.publish.ReleaseTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code checklist} goal: the strategy's release checklist for a release tag, as Markdown,
 * with what this tool can tell ticked — the changelog section, the version files, the tag, the
 * release commit on the release branch, and what the publication record says was published
 * (images, packages, the GitHub release, notifications) — plus the items the pipeline vouches for
 * ({@code brokle.passed}); every other item is left open for a person.
 */
public final class ChecklistWorkflow {
    /** A bare key in brokle.passed: the person running the goal vouches for the item. */
    private static final String VOUCHED = "vouched";

    /**
     * What the goal is told.
     *
     * @param release the common options
     * @param tag {@code brokle.tag}, or null for GITHUB_REF
     * @param kind {@code brokle.checklist}: platform, python or javascript; null to infer it from the component
     * @param passed {@code brokle.passed}: comma-separated items with the result of what checked them (tests=success), or bare keys a person vouches for
     * @param output {@code brokle.output}: the file to write, or null for standard output (and the job summary in Actions)
     */
    public record Options(ReleaseOptions release, String tag, String kind, String passed, Path output) {
    }

    private final Options options;
    private final PrintStream stdout;
    private final ReleaseLog log;

    public ChecklistWorkflow(Options options, PrintStream stdout) {
        this.options = options;
        this.stdout = stdout;
        this.log = options.release().log();
    }

    /** One rendered line: the item, whether it is ticked and why. */
    public record Line(Checklist.Item item, boolean ticked, String evidence) {
    }

    public String execute() {
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            GitRepository git = run.git;
            List<String> problems = run.problems;
            ReleaseTarget target = run.target;
            Checklist checklist = target == null ? null : kind(target.component(), problems);
            Map<String, String> passed = checklist == null ? Map.of() : passed(checklist, problems);
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot write the release checklist (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + ")", problems);
            }
            run.journal().open();
            List<Line> lines = new ArrayList<>();
            for (Checklist.Item item : checklist.items()) {
                lines.add(check(git, target, item, passed));
            }
            String markdown = render(checklist, target, lines, git);
            write(markdown);
            return markdown;
        }
    }

    private Checklist kind(ComponentConfig component, List<String> problems) {
        if (options.kind() != null && !options.kind().isBlank()) {
            for (Checklist c : Checklist.values()) {
                if (c.label().equals(options.kind().trim().toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            problems.add("brokle.checklist: '" + options.kind() + "' is not a checklist; use platform, python or javascript");
            return null;
        }
        if (component.publish().pypi() != null) {
            return Checklist.PYTHON;
        }
        return component.changesets() || component.publish().npm() != null ? Checklist.JAVASCRIPT : Checklist.PLATFORM;
    }

    /**
     * What the pipeline says of each item it names: {@code tests=success} (a job's or step's result,
     * as {@code ${{ needs.test.result }}} gives it: only {@code success} ticks the item), or a bare
     * key, which a person running the goal vouches for. Item key → result.
     */
    private Map<String, String> passed(Checklist checklist, List<String> problems) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (options.passed() == null || options.passed().isBlank()) {
            return keys;
        }
        List<String> vouchable = checklist.items().stream().filter(i -> i.check() == Checklist.Check.PASSED).map(Checklist.Item::key).toList();
        for (String raw : options.passed().split(",")) {
            int eq = raw.indexOf('=');
            String key = (eq < 0 ? raw : raw.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String result = eq < 0 ? VOUCHED : raw.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (vouchable.contains(key)) {
                keys.put(key, result);
            } else if (checklist.items().stream().anyMatch(i -> i.key().equals(key))) {
                problems.add("brokle.passed: '" + key + "' is checked by brokle-release itself, not vouched for; leave it out");
            } else {
                problems.add("brokle.passed: '" + key + "' is not an item of the " + checklist.label() + " checklist; its items a pipeline vouches"
                        + " for are " + String.join(", ", vouchable));
            }
        }
        return keys;
    }

    private Line check(GitRepository git, ReleaseTarget target, Checklist.Item item, Map<String, String> passed) {
        boolean atTag = git.head().map(target.commit()::equals).orElse(false);
        return switch (item.check()) {
            case PASSED -> {
                String result = passed.get(item.key());
                if (result == null) {
                    yield new Line(item, false, null);
                }
                if (result.equals(VOUCHED) || result.equals("success")) {
                    yield new Line(item, true, result.equals(VOUCHED) ? "vouched for by whoever ran this" : "passed in this pipeline");
                }
                yield new Line(item, false, "not passed in this pipeline (" + (result.isEmpty() ? "did not run" : result) + ")");
            }
            case TAG -> new Line(item, true, git.tagMessage(target.tag()).isPresent() ? "annotated tag" : "tag");
            case ON_RELEASE_BRANCH -> git.onBranch(target.commit(), target.config().remote(), target.config().releaseBranch())
                    ? new Line(item, true, "the release commit is on " + target.config().releaseBranch())
                    : new Line(item, false, "the release commit is not on " + target.config().releaseBranch() + " here");
            case PUBLISHED -> {
                Optional<PublicationRecord.Entry> entry = PublicationRecord.read(git, target.tag()).stream()
                        .filter(e -> e.effectiveState().equals(PublicationRecord.Entry.DONE) && item.steps().contains(e.step())).findFirst();
                yield entry.map(e -> new Line(item, true, e.step() + ": " + e.target())).orElseGet(() -> new Line(item, false, null));
            }
            case CHANGELOG -> atTag ? changelog(git, target, item) : new Line(item, false, "not checked: the checkout is not at " + target.tag());
            case VERSION_FILES -> atTag ? versionFiles(git, target, item)
                    : new Line(item, false, "not checked: the checkout is not at " + target.tag());
        };
    }

    private Line changelog(GitRepository git, ReleaseTarget target, Checklist.Item item) {
        ComponentConfig component = target.component();
        String version = target.version().toString();
        try {
            if (component.changesets()) {
                Workspace workspace = Workspace.read(root(git, component));
                int written = 0;
                List<String> missing = new ArrayList<>();
                for (NpmManifest p : workspace.packages()) {
                    if (p.privatePackage() || p.versionText() == null) {
                        continue;
                    }
                    Path changelog = root(git, component).resolve(p.directory()).resolve("CHANGELOG.md");
                    if (Files.isRegularFile(changelog) && ChangelogFile.hasSection(Files.readString(changelog), p.versionText())) {
                        written++;
                    } else {
                        missing.add(p.name() + "@" + p.versionText());
                    }
                }
                return missing.isEmpty() && written > 0 ? new Line(item, true, written + " package changelog" + (written == 1 ? "" : "s")
                        + " with their version's section") : new Line(item, false, "no changelog section for " + String.join(", ", missing));
            }
            if (component.changelogPath() == null) {
                return new Line(item, false, "no changelog is configured");
            }
            Path file = git.workTree().resolve(component.changelogPath());
            if (Files.isRegularFile(file) && ChangelogFile.hasSection(Files.readString(file), version)) {
                return new Line(item, true, component.changelogPath() + " has a section for " + version);
            }
            return new Line(item, false, component.changelogPath() + " has no section for " + version);
        } catch (IOException | ReleaseFailure e) {
            return new Line(item, false, "cannot read the changelog: " + e.getMessage());
        }
    }

    private Line versionFiles(GitRepository git, ReleaseTarget target, Checklist.Item item) {
        List<VersionFileConfig> files = target.component().versionFiles();
        if (files.isEmpty()) {
            return new Line(item, false, "no version files are configured");
        }
        VersionFileReader reader = new VersionFileReader();
        List<String> wrong = new ArrayList<>();
        for (VersionFileConfig file : files) {
            VersionFileReader.Reading reading = reader.read(git.workTree(), file);
            if (reading.problem() != null || reading.versions().isEmpty()
                    || !reading.versions().stream().allMatch(v -> VersionFileReader.sameVersion(v, target.version()))) {
                wrong.add(file.path() + (reading.problem() != null ? " (" + reading.problem() + ")" : " says " + String.join(", ", reading.versions())));
            }
        }
        return wrong.isEmpty() ? new Line(item, true, files.size() + " file" + (files.size() == 1 ? "" : "s") + " at " + target.version())
                : new Line(item, false, String.join("; ", wrong));
    }

    private static Path root(GitRepository git, ComponentConfig component) {
        return component.path().isEmpty() ? git.workTree() : git.workTree().resolve(component.path());
    }

    private String render(Checklist checklist, ReleaseTarget target, List<Line> lines, GitRepository git) {
        String name = packageName(git, target.component(), checklist);
        StringBuilder out = new StringBuilder("## ").append(checklist.title()).append(": ").append(target.tag()).append("\n");
        String section = null;
        for (Line line : lines) {
            if (!line.item().section().equals(section)) {
                section = line.item().section();
                out.append("\n### ").append(section).append("\n");
            }
            out.append("- [").append(line.ticked() ? 'x' : ' ').append("] ").append(fill(line.item().text(), target, name, checklist)).append(
                    line.evidence() == null ? "" : " — _" + line.evidence() + "_").append('\n');
        }
        long ticked = lines.stream().filter(Line::ticked).count();
        out.append("\n").append(ticked).append(" of ").append(lines.size()).append(" checked; the open items are for a person to tick.\n");
        return out.toString();
    }

    private static String fill(String text, ReleaseTarget target, String name, Checklist checklist) {
        boolean pre = target.version().isPrerelease();
        List<VersionFileConfig> files = target.component().versionFiles();
        String install = checklist == Checklist.PYTHON
                ? "pip install " + name + "==" + Pep440.fromSemVer(target.version())
                : "npm install " + name + "@" + (pre ? DistTags.of(target.version()) : DistTags.LATEST);
        return text.replace("{{tag}}", target.tag()).replace("{{version}}", target.version().toString())
                .replace("{{versionFiles}}", files.isEmpty() ? "the version files" : String.join(", ", files.stream().map(f -> "`" + f.path() + "`")
                        .toList()))
                .replace("{{index}}", pre ? "TestPyPI" : "PyPI").replace("{{install}}", install);
    }

    /** The distribution or package name for install lines: pyproject's [project] name, the workspace's first public package, or the component's name. */
    private static String packageName(GitRepository git, ComponentConfig component, Checklist checklist) {
        Path root = root(git, component);
        try {
            String distribution = checklist == Checklist.PYTHON ? Layout.pythonDistribution(root.resolve("pyproject.toml")) : null;
            if (distribution != null) {
                return distribution;
            }
            if (checklist == Checklist.JAVASCRIPT && Files.isRegularFile(root.resolve("package.json"))) {
                return Workspace.read(root).packages().stream().filter(p -> !p.privatePackage()).map(NpmManifest::name).findFirst()
                        .orElse(component.name());
            }
        } catch (IOException | ReleaseFailure e) {
            return component.name();
        }
        return component.name();
    }

    private void write(String markdown) {
        if (options.output() != null) {
            try {
                Path file = options.output().isAbsolute() ? options.output() : options.release().baseDirectory().resolve(options.output());
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, markdown);
                log.info("Wrote the release checklist to " + file);
            } catch (IOException e) {
                throw new ReleaseError("Cannot write the checklist to " + options.output() + ": " + e.getMessage(), e);
            }
            return;
        }
        GitHubActions actions = new GitHubActions(options.release().environment(), stdout);
        if (actions.active()) {
            actions.summary(markdown);
        }
        stdout.print(markdown);
        stdout.flush();
    }
}
