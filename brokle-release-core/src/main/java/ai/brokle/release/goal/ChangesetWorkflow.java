package ai.brokle.release.goal;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.GoalCommands;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changesets.Changeset;
import ai.brokle.release.changesets.ChangedFiles;
import ai.brokle.release.changesets.ChangesetConfig;
import ai.brokle.release.changesets.ChangesetDirectory;
import ai.brokle.release.changesets.ChangesetVersioning;
import ai.brokle.release.changesets.PreState;
import ai.brokle.release.changesets.ReleasePlan;
import ai.brokle.release.changesets.Workspace;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.git.FileHistory;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.version.Bump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The change-file goals, for a workspace whose root (the directory the goal runs in) holds
 * {@code .changeset}: add a change file, check a branch has them, version the packages from them,
 * and enter or leave pre-release mode. The files are those of Changesets, so both tools can be used
 * on one repository.
 */
public final class ChangesetWorkflow {
    private static final Pattern PRE_TAG = Pattern.compile("[0-9A-Za-z-]+");

    private final Path root;
    private final ReleaseLog log;
    private final GoalCommands commands;
    private final ChangesetDirectory directory;

    public ChangesetWorkflow(ReleaseOptions options) {
        this.root = options.baseDirectory().toAbsolutePath().normalize();
        this.log = options.log();
        this.commands = options.commands();
        this.directory = new ChangesetDirectory(root);
    }

    /** The {@code changeset} goal: a new change file for {@code packages} (comma-separated) with one bump and a summary; returns its id. */
    public String add(String packages, String bump, String summary) {
        List<String> problems = new ArrayList<>();
        requireDirectory(problems);
        Workspace workspace = Workspace.read(root);
        Set<String> names = new LinkedHashSet<>();
        if (packages == null || packages.isBlank()) {
            problems.add("brokle.packages: name the packages the change releases, comma-separated (packages here: "
                    + String.join(", ", workspace.names()) + ")");
        } else {
            for (String p : packages.split(",")) {
                String name = p.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (workspace.get(name).isEmpty()) {
                    problems.add("brokle.packages: \"" + name + "\" is not a package of this workspace (packages: "
                            + String.join(", ", workspace.names()) + ")");
                } else {
                    names.add(name);
                }
            }
        }
        Bump type = bump == null ? null : Bump.fromLabel(bump.trim().toLowerCase(Locale.ROOT));
        if (type == null || type == Bump.NONE) {
            problems.add("brokle.bump: " + (bump == null || bump.isBlank() ? "missing" : "'" + bump + "' is not a bump")
                    + "; use major, minor or patch");
        }
        if (summary == null || summary.isBlank()) {
            problems.add("brokle.summary: missing; describe the change for the changelog, e.g. -Dbrokle.summary=\"Add streaming support\"");
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot add a change file", problems);
        }
        Map<String, Bump> releases = new LinkedHashMap<>();
        names.forEach(n -> releases.put(n, type));
        String id = directory.add(releases, summary);
        log.info("Added " + ChangesetDirectory.NAME + "/" + id + ".md: " + type.label() + " " + String.join(", ", names));
        return id;
    }

