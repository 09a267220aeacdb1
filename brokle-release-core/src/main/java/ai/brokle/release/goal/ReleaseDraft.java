package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.changelog.ChangeHistory;
import ai.brokle.release.changelog.ChangelogFile;
import ai.brokle.release.changelog.ChangelogSection;
import ai.brokle.release.changelog.ReleaseChanges;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.Placeholders;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.config.VersionFileConfig;
import ai.brokle.release.config.VersionFileKind;
import ai.brokle.release.files.FileChange;
import ai.brokle.release.files.RepositoryPath;
import ai.brokle.release.files.VersionFileUpdater;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.planning.ChangesetComponent;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.submodules.CompatibilityMatrix;
import ai.brokle.release.submodules.Submodule;
import ai.brokle.release.text.Utf8;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What a release commit carries, worked out on HEAD before anything changes: the changed files
 * (version files, changelogs, consumed change files, the compatibility matrix), the commit message,
 * each tag's release notes and each component's version. prepare commits it on the release branch;
 * release-pr commits it on the release pull request's branch.
 *
 * @param changes the files the release changes
 * @param message the release commit's message
 * @param tagMessages tag → its annotated message (the release notes)
 * @param versions component → the version it is released at
 */
record ReleaseDraft(List<FileChange> changes, String message, Map<String, String> tagMessages, Map<String, String> versions) {

