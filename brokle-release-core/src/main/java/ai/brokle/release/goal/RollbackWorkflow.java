package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.LocalStep;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.PrepareJournal;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.plan.RunLock;
import ai.brokle.release.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The {@code rollback} goal: undoes the last {@code prepare}, as recorded in
 * {@code .git/brokle-release/prepare.json}.
 *
 * <ul>
 *   <li>Not pushed: the branch goes back to the commit the release started from, the local tags
 *       are deleted (one atomic ref update) and the released files get their earlier content.
 *   <li>Pushed, nothing published yet: a new commit reverts the release commit (pushed history is
 *       never rewritten), the local tags are deleted, then the revert and the deletion of the
 *       remote tags go to the remote in one atomic push.
 *   <li>Published (as the publishing steps record in {@link PublicationRecord}, here or on the
 *       remote): refused, saying what to do instead.
 * </ul>
 *
 * Everything is checked before anything changes; the progress is kept in the state file, so an
 * interrupted rollback finishes when run again.
 */
public final class RollbackWorkflow {
    static final String RESET = "reset";
    static final String REVERT = "revert";
    private static final int REMOTE_TIMEOUT_SECONDS = 60;

    private final RollbackOptions options;
    private final ReleaseLog log;

    public RollbackWorkflow(RollbackOptions options) {
        this.options = options;
        this.log = options.release().log();
    }