    /**
     * What a pull request's CI asks: which packages changed since the base branch, whether each has
     * a change file, and what a release would bump. Fails, naming them, when changed packages have
     * no change file.
     */
    public ReleasePlan status() {
        requireDirectory(null);
        ChangesetConfig config = directory.config();
        Workspace workspace = Workspace.read(root);
        List<Changeset> changesets = directory.changesets();
        ReleasePlan plan = ReleasePlan.of(changesets, workspace, config, directory.preState());
        Set<String> changed = new LinkedHashSet<>();
        try (GitRepository git = GitRepository.open(root)) {
            Path workTree = git.workTree().toAbsolutePath().normalize();
            Set<String> files = new FileHistory(git).changedSince(config.baseBranch());
            List<NpmManifest> byDepth = new ArrayList<>(workspace.packages());
            byDepth.sort((a, b) -> b.directory().length() - a.directory().length());
            for (String file : files) {
                Path absolute = workTree.resolve(file);
                if (!absolute.startsWith(root)) {
                    continue;
                }
                String relative = root.relativize(absolute).toString().replace('\\', '/');
                for (NpmManifest p : byDepth) {
                    String dir = p.directory();
                    if (dir.isEmpty() ? !relative.startsWith(ChangesetDirectory.NAME + "/") : relative.startsWith(dir + "/")) {
                        // as the CLI: a package has changed when a file under it matches changedFilePatterns
                        if (ChangedFiles.matches(config.changedFilePatterns(), dir.isEmpty() ? relative : relative.substring(dir.length() + 1))) {
                            changed.add(p.name());
                        }
                        break;
                    }
                }
            }
        }
        boolean hasEmpty = changesets.stream().anyMatch(c -> c.releases().isEmpty());
        Set<String> covered = new LinkedHashSet<>();
        changesets.forEach(c -> covered.addAll(c.releases().keySet()));
        List<String> missing = changed.stream().filter(n -> !covered.contains(n)).filter(n -> !config.ignore().contains(n)).toList();
        for (Bump b : List.of(Bump.MAJOR, Bump.MINOR, Bump.PATCH)) {
            List<String> bumped = plan.releases().stream().filter(r -> r.type() == b).map(r -> r.name() + " " + r.oldVersion() + " -> "
                    + r.newVersion()).toList();
            log.info(bumped.isEmpty() ? "No package to be bumped at " + b.label() : "Packages to be bumped at " + b.label() + ":");
            bumped.forEach(line -> log.info("  - " + line));
        }
        if (!changed.isEmpty()) {
            log.info("Changed since " + config.baseBranch() + ": " + String.join(", ", changed));
        }
        if (!missing.isEmpty() && !hasEmpty) {
            List<String> problems = new ArrayList<>();
            for (String name : missing) {
                problems.add("Package \"" + name + "\" changed since " + config.baseBranch() + " but no change file names it: add one with"
                        + " " + commands.of("changeset -Dbrokle.packages=" + name + " -Dbrokle.bump=patch -Dbrokle.summary=\"...\"")
                        + " (or an empty change file, npx changeset add --empty, when the change needs no release)");
            }
            throw new ReleaseFailure("Some packages changed without a change file", problems);
        }
        return plan;
    }

    /** The {@code changeset-version} goal: versions the packages from the change files; in a dry run prints what it would write. */
    public ChangesetVersioning.Outcome version(Mode mode) {
        requireDirectory(null);
        ChangesetConfig config = directory.config();
        Workspace workspace = Workspace.read(root);
        Optional<PreState> pre = directory.preState();
        List<Changeset> changesets = directory.changesets();
        ReleasePlan plan = ReleasePlan.of(changesets, workspace, config, pre);
        ChangesetVersioning.Outcome outcome;
        try (GitRepository git = openIfAny()) {
            FileHistory history = git == null ? null : new FileHistory(git);
            Path workTree = git == null ? null : git.workTree().toAbsolutePath().normalize();
            ChangesetVersioning versioning = new ChangesetVersioning(workspace, config, id -> history == null ? Optional.empty()
                    : history.commitThatAdded(workTree.relativize(root.resolve(ChangesetDirectory.NAME).resolve(id + ".md"))
                            .toString().replace('\\', '/')).map(o -> o.name()));
            outcome = versioning.outcome(plan);
            if (outcome.plan().releases().isEmpty() && outcome.isEmpty()) {
                log.info("No unreleased change files: nothing to version");
                return outcome;
            }
            for (ReleasePlan.Release r : plan.releases()) {
                log.info(r.name() + ": " + r.oldVersion() + " -> " + r.newVersion() + " (" + r.type().label() + ", npm dist-tag "
                        + r.distTag() + ")");
            }
            new Plan(List.of(new VersionPackagesStep(versioning, outcome, log)), Journal.NONE, log).run(mode);
        }
        if (mode == Mode.EXECUTE && plan.preState().isPresent()) {
            log.info("In pre-release mode (" + plan.preState().get().tag() + "): change files are kept until pre-exit");
        }
        return outcome;
    }

