package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a release into the repository in an order that leaves nothing half-done: first the
 * objects (file contents, tree, commit, annotated tags), which nothing points at yet; then the
 * branch and every tag in one atomic ref update; then the work tree and index for the files the
 * release changed. Until the ref update the repository shows no change; after it, it holds the
 * complete release commit and its tags.
 */
public final class ReleaseWriter {
    private final GitRepository git;
    private final Repository repository;

    public ReleaseWriter(GitRepository git) {
        this.git = git;
        this.repository = git.jgit();
    }

    /**
     * Fast-forwards the checked-out {@code branch} to {@code to}, updating the index and the work tree
     * as 'git merge --ff-only' does; fails, changing nothing, when that is not a fast-forward or a
     * local change is in the way.
     */
    public void fastForward(String branch, ObjectId to) {
        try (Git g = new Git(repository)) {
            MergeResult result = g.merge().include(to).setFastForward(MergeCommand.FastForwardMode.FF_ONLY).setCommit(true)
                    .setMessage("brokle-release: fast-forward " + branch).call();
            if (!result.getMergeStatus().isSuccessful()) {
                throw new ReleaseError("Cannot bring " + branch + " up to " + to.name().substring(0, 7) + ": " + result.getMergeStatus());
            }
        } catch (GitAPIException e) {
            throw new ReleaseError("Cannot bring " + branch + " up to " + to.name().substring(0, 7) + ": " + e.getMessage(), e);
        } finally {
            git.refsMoved();
        }
    }

    /** Who makes the release: git's own identity settings (user.name and user.email, GIT_COMMITTER_* variables). */
    public PersonIdent identity() {
        return new PersonIdent(repository);
    }

    /**
     * Writes a commit whose tree is {@code base}'s with {@code files} (path → content) replaced or
     * added, a null content removing the path; returns its id. Nothing refers to it until a ref update.
     */
    public ObjectId writeCommit(ObjectId base, Map<String, byte[]> files, String message, PersonIdent who) {
        return writeCommit(base, files, Map.of(), message, who);
    }

