package ai.brokle.release.planning;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.changesets.ChangesetDirectory;
import ai.brokle.release.changesets.ChangesetVersioning;
import ai.brokle.release.changesets.ReleasePlan;
import ai.brokle.release.changesets.Workspace;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.files.FileChange;
import ai.brokle.release.git.FileHistory;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A component configured with {@code versioning: changesets}: its npm workspace at the
 * component's path is versioned from its change files, as {@code changeset-version} does, and the
 * component is released at the version its packages reach (the highest, when they differ).
 */
public final class ChangesetComponent {
    private final GitRepository git;
    private final ComponentConfig component;
    private final Path root;
    private final ChangesetDirectory directory;
    private Workspace workspace;

    public ChangesetComponent(GitRepository git, ComponentConfig component) {
        this.git = git;
        this.component = component;
        this.root = component.path().isEmpty() ? git.workTree() : git.workTree().resolve(component.path());
        this.directory = new ChangesetDirectory(root);
    }

    private Workspace workspace() {
        if (workspace == null) {
            workspace = Workspace.read(root);
        }
        return workspace;
    }

    /** The release plan of the workspace's change files. */
    public ReleasePlan releasePlan() {
        return ReleasePlan.of(directory.changesets(), workspace(), directory.config(), directory.preState());
    }

    /** Why a forced version does not apply to {@code component}, versioned by its change files. */
    public static String forcedVersionRefused(ComponentConfig component) {
        return "Component '" + component.name() + "' is versioned by its change files (versioning: changesets): leave out"
                + " brokle.bump, brokle.prerelease and brokle.releaseVersion, or name another component with brokle.component";
    }

    /** The commit-based plan with the next version and tag taken from the change files instead. */
    public ComponentPlan plan(ComponentPlan fromCommits, ReleasePlan releases) {
        SemVer next = null;
        for (ReleasePlan.Release r : releases.releases()) {
            if (r.type() != Bump.NONE && (next == null || r.newVersion().compareTo(next) > 0)) {
                next = r.newVersion();
            }
        }
        return new ComponentPlan(fromCommits.name(), fromCommits.currentVersion(), fromCommits.currentTag(), next,
                next == null ? null : component.tagFor(next), next == null ? null : "changesets", fromCommits.commits(), null);
    }

    /** The files the release writes and deletes, relative to the repository root. */
    public Release release(ReleasePlan plan) {
        FileHistory history = new FileHistory(git);
        String prefix = component.path().isEmpty() ? "" : component.path() + "/";
        ChangesetVersioning versioning = new ChangesetVersioning(workspace(), directory.config(),
                id -> history.commitThatAdded(prefix + ChangesetDirectory.NAME + "/" + id + ".md").map(o -> o.name()));
        ChangesetVersioning.Outcome outcome = versioning.outcome(plan);
        List<FileChange> changes = new ArrayList<>();
        outcome.changes().forEach(c -> changes.add(new FileChange(prefix + c.path(), c.before(), c.after())));
        for (String deleted : outcome.deletions()) {
            changes.add(FileChange.deletion(prefix + deleted, read(root.resolve(deleted))));
        }
        StringBuilder notes = new StringBuilder();
        outcome.entries().forEach((name, entry) -> notes.append(notes.length() == 0 ? "" : "\n").append("# ").append(name).append("\n\n")
                .append(entry));
        return new Release(changes, notes.toString());
    }

    /** The files of a release (one character per byte) and its notes, each package's new changelog section. */
    public record Release(List<FileChange> changes, String notes) {
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : null;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