    /** The released files: path → content. */
    Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        changes.forEach(c -> files.put(c.path(), c.afterBytes()));
        return files;
    }

    /**
     * The draft of a release of the {@code releasing} components (indexes into {@code checked}) on
     * HEAD; what stops it goes into {@code problems}.
     */
    static ReleaseDraft of(ReleaseOptions options, GitRepository git, ReleaseChecks.Checked checked, List<Integer> releasing,
            List<String> problems) {
        ReleaseConfig config = checked.config();
        Path root = git.workTree();
        VersionFileUpdater files = new VersionFileUpdater(root);
        RepositoryLinks links = ReleaseHistory.links(config, git);
        Map<String, String> tagMessages = new LinkedHashMap<>();
        Map<String, String> byComponent = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        ObjectId head = git.head().orElseThrow();
        for (int i : releasing) {
            ComponentConfig component = checked.components().get(i);
            ComponentPlan plan = checked.plans().get(i);
            SemVer next = plan.nextVersion();
            ChangesetComponent.Release fromChangesets = null;
            if (component.changesets()) {
                // the workspace's packages, their changelogs and the consumed change files, as changeset-version writes them
                fromChangesets = new ChangesetComponent(git, component).release(checked.changesetPlans().get(component.name()));
                fromChangesets.changes().forEach(files::include);
            }
            for (VersionFileConfig file : component.versionFiles()) {
                if (fromChangesets != null && file.kind() == VersionFileKind.PACKAGE_JSON) {
                    continue;
                }
                VersionFileUpdater.Result result = files.update(file, next);
                result.problems().forEach(p -> problems.add("Component '" + component.name() + "': " + p));
            }
            if (fromChangesets != null) {
                tagMessages.put(plan.tag(), fromChangesets.notes());
            } else {
                ReleaseChanges changes = ReleaseHistory.release(git, component, links, head, next, plan.tag(),
                        ReleaseHistory.today(options.environment()));
                if (component.changelogPath() != null) {
                    changelog(root, component, changes, links, files, problems);
                }
                tagMessages.put(plan.tag(), ReleaseHistory.notes(ReleaseHistory.template(root, component, problems), component).render(changes));
            }
            tags.add(plan.tag());
            versions.add(next.toString());
            names.add(component.name());
            byComponent.put(component.name(), next.toString());
        }
        compatibilityMatrix(options, git, config, checked, releasing, head, files, problems);
        List<FileChange> changes = files.changes();
        // whatever wrote them (version files, changelogs, change files), none is reached through a link or lies outside
        changes.forEach(c -> RepositoryPath.problem(root, c.path()).filter(p -> problems.stream().noneMatch(q -> q.endsWith(p)))
                .ifPresent(problems::add));
        String message = Placeholders.COMMIT_MESSAGE.render(config.commitMessage(), Map.of("tags", String.join(", ", tags),
                "versions", String.join(", ", versions), "components", String.join(", ", names)));
        return new ReleaseDraft(changes, message.endsWith("\n") ? message : message + "\n", tagMessages, byComponent);
    }

    /**
     * A platform that keeps docs/SDK_COMPATIBILITY.md gets it refreshed in the release commit, as it
     * will read once the release is tagged, so that {@code compatibility-matrix -Dbrokle.check=true}
     * passes on the release. It reads the SDK remotes: offline, it is left as it is, with a warning.
     */
    private static void compatibilityMatrix(ReleaseOptions options, GitRepository git, ReleaseConfig config, ReleaseChecks.Checked checked, List<Integer> releasing,
            ObjectId head, VersionFileUpdater files, List<String> problems) {
        String path = SubmoduleOptions.DEFAULT_OUTPUT;
        Optional<Integer> platform = releasing.stream().filter(i -> checked.components().get(i).path().isEmpty()).findFirst();
        if (platform.isEmpty() || !Files.isRegularFile(git.workTree().resolve(path)) || !Files.isRegularFile(git.workTree().resolve(".gitmodules"))) {
            return;
        }
        if (options.offline()) {
            options.log().warn(path + " is left as it is: Maven runs offline (-o) and the matrix reads the SDK remotes; run compatibility-matrix"
                    + " after the release, or prepare without -o");
            return;
        }
        ComponentConfig component = checked.components().get(platform.get());
        ComponentPlan plan = checked.plans().get(platform.get());
        List<Submodule> submodules = Submodule.read(git, config, head, null, problems);
        try {
            String text = CompatibilityMatrix.render(git, config, component, head, submodules, options.credentials(),
                    new CompatibilityMatrix.Pending(new ReleaseTag(plan.tag(), plan.nextVersion()), ChangeHistory.date(Instant.now().getEpochSecond())));
            byte[] before = Files.readAllBytes(git.workTree().resolve(path));
            files.include(FileChange.of(path, before, text.getBytes(StandardCharsets.UTF_8)));
        } catch (ReleaseError | IOException e) {
            problems.add(path + " cannot be refreshed for " + plan.tag() + ": " + e.getMessage());
        }
    }

    private static void changelog(Path root, ComponentConfig component, ReleaseChanges changes, RepositoryLinks links,
            VersionFileUpdater files, List<String> problems) {
        String path = component.changelogPath();
        Optional<String> unsafe = RepositoryPath.problem(root, path);
        if (unsafe.isPresent()) {
            problems.add("Component '" + component.name() + "': changelog " + unsafe.get());
            return;
        }
        Path file = root.resolve(path);
        String existing = null;
        byte[] before = null;
        try {
            if (Files.isRegularFile(file)) {
                before = Files.readAllBytes(file);
                existing = Utf8.decode(before);
            }
        } catch (Utf8.NotUtf8 e) {
            problems.add("Component '" + component.name() + "': " + path + " is " + e.getMessage() + "; the release rewrites it, so it must be"
                    + " UTF-8 text (convert it, e.g. iconv -f latin1 -t utf-8)");
            return;
        } catch (IOException e) {
            problems.add("Component '" + component.name() + "': " + path + " cannot be read (" + e.getMessage() + ")");
            return;
        }
        // the version is not released yet (its tag is free): a section an earlier changelog run wrote for it is regenerated
        ChangelogFile.Result merged = ChangelogFile.merge(existing, List.of(ChangelogSection.of(changes)), links, Set.of(changes.version()));
        files.include(FileChange.of(path, before, merged.text().getBytes(StandardCharsets.UTF_8)));
    }
}