    public void execute() {
        Instant start = Instant.now();
        try (GitRepository git = GitRepository.open(options.release().baseDirectory());
                RunLock lock = options.mode() == Mode.EXECUTE ? RunLock.take(git.gitDirectory(), "rollback") : null) {
            Optional<PrepareState> saved = PrepareState.read(git.gitDirectory());
            PrepareState state = saved.orElseThrow(() -> new ReleaseFailure(
                    "Nothing to roll back: no prepare is recorded in " + git.gitDirectory().resolve(PrepareState.FILE)
                    + " (rollback undoes the last prepare run in this clone)"));
            ReleaseStateLocks.clear(git, saved, start, "rollback", options.mode(), log);
            if (state.commit == null) {
                if (options.mode() == Mode.EXECUTE) {
                    PrepareState.delete(git.gitDirectory());
                }
                log.info("The last prepare made no release commit: there is nothing to roll back"
                        + (options.mode() == Mode.SIMULATE ? "" : "; its state was removed"));
                return;
            }
            String tags = String.join(", ", state.tags.keySet());
            ReleaseWriter writer = new ReleaseWriter(git);
            RemotePush remote = git.hasRemote(state.remote)
                    ? new RemotePush(git, state.remote, GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS)
                    : null;
            List<String> problems = new ArrayList<>();
            Map<String, ObjectId> remoteRefs = null;
            if (remote != null) {
                try {
                    remoteRefs = remote.refs();
                } catch (ReleaseError e) {
                    problems.add(e.getMessage() + ": rollback must see the remote to tell whether the release was pushed or published;"
                            + " check the network and the credentials (brokle.gitServerId, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD, GITHUB_TOKEN)");
                }
            }
            if (problems.isEmpty()) {
                refuseWhenPublished(git, remote, remoteRefs, state, tags);
            }
            if (!git.currentBranch().map(state.branch::equals).orElse(false)) {
                problems.add("The release " + tags + " was made on branch '" + state.branch + "': check it out (git switch " + state.branch
                        + ") and run rollback again");
            }
            String mode = state.rollback != null ? state.rollback : pushed(state, writer, remoteRefs) ? REVERT : RESET;
            if (state.rollback == null && RESET.equals(mode) && problems.isEmpty()) {
                followRebase(writer, state);
            }
            if (state.rollback == null && problems.isEmpty()) {
                if (RESET.equals(mode)) {
                    checkReset(git, writer, state, problems);
                } else {
                    checkRevert(writer, state, remoteRefs, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot roll back " + tags + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "); nothing was changed", problems);
            }
            List<Step> steps = new ArrayList<>();
            if (RESET.equals(mode)) {
                log.info("Rolling back " + tags + ", which was not pushed: the branch goes back to " + state.base.substring(0, 7));
                steps.add(new RollbackResetStep(writer, state, git.gitDirectory()));
                steps.add(new RollbackRestoreFilesStep(writer, state, () -> ObjectId.fromString(state.base)));
            } else {
                log.info("Rolling back " + tags + ", which was pushed to " + git.describeRemote(state.remote) + " with nothing recorded"
                        + " as published from it: its commit is reverted by a new commit and " + (state.tags.size() == 1 ? "its tag is" : "its tags are")
                        + " deleted");
                steps.add(new RevertStep(git, writer, state));
                steps.add(new RollbackRestoreFilesStep(writer, state, () -> state.revert == null ? null : ObjectId.fromString(state.revert)));
                steps.add(new PushRevertStep(git, writer, remote, state));
            }
            if (options.mode() == Mode.EXECUTE) {
                state.rollback = mode;
                state.write(git.gitDirectory());
            }
            new Plan(steps, new PrepareJournal(state, git.gitDirectory()), log).run(options.mode());
            if (options.mode() == Mode.SIMULATE) {
                log.info("Dry run: nothing was changed");
                return;
            }
            PrepareState.delete(git.gitDirectory());
            if (RESET.equals(mode)) {
                log.info("Rolled back " + tags + ": " + state.branch + " is back at " + state.base.substring(0, 7) + ", "
                        + (state.tags.size() == 1 ? "the tag is" : "the tags are") + " deleted"
                        + " and " + String.join(", ", state.paths) + (state.paths.size() == 1 ? " is" : " are") + " as before the release");
            } else {
                log.info("Rolled back " + tags + ": the revert " + state.revert.substring(0, 7) + " is on " + state.branch + " here and on "
                        + git.describeRemote(state.remote) + ", and " + (state.tags.size() == 1 ? "the tag is" : "the tags are") + " deleted in both places");
            }
        }
    }

    /** Refuses, changing nothing, when anything was published from one of the release's tags. */
    private void refuseWhenPublished(GitRepository git, RemotePush remote, Map<String, ObjectId> remoteRefs, PrepareState state, String tags) {
        if (remote != null && remoteRefs != null) {
            // joined with this clone's record, never written over it
            for (String tag : state.tags.keySet()) {
                ObjectId onRemote = remoteRefs.get(PublicationRecord.refName(tag));
                if (onRemote != null) {
                    remote.fetchInto(PublicationRecord.refName(tag), PublicationRecord.REMOTE_COPY_PREFIX + tag);
                    PublicationRecord.adopt(git, tag, onRemote);
                }
            }
        }
        List<String> published = new ArrayList<>();
        for (String tag : state.tags.keySet()) {
            PublicationRecord.published(git, tag).forEach(e -> published.add(tag + ": " + e));
        }
        if (!published.isEmpty()) {
            throw new ReleaseFailure("Cannot roll back " + tags + ": it was published already, and a published version cannot be taken back"
                    + " (registries keep a version number forever). Release the fix as the next version instead"
                    + " (" + options.release().command("prepare -Dbrokle.bump=patch") + "), and withdraw the broken one: "
                    + options.release().command("rollback-published -Dbrokle.tag=" + state.tags.keySet().iterator().next() + " -Dbrokle.reason=\"...\"")
                    + " moves the floating image tags, npm dist-tags and the latest GitHub release back to the previous release, deprecates it on npm"
                    + " and says how to yank it on PyPI. Nothing was changed. Published, as recorded in " + PublicationRecord.REF_PREFIX + "<tag>:",
                    published);
        }
    }

    /**
     * An unpushed release commit that 'git pull --rebase' copied onto the remote's new commits: the
     * copy at the branch's tip is the release commit to drop, and its parent the base to go back to.
     */
    private void followRebase(ReleaseWriter writer, PrepareState state) {
        Optional<ObjectId> tip = writer.ref(Constants.R_HEADS + state.branch);
        if (tip.isEmpty() || tip.get().name().equals(state.commit) || tip.get().name().equals(state.base)) {
            return;
        }
        writer.rebasedParent(ObjectId.fromString(state.commit), tip.get()).ifPresent(parent -> {
            log.info("The release commit " + state.commit.substring(0, 7) + " was rebased onto new commits (as 'git pull --rebase' does)"
                    + " and is now " + tip.get().name().substring(0, 7) + ": that copy is dropped, the branch goes back to "
                    + parent.name().substring(0, 7));
            state.commit = tip.get().name();
            state.base = parent.name();
        });
    }

    /** Whether the release reached the remote: the push was recorded, or the remote has its tags or its commit. */
    private static boolean pushed(PrepareState state, ReleaseWriter writer, Map<String, ObjectId> remoteRefs) {
        if (state.isDone(PrepareState.PUSH_STEP)) {
            return true;
        }
        if (remoteRefs == null) {
            return false;
        }
        for (Map.Entry<String, String> tag : state.tags.entrySet()) {
            ObjectId there = remoteRefs.get(Constants.R_TAGS + tag.getKey());
            if (there != null && there.name().equals(tag.getValue())) {
                return true;
            }
        }
        ObjectId branch = remoteRefs.get(Constants.R_HEADS + state.branch);
        return branch != null && writer.isAncestor(ObjectId.fromString(state.commit), branch);
    }

    /** Before a reset: the branch is at the release commit (or already back), the tags and the files are as the release left them. */
    private static void checkReset(GitRepository git, ReleaseWriter writer, PrepareState state, List<String> problems) {
        ObjectId commit = ObjectId.fromString(state.commit);
        ObjectId base = ObjectId.fromString(state.base);
        Optional<ObjectId> branch = writer.ref(Constants.R_HEADS + state.branch);
        if (branch.isEmpty() || !(branch.get().equals(commit) || branch.get().equals(base))) {
            problems.add("Branch '" + state.branch + "' has moved on from the release commit " + state.commit.substring(0, 7)
                    + (branch.map(b -> " (it is at " + b.name().substring(0, 7) + ")").orElse(""))
                    + ": moving it back would drop the commits made since. Undo the release by hand: 'git revert "
                    + state.commit.substring(0, 7) + "' and 'git tag -d " + String.join(" ", state.tags.keySet()) + "'");
        }
        checkTags(writer, state, problems);
        Map<String, byte[]> released = writer.contents(commit, state.paths);
        Map<String, byte[]> before = writer.contents(base, state.paths);
        List<String> changed = new ArrayList<>();
        for (String path : state.paths) {
            byte[] now = workTreeFile(git.workTree(), path);
            if (!Arrays.equals(now, released.get(path)) && !Arrays.equals(now, before.get(path))) {
                changed.add(path);
            }
        }
        if (!changed.isEmpty()) {
            problems.add("Changed since the release: " + String.join(", ", changed) + ". Rollback gives these files their content from before"
                    + " the release and would lose the changes: commit or stash them first");
        }
    }

    /** Before a revert: the branch here and on the remote agree, and nothing since the release touched its files. */
    private static void checkRevert(ReleaseWriter writer, PrepareState state, Map<String, ObjectId> remoteRefs, List<String> problems) {
        ObjectId commit = ObjectId.fromString(state.commit);
        Optional<ObjectId> local = writer.ref(Constants.R_HEADS + state.branch);
        ObjectId there = remoteRefs == null ? null : remoteRefs.get(Constants.R_HEADS + state.branch);
        if (remoteRefs == null) {
            problems.add("The release " + String.join(", ", state.tags.keySet()) + " was pushed to remote '" + state.remote
                    + "', which is no longer configured: add it again (git remote add " + state.remote + " URL) so that rollback can revert"
                    + " the release there");
            return;
        }
        if (local.isEmpty() || there == null || !local.get().equals(there)) {
            problems.add("Branch '" + state.branch + "' here (" + local.map(id -> id.name().substring(0, 7)).orElse("missing") + ") and on "
                    + state.remote + " (" + (there == null ? "missing" : there.name().substring(0, 7)) + ") differ: bring them level"
                    + " (git pull --ff-only, or push your commits) and run rollback again, so that the revert goes on top of what "
                    + state.remote + " has");
            return;
        }
        ObjectId tip = local.get();
        if (!writer.isAncestor(commit, tip)) {
            problems.add("The release commit " + state.commit.substring(0, 7) + " is no longer on branch '" + state.branch + "'");
            return;
        }
        Map<String, byte[]> released = writer.contents(commit, state.paths);
        Map<String, byte[]> current = writer.contents(tip, state.paths);
        List<String> touched = state.paths.stream().filter(p -> !Arrays.equals(released.get(p), current.get(p))).toList();
        if (!touched.isEmpty()) {
            problems.add("Commits after the release changed " + String.join(", ", touched) + ": reverting the release would undo them too."
                    + " Revert it by hand ('git revert " + state.commit.substring(0, 7) + "', resolving the conflicts) and delete the tags"
                    + " ('git push " + state.remote + " --delete " + String.join(" ", state.tags.keySet()) + "')");
        }
        List<String> dirty = writer.differingFromWorkTree(tip, state.paths);
        if (!dirty.isEmpty()) {
            problems.add("Uncommitted changes to " + String.join(", ", dirty) + ": commit or stash them first");
        }
        checkTags(writer, state, problems);
        for (Map.Entry<String, String> tag : state.tags.entrySet()) {
            ObjectId remoteTag = remoteRefs.get(Constants.R_TAGS + tag.getKey());
            if (remoteTag != null && !remoteTag.name().equals(tag.getValue())) {
                problems.add("Tag " + tag.getKey() + " on " + state.remote + " is not the one this release made (it points at "
                        + remoteTag.name().substring(0, 7) + "): rollback leaves tags it did not make alone; sort it out by hand");
            }
        }
    }

    private static void checkTags(ReleaseWriter writer, PrepareState state, List<String> problems) {
        for (Map.Entry<String, String> tag : state.tags.entrySet()) {
            Optional<ObjectId> here = writer.ref(Constants.R_TAGS + tag.getKey());
            if (here.isPresent() && !here.get().name().equals(tag.getValue())) {
                problems.add("Tag " + tag.getKey() + " was replaced since the release (it points at " + here.get().name().substring(0, 7)
                        + "): rollback deletes only the tags it made; delete or keep it by hand");
            }
        }
    }

    private static byte[] workTreeFile(Path root, String path) {
        Path file = root.resolve(path);
        try {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The release's local tags that still point at the tag objects it made. */
    static Map<String, ObjectId> ownTags(ReleaseWriter writer, PrepareState state) {
        Map<String, ObjectId> own = new LinkedHashMap<>();
        state.tags.forEach((name, id) -> writer.ref(Constants.R_TAGS + name).filter(t -> t.name().equals(id)).ifPresent(t -> own.put(name, t)));
        return own;
    }

    /** Pushed: a new commit on the branch reverts the release commit, and the local tags are deleted, in one atomic ref update. */
    private final class RevertStep extends LocalStep {
        private final GitRepository git;
        private final ReleaseWriter writer;
        private final PrepareState state;

        RevertStep(GitRepository git, ReleaseWriter writer, PrepareState state) {
            this.git = git;
            this.writer = writer;
            this.state = state;
        }

        @Override
        public String name() {
            return "rollback-revert";
        }

        @Override
        protected boolean isDone() {
            if (state.revert == null) {
                return false;
            }
            Optional<ObjectId> branch = writer.ref(Constants.R_HEADS + state.branch);
            return branch.isPresent() && writer.isAncestor(ObjectId.fromString(state.revert), branch.get()) && ownTags(writer, state).isEmpty();
        }

        private String message() {
            return "Revert \"" + writer.subject(ObjectId.fromString(state.commit)) + "\"\n\nThis reverts commit " + state.commit + ".\n";
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("Would commit on " + state.branch + ":\n" + message().strip() + "\nchanging " + String.join(", ", state.paths)
                    + " back, and delete the local tag" + (state.tags.size() == 1 ? " " : "s ") + String.join(", ", state.tags.keySet()));
        }

        @Override
        protected void apply() {
            ObjectId tip = writer.ref(Constants.R_HEADS + state.branch).orElseThrow();
            Map<String, byte[]> before = writer.contents(ObjectId.fromString(state.base), state.paths);
            Map<String, byte[]> files = new LinkedHashMap<>();
            state.paths.forEach(p -> files.put(p, before.get(p)));
            ObjectId revert = writer.writeCommit(tip, files, message(), writer.identity());
            state.revert = revert.name();
            // recorded before the refs move, so that a run cut short here is recognised and resumed
            state.movingRefs(git.gitDirectory(), () -> writer.moveBranchDeletingTags(state.branch, tip, revert, ownTags(writer, state),
                    "brokle-release rollback: revert " + String.join(", ", state.tags.keySet())));
            log.info("Committed the revert " + revert.name().substring(0, 7) + " and deleted the local tag"
                    + (state.tags.size() == 1 ? " " : "s ") + String.join(", ", state.tags.keySet()));
        }
    }

    /** The revert and the deletion of the remote tags, in one atomic push. */
    private final class PushRevertStep extends LocalStep {
        private final GitRepository git;
        private final ReleaseWriter writer;
        private final RemotePush remote;
        private final PrepareState state;

        PushRevertStep(GitRepository git, ReleaseWriter writer, RemotePush remote, PrepareState state) {
            this.git = git;
            this.writer = writer;
            this.remote = remote;
            this.state = state;
        }

        private List<String> tagRefs() {
            return state.tags.keySet().stream().map(t -> Constants.R_TAGS + t).toList();
        }

        @Override
        public String name() {
            return "rollback-push";
        }

        @Override
        protected boolean isDone() {
            if (state.revert == null) {
                return false;
            }
            Map<String, ObjectId> refs = remote.refs();
            ObjectId branch = refs.get(Constants.R_HEADS + state.branch);
            return branch != null && writer.isAncestor(ObjectId.fromString(state.revert), branch) && tagRefs().stream().noneMatch(refs::containsKey);
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("Would push the revert to " + state.branch + " and delete the tag" + (state.tags.size() == 1 ? " " : "s ")
                    + String.join(", ", state.tags.keySet()) + " from " + git.describeRemote(state.remote) + " in one atomic push");
        }

        @Override
        protected void apply() {
            try {
                remote.pushAtomically(List.of(Constants.R_HEADS + state.branch), tagRefs());
            } catch (RuntimeException e) {
                throw new ReleaseError(e.getMessage() + "\nThe revert is committed and the tags are deleted locally; " + state.remote
                        + " still has the release: fix the cause and run rollback again to finish", e);
            }
            log.info("Pushed the revert to " + state.branch + " and deleted " + String.join(", ", state.tags.keySet()) + " from "
                    + git.describeRemote(state.remote));
        }
    }
}
