package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Questions about files across history: which commit added a file, which files changed since a branch. */
public final class FileHistory {
    private final GitRepository repository;

    public FileHistory(GitRepository repository) {
        this.repository = repository;
    }

    /**
     * The newest commit reachable from HEAD that added {@code path} (relative to the work tree), as
     * {@code git log --diff-filter=A -1 -- path} finds it; merges are not looked into. Empty when
     * the file is not committed.
     */
    public Optional<ObjectId> commitThatAdded(String path) {
        Repository git = repository.jgit();
        Optional<ObjectId> head = repository.head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(git)) {
            walk.markStart(walk.parseCommit(head.get()));
            walk.setTreeFilter(PathFilter.create(path));
            for (RevCommit commit : walk) {
                if (commit.getParentCount() > 1) {
                    continue;
                }
                boolean inCommit = contains(git, commit, path);
                boolean inParent = commit.getParentCount() == 1 && contains(git, walk.parseCommit(commit.getParent(0)), path);
                if (inCommit && !inParent) {
                    return Optional.of(commit.copy());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the history of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files (relative to the work tree) that differ between the commit where HEAD left
     * {@code baseBranch} and the work tree: committed on this branch since, or changed and not yet
     * committed. The base is the local branch, else {@code origin/<baseBranch>}.
     */
    public Set<String> changedSince(String baseBranch) {
        Repository git = repository.jgit();
        ObjectId base = repository.resolveCommit("refs/heads/" + baseBranch)
                .or(() -> repository.resolveCommit("refs/remotes/origin/" + baseBranch))
                .orElseThrow(() -> new ReleaseFailure("The base branch '" + baseBranch + "' is neither a local branch nor origin/" + baseBranch
                        + ": fetch it (git fetch origin " + baseBranch + "; in GitHub Actions, actions/checkout with fetch-depth: 0), or set"
                        + " baseBranch in .changeset/config.json"));
        ObjectId head = repository.head().orElseThrow(() -> new ReleaseFailure("HEAD names no commit: commit something first"));
        Set<String> changed = new TreeSet<>();
        try (RevWalk walk = new RevWalk(git); Git api = new Git(git)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(base));
            walk.markStart(walk.parseCommit(head));
            RevCommit mergeBase = walk.next();
            if (mergeBase == null) {
                throw new ReleaseFailure("HEAD and '" + baseBranch + "' have no commit in common: is baseBranch in .changeset/config.json right?");
            }
            try (RevWalk trees = new RevWalk(git); TreeWalk tw = new TreeWalk(git)) {
                tw.setRecursive(true);
                tw.addTree(trees.parseCommit(mergeBase).getTree());
                tw.addTree(trees.parseCommit(head).getTree());
                tw.setFilter(TreeFilter.ANY_DIFF);
                for (DiffEntry d : DiffEntry.scan(tw)) {
                    changed.add(d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath());
                    if (d.getChangeType() == DiffEntry.ChangeType.RENAME) {
                        changed.add(d.getOldPath());
                    }
                }
            }
            changed.addAll(api.status().call().getUncommittedChanges());
            return changed;
        } catch (IOException | GitAPIException e) {
            throw new ReleaseError("Cannot compare HEAD with '" + baseBranch + "': " + e.getMessage(), e);
        }
    }

    private static boolean contains(Repository git, RevCommit commit, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(git, path, commit.getTree())) {
            return tw != null;
        }
    }
}