    /** The {@code pre-enter} goal: pre-release mode with {@code tag} (alpha, beta, rc); allowed again after an exit. */
    public PreState preEnter(String tag) {
        List<String> problems = new ArrayList<>();
        requireDirectory(problems);
        if (tag == null || tag.isBlank() || !PRE_TAG.matcher(tag.trim()).matches() || tag.trim().equals("latest")) {
            problems.add("brokle.prerelease: " + (tag == null || tag.isBlank() ? "missing" : "'" + tag + "' is not a pre-release tag")
                    + "; give one word of letters, digits or '-', e.g. -Dbrokle.prerelease=alpha (never 'latest')");
        }
        Optional<PreState> current = directory.preState();
        if (current.isPresent() && current.get().inPreMode()) {
            problems.add(ChangesetDirectory.NAME + "/pre.json: already in pre-release mode with tag '" + current.get().tag()
                    + "'; run pre-exit first to change the tag");
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot enter pre-release mode", problems);
        }
        Workspace workspace = Workspace.read(root);
        Map<String, String> initial = new LinkedHashMap<>();
        workspace.packages().forEach(p -> initial.put(p.name(), p.versionText()));
        PreState state = new PreState(PreState.PRE, tag.trim(), initial, current.map(PreState::changesets).orElse(List.of()));
        directory.writePreState(state);
        log.info("Entered pre-release mode with tag " + state.tag() + ": changeset-version now gives <version>-" + state.tag() + ".<n>");
        return state;
    }

    /** The {@code pre-exit} goal: the next changeset-version makes the packages changed in pre mode stable. */
    public PreState preExit() {
        requireDirectory(null);
        PreState current = directory.preState().filter(PreState::inPreMode).orElseThrow(() -> new ReleaseFailure(
                "Not in pre-release mode: " + ChangesetDirectory.NAME + "/pre.json " + (directory.preState().isPresent()
                        ? "already says exit; run changeset-version to release the stable versions" : "does not exist")));
        PreState exited = current.withMode(PreState.EXIT);
        directory.writePreState(exited);
        log.info("Leaving pre-release mode: run changeset-version to release the packages changed in it as stable versions");
        return exited;
    }

    private void requireDirectory(List<String> problems) {
        if (!directory.exists()) {
            String problem = "No " + ChangesetDirectory.NAME + " directory in " + root + ": run the goal in the workspace root, or create it"
                    + " with 'npx @changesets/cli init' (it writes " + ChangesetConfig.FILE + ")";
            if (problems == null) {
                throw new ReleaseFailure(problem);
            }
            problems.add(problem);
        }
    }

    private GitRepository openIfAny() {
        try {
            return GitRepository.open(root);
        } catch (ReleaseFailure notARepository) {
            return null;
        }
    }

    /** The package versions, changelogs and consumed change files of a release plan, written as the Changesets CLI writes them. */
    private static final class VersionPackagesStep implements Step {
        private final ChangesetVersioning versioning;
        private final ChangesetVersioning.Outcome outcome;
        private final ReleaseLog log;

        VersionPackagesStep(ChangesetVersioning versioning, ChangesetVersioning.Outcome outcome, ReleaseLog log) {
            this.versioning = versioning;
            this.outcome = outcome;
            this.log = log;
        }

        @Override
        public String name() {
            return "changeset-version";
        }

        @Override
        public Status status(Journal journal) {
            return outcome.changes().isEmpty() && outcome.deletions().isEmpty() ? Status.DONE : Status.TODO;
        }

        @Override
        public void simulate(ReleaseLog out) {
            outcome.changes().forEach(c -> out.info("Would write " + c.path()));
            outcome.deletions().forEach(d -> out.info("Would delete " + d));
        }

        @Override
        public Effect execute() {
            versioning.apply(outcome);
            outcome.changes().forEach(c -> log.info("Wrote " + c.path()));
            outcome.deletions().forEach(d -> log.info("Deleted " + d));
            return Effect.done(outcome.changes().size() + " files");
        }
    }
}