    /**
     * As {@link #writeCommit(ObjectId, Map, String, PersonIdent)}, and the gitlinks (submodule
     * path → the commit it records) set too.
     */
    public ObjectId writeCommit(ObjectId base, Map<String, byte[]> files, Map<String, ObjectId> gitlinks, String message, PersonIdent who) {
        try (ObjectInserter inserter = repository.newObjectInserter(); ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(base);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parent.getTree());
            builder.finish();
            DirCacheEditor editor = index.editor();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getValue() == null) {
                    editor.add(new DirCacheEditor.DeletePath(f.getKey()));
                    continue;
                }
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, f.getValue());
                editor.add(new DirCacheEditor.PathEdit(f.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                        if (entry.getRawMode() == 0) {
                            entry.setFileMode(FileMode.REGULAR_FILE);
                        }
                        entry.setObjectId(blob);
                    }
                });
            }
            gitlinks.forEach((path, target) -> editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.GITLINK);
                    entry.setObjectId(target);
                }
            }));
            editor.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            commit.setParentId(base);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new ReleaseError("Cannot write the commit: " + e.getMessage(), e);
        }
    }

    /** Writes an annotated tag object for {@code commit}; returns its id. Nothing refers to it until {@link #moveRefs}. */
    public ObjectId writeTag(ObjectId commit, String name, String message, PersonIdent who) {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commit, Constants.OBJ_COMMIT);
            tag.setTag(name);
            tag.setTagger(who);
            tag.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(tag);
            inserter.flush();
            return id;
        } catch (IOException e) {
            throw new ReleaseError("Cannot write tag " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves {@code branch} from {@code base} to {@code commit} and creates {@code tags} (name →
     * tag object), all or none: if the branch moved meanwhile or a tag appeared, nothing changes.
     */
    public void moveRefs(String branch, ObjectId base, ObjectId commit, Map<String, ObjectId> tags, String reflogMessage) {
        List<ReceiveCommand> commands = new ArrayList<>();
        commands.add(new ReceiveCommand(base, commit, Constants.R_HEADS + branch, ReceiveCommand.Type.UPDATE));
        tags.forEach((name, id) -> commands.add(new ReceiveCommand(ObjectId.zeroId(), id, Constants.R_TAGS + name, ReceiveCommand.Type.CREATE)));
        updateAtomically(commands, reflogMessage);
    }

    /** Points {@code refName} at {@code commit}, whatever it pointed at before (a bot's branch, rewritten on each run). */
    public void setRef(String refName, ObjectId commit, String reflogMessage) {
        try {
            org.eclipse.jgit.lib.RefUpdate update = repository.updateRef(refName);
            update.setNewObjectId(commit);
            update.setForceUpdate(true);
            update.setRefLogMessage(reflogMessage, false);
            org.eclipse.jgit.lib.RefUpdate.Result result = update.update();
            if (result == org.eclipse.jgit.lib.RefUpdate.Result.LOCK_FAILURE || result == org.eclipse.jgit.lib.RefUpdate.Result.IO_FAILURE
                    || result == org.eclipse.jgit.lib.RefUpdate.Result.REJECTED) {
                throw new ReleaseError("Cannot point " + refName + " at " + commit.name() + ": " + result);
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot point " + refName + " at " + commit.name() + ": " + e.getMessage(), e);
        } finally {
            git.refsMoved();
        }
    }

    /**
     * Moves {@code branch} from {@code from} to {@code to} and deletes {@code tags} (name → the tag
     * object each must still point at), all or none.
     */
    public void moveBranchDeletingTags(String branch, ObjectId from, ObjectId to, Map<String, ObjectId> tags, String reflogMessage) {
        List<ReceiveCommand> commands = new ArrayList<>();
        if (!from.equals(to)) {
            commands.add(new ReceiveCommand(from, to, Constants.R_HEADS + branch, ReceiveCommand.Type.UPDATE_NONFASTFORWARD));
        }
        tags.forEach((name, id) -> commands.add(new ReceiveCommand(id, ObjectId.zeroId(), Constants.R_TAGS + name, ReceiveCommand.Type.DELETE)));
        if (!commands.isEmpty()) {
            updateAtomically(commands, reflogMessage);
        }
    }

    private void updateAtomically(List<ReceiveCommand> commands, String reflogMessage) {
        BatchRefUpdate batch = repository.getRefDatabase().newBatchUpdate();
        batch.setAtomic(true);
        batch.setAllowNonFastForwards(true);
        batch.setRefLogMessage(reflogMessage, false);
        batch.setRefLogIdent(identity());
        batch.addCommand(commands);
        try (RevWalk walk = new RevWalk(repository)) {
            batch.execute(walk, NullProgressMonitor.INSTANCE);
        } catch (IOException e) {
            throw new ReleaseError("Cannot update the branch and tags: " + e.getMessage(), e);
        } finally {
            git.refsMoved();
        }
        List<String> failed = new ArrayList<>();
        for (ReceiveCommand c : commands) {
            if (c.getResult() != ReceiveCommand.Result.OK) {
                failed.add(c.getRefName() + " (" + c.getResult() + (c.getMessage() == null ? "" : ": " + c.getMessage()) + ")");
            }
        }
        if (!failed.isEmpty()) {
            List<String> locks = GitLocks.present(git, commands.stream().map(ReceiveCommand::getRefName).toList()).stream()
                    .map(Path::toString).toList();
            throw new ReleaseError("The branch and tags were left as they were: " + String.join(", ", failed) + (locks.isEmpty() ? ""
                    : ". Git's lock files are in the way: " + String.join(", ", locks) + "; when no git command is running in this clone,"
                            + " remove them (rm -f " + String.join(" ", locks) + ") and run again"));
        }
    }

    /** Whether {@code ancestor} is {@code commit} or one of its ancestors. */
    public boolean isAncestor(ObjectId ancestor, ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(commit));
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            throw new ReleaseError("Cannot compare commits " + ancestor.name() + " and " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * When {@code tip} is a copy of {@code commit} made by a rebase ('git pull --rebase' after the
     * release commit was made): same message, same changes, one parent; that parent. Empty otherwise.
     */
    public Optional<ObjectId> rebasedParent(ObjectId commit, ObjectId tip) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit original = walk.parseCommit(commit);
            RevCommit copy = walk.parseCommit(tip);
            if (copy.equals(original) || copy.getParentCount() != 1 || original.getParentCount() != 1
                    || !copy.getFullMessage().equals(original.getFullMessage())) {
                return Optional.empty();
            }
            RevCommit copyParent = walk.parseCommit(copy.getParent(0));
            RevCommit originalParent = walk.parseCommit(original.getParent(0));
            return changes(originalParent, original).equals(changes(copyParent, copy)) ? Optional.of(copyParent.copy()) : Optional.empty();
        } catch (IOException e) {
            throw new ReleaseError("Cannot compare commits " + commit.name() + " and " + tip.name() + ": " + e.getMessage(), e);
        }
    }

    /** What a commit changed against its parent: path → new blob (null when removed). */
    private Map<String, ObjectId> changes(RevCommit parent, RevCommit commit) throws IOException {
        Map<String, ObjectId> changed = new java.util.TreeMap<>();
        try (org.eclipse.jgit.treewalk.TreeWalk walk = new org.eclipse.jgit.treewalk.TreeWalk(repository)) {
            walk.addTree(parent.getTree());
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            walk.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            while (walk.next()) {
                changed.put(walk.getPathString(), walk.getFileMode(1) == org.eclipse.jgit.lib.FileMode.MISSING ? null : walk.getObjectId(1));
            }
        }
        return changed;
    }

    /** Whether the repository holds the object. */
    public boolean exists(ObjectId id) {
        try {
            return repository.getObjectDatabase().has(id);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the object database: " + e.getMessage(), e);
        }
    }

    /** A commit, parsed: its message, tree and parents' ids. */
    public RevCommit commit(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** The first line of a commit's message. */
    public String subject(ObjectId commit) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(commit).getShortMessage();
        } catch (IOException e) {
            throw new ReleaseError("Cannot read commit " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** The object a local ref points at, or empty. */
    public Optional<ObjectId> ref(String name) {
        try {
            Ref ref = repository.exactRef(name);
            return ref == null || ref.getObjectId() == null ? Optional.empty() : Optional.of(ref.getObjectId());
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code paths} of {@code commit} into the work tree and the index, as 'git checkout
     * COMMIT -- PATHS' does; paths the commit lacks are removed from both, as 'git rm' does.
     */
    public void checkOut(ObjectId commit, Collection<String> paths) {
        Map<String, byte[]> present = contents(commit, paths);
        List<String> kept = paths.stream().filter(present::containsKey).toList();
        List<String> removed = paths.stream().filter(p -> !present.containsKey(p)).toList();
        try (Git g = new Git(repository)) {
            if (!kept.isEmpty()) {
                g.checkout().setStartPoint(commit.name()).addPaths(new ArrayList<>(kept)).call();
            }
            for (String path : removed) {
                g.rm().addFilepattern(path).call();
                Files.deleteIfExists(git.workTree().resolve(path));
            }
        } catch (GitAPIException | IOException e) {
            throw new ReleaseError("Cannot write the files of commit " + commit.name().substring(0, 7) + " into the work tree: " + e.getMessage(), e);
        }
    }

    /** The paths among {@code paths} whose work tree file differs from {@code commit}'s content (a path it lacks must be absent). */
    public List<String> differingFromWorkTree(ObjectId commit, Collection<String> paths) {
        Map<String, byte[]> contents = contents(commit, paths);
        List<String> differing = new ArrayList<>();
        for (String path : paths) {
            Path file = git.workTree().resolve(path);
            try {
                byte[] expected = contents.get(path);
                if (expected == null ? Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                        : !Files.isRegularFile(file) || !Arrays.equals(expected, Files.readAllBytes(file))) {
                    differing.add(path);
                }
            } catch (IOException e) {
                differing.add(path);
            }
        }
        return differing;
    }

    /** The contents of {@code paths} in {@code commit} (paths it lacks are left out). */
    public Map<String, byte[]> contents(ObjectId commit, Collection<String> paths) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(commit);
            for (String path : paths) {
                try (TreeWalk tree = TreeWalk.forPath(repository, path, c.getTree())) {
                    if (tree != null) {
                        found.put(path, repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the files of commit " + commit.name() + ": " + e.getMessage(), e);
        }
        return found;
    }
}
