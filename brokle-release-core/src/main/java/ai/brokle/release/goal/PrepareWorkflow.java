package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.files.FileChange;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.LocalStep;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.PrepareJournal;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.plan.RunLock;
import ai.brokle.release.plan.Step;
import ai.brokle.release.text.Utf8;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The {@code prepare} goal: the local half of a release. Checks everything {@code validate}
 * checks against the next versions, then sets the version files, updates the changelogs, makes
 * one release commit with one annotated tag per released component (the release notes as its
 * message), and pushes the branch and the tags in one atomic push.
 *
 * <p>It never leaves half a release: the commit and the tags appear in one atomic ref update, after
 * which the repository holds the whole local release; a re-run resumes from the state kept in
 * {@code .git/brokle-release/prepare.json} and never makes a second commit or tag.
 */
public final class PrepareWorkflow {
    private static final int REMOTE_TIMEOUT_SECONDS = 60;

    private final PrepareOptions options;
    private final ReleaseLog log;
    /** The tags this run makes, for a dry run's account of the push. */
    private final List<String> plannedTags = new ArrayList<>();

    public PrepareWorkflow(PrepareOptions options) {
        this.options = options;
        this.log = options.release().log();
    }

    public void execute() {
        Instant start = Instant.now();
        try (GitRepository git = GitRepository.open(options.release().baseDirectory());
                RunLock lock = options.mode() == Mode.EXECUTE ? RunLock.take(git.gitDirectory(), "prepare") : null) {
            ReleaseWriter writer = new ReleaseWriter(git);
            Optional<PrepareState> saved = PrepareState.read(git.gitDirectory());
            ReleaseStateLocks.clear(git, saved, start, "prepare", options.mode(), log);
            PrepareState state;
            ReleaseDraft draft = null;
            if (saved.isPresent() && saved.get().rollback != null) {
                throw new ReleaseFailure("A rollback of " + String.join(", ", saved.get().tags.keySet()) + " is under way: run rollback again"
                        + " to finish it, then prepare");
            }
            if (saved.isPresent() && resumable(saved.get(), writer) && options.push() && remake(git, writer, saved.get())) {
                saved = Optional.empty();
            }
            if (saved.isPresent() && resumable(saved.get(), writer)) {
                state = saved.get();
                checkResume(git, state);
                log.info("Resuming the release " + String.join(", ", state.tags.keySet()) + " (release commit "
                        + state.commit.substring(0, 7) + "): " + (state.isDone(PrepareState.PUSH_STEP) ? "pushed already" : "not pushed yet"));
            } else {
                ReleaseChecks.Checked checked = new ReleaseChecks(options.release()).check(git);
                List<String> problems = new ArrayList<>(checked.problems());
                List<Integer> releasing = new ArrayList<>();
                for (int i = 0; i < checked.plans().size(); i++) {
                    if (checked.plans().get(i).releases()) {
                        releasing.add(i);
                    }
                }
                if (problems.isEmpty() && releasing.isEmpty()) {
                    log.info("Nothing to release: no commit since the latest release of "
                            + String.join(", ", checked.components().stream().map(ComponentConfig::name).toList())
                            + " warrants one (use brokle.bump or brokle.releaseVersion to release anyway)");
                    return;
                }
                ReleaseConfig config = checked.config();
                if (options.push() && options.release().offline()) {
                    problems.add("Maven runs offline (-o), and prepare pushes the release: run it without -o, or stop before the push with"
                            + " -Dbrokle.push=false");
                }
                if (config != null && options.push() && !git.hasRemote(config.remote())) {
                    problems.add("No remote '" + config.remote() + "' is configured to push the release to: add it ('git remote add "
                            + config.remote() + " URL'), set 'remote' in " + ReleaseConfig.FILE_NAME + ", or stop before the push with"
                            + " -Dbrokle.push=false");
                }
                state = new PrepareState();
                if (problems.isEmpty()) {
                    draft = ReleaseDraft.of(options.release(), git, checked, releasing, problems);
                    state.versions.putAll(draft.versions());
                    draft.changes().forEach(c -> state.paths.add(c.path()));
                    plannedTags.addAll(draft.tagMessages().keySet());
                }
                if (!problems.isEmpty()) {
                    throw checked.failure("Cannot prepare the release (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                            + "); nothing was changed", problems);
                }
                state.branch = git.currentBranch().orElseThrow();
                state.remote = config.remote();
                state.base = git.head().orElseThrow().name();
            }
            List<Step> steps = new ArrayList<>();
            steps.add(new CommitStep(git, writer, state, draft));
            steps.add(new WorkTreeStep(writer, state));
            if (options.push()) {
                steps.add(new PushStep(git, state));
            }
            new Plan(steps, new PrepareJournal(state, git.gitDirectory()), log).run(options.mode());
            if (options.mode() == Mode.SIMULATE) {
                log.info("Dry run: nothing was changed");
            } else if (!options.push()) {
                log.info("Released " + String.join(", ", state.tags.keySet()) + " locally; stopped before the push (brokle.push=false)."
                        + " Run prepare again to push it, or rollback to undo it");
            } else {
                log.info("Released " + String.join(", ", state.tags.keySet()) + " and pushed to " + git.describeRemote(state.remote));
            }
        }
    }

    /**
     * An unpushed release whose branch moved on, on the remote, since it was made (the push was
     * refused as not a fast-forward): it is made again on top of the remote's commits. The local
     * release commit and tags (never pushed) are dropped, the branch is fast-forwarded to the
     * remote's and the caller prepares afresh. True when it was dropped; a dry run only says so.
     */
    private boolean remake(GitRepository git, ReleaseWriter writer, PrepareState state) {
        if (!git.hasRemote(state.remote)) {
            return false;
        }
        RemotePush remote = new RemotePush(git, state.remote, GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS);
        Map<String, ObjectId> refs = remote.refs();
        ObjectId there = refs.get(Constants.R_HEADS + state.branch);
        ObjectId commit = ObjectId.fromString(state.commit);
        ObjectId base = ObjectId.fromString(state.base);
        if (there == null || there.equals(commit) || writer.isAncestor(there, commit)) {
            return false;
        }
        String tags = String.join(", ", state.tags.keySet());
        List<String> problems = new ArrayList<>();
        state.tags.keySet().stream().filter(t -> refs.containsKey(Constants.R_TAGS + t)).forEach(t -> problems.add("The tag " + t
                + " exists on " + git.describeRemote(state.remote) + " already: someone released it meanwhile; drop this clone's release"
                + " with rollback and fetch theirs ('git fetch --tags')"));
        String tracking = Constants.R_REMOTES + state.remote + "/" + state.branch;
        if (problems.isEmpty()) {
            remote.fetchInto(Constants.R_HEADS + state.branch, tracking);
            if (!writer.isAncestor(base, there)) {
                problems.add("The remote's " + state.branch + " (" + there.name().substring(0, 7) + ") no longer contains "
                        + state.base.substring(0, 7) + ", the commit the release was made on (its history was rewritten): drop this"
                        + " clone's release with rollback, bring " + state.branch + " up to date, then prepare again");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot push the release " + tags + ": " + git.describeRemote(state.remote) + " has new commits on "
                    + state.branch, problems);
        }
        if (options.mode() == Mode.SIMULATE) {
            log.info("Remote " + git.describeRemote(state.remote) + " has new commits on " + state.branch + ": a real run drops the unpushed"
                    + " release " + tags + " and makes it again on top of them");
            return false;
        }
        log.info("Remote " + git.describeRemote(state.remote) + " has new commits on " + state.branch + " (" + there.name().substring(0, 7)
                + "): the unpushed release " + tags + " is dropped and made again on top of them");
        Map<String, ObjectId> own = new LinkedHashMap<>();
        state.tags.forEach((name, id) -> own.put(name, ObjectId.fromString(id)));
        state.movingRefs(git.gitDirectory(), () -> writer.moveBranchDeletingTags(state.branch, commit, base, own,
                "brokle-release prepare: drop " + tags + " to make it again on the remote's commits"));
        writer.checkOut(base, state.paths);
        PrepareState.delete(git.gitDirectory());
        writer.fastForward(state.branch, there);
        return true;
    }

    /** A saved state is resumed when its push is still to do, its release commit is where the branch is and its tags exist. */
    private static boolean resumable(PrepareState state, ReleaseWriter writer) {
        return !state.isDone(PrepareState.PUSH_STEP) && committed(state, writer);
    }

    /** Whether the release commit is where the branch is and its tags exist. */
    private static boolean committed(PrepareState state, ReleaseWriter writer) {
        if (state.commit == null || state.branch == null) {
            return false;
        }
        ObjectId commit = ObjectId.fromString(state.commit);
        if (!writer.ref(Constants.R_HEADS + state.branch).map(commit::equals).orElse(false)) {
            return false;
        }
        return state.tags.entrySet().stream().allMatch(t -> writer.ref(Constants.R_TAGS + t.getKey())
                .map(id -> id.name().equals(t.getValue())).orElse(false));
    }

    private void checkResume(GitRepository git, PrepareState state) {
        List<String> problems = new ArrayList<>();
        if (!git.currentBranch().map(state.branch::equals).orElse(false)) {
            problems.add("The release commit is on branch '" + state.branch + "': check it out to finish the release");
        }
        Set<String> unclean = new TreeSet<>(git.uncleanPaths());
        unclean.removeAll(state.paths);
        if (!unclean.isEmpty()) {
            problems.add("The work tree has uncommitted changes (" + String.join(", ", unclean) + "): commit or stash them, then run prepare"
                    + " again to finish the release");
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot finish the release " + String.join(", ", state.tags.keySet()), problems);
        }
    }

    /** The release commit and its tags: objects first, then the branch and every tag in one atomic ref update. */
    private final class CommitStep extends LocalStep {
        private final GitRepository git;
        private final ReleaseWriter writer;
        private final PrepareState state;
        private final ReleaseDraft draft;

        CommitStep(GitRepository git, ReleaseWriter writer, PrepareState state, ReleaseDraft draft) {
            this.git = git;
            this.writer = writer;
            this.state = state;
            this.draft = draft;
        }

        @Override
        public String name() {
            return PrepareState.COMMIT_STEP;
        }

        @Override
        protected boolean isDone() {
            return committed(state, writer);
        }

        @Override
        public void simulate(ReleaseLog out) {
            state.versions.forEach((component, version) -> out.info("Would release " + component + " " + version));
            for (FileChange change : draft.changes()) {
                out.info("Would change " + change.path() + ":\n" + change.unifiedDiff());
            }
            out.info("Would commit on " + state.branch + ":\n" + draft.message().strip());
            draft.tagMessages().forEach((tag, message) -> out.info("Would tag " + tag + " (annotated) with the release notes:\n" + message.strip()));
        }

        @Override
        protected void apply() {
            log.info("Releasing " + String.join(", ", draft.tagMessages().keySet()) + ": " + draft.changes().size() + " file"
                    + (draft.changes().size() == 1 ? "" : "s") + " to change on " + state.branch);
            PersonIdent who = writer.identity();
            ObjectId base = ObjectId.fromString(state.base);
            ObjectId commit = writer.writeCommit(base, draft.files(), draft.message(), who);
            Map<String, ObjectId> tags = new LinkedHashMap<>();
            draft.tagMessages().forEach((tag, message) -> tags.put(tag, writer.writeTag(commit, tag, message, who)));
            state.commit = commit.name();
            tags.forEach((tag, id) -> state.tags.put(tag, id.name()));
            // recorded before the refs move, so that a run cut short here is recognised and resumed
            state.movingRefs(git.gitDirectory(), () -> writer.moveRefs(state.branch, base, commit, tags, "brokle-release prepare: "
                    + String.join(", ", tags.keySet())));
            log.info("Committed " + draft.message().strip() + " (" + commit.name().substring(0, 7) + ") and tagged "
                    + String.join(", ", tags.keySet()));
        }
    }

    /** The work tree and index get the released files, as a checkout of the release commit would write them. */
    private final class WorkTreeStep extends LocalStep {
        private final ReleaseWriter writer;
        private final PrepareState state;

        WorkTreeStep(ReleaseWriter writer, PrepareState state) {
            this.writer = writer;
            this.state = state;
        }

        @Override
        public String name() {
            return PrepareState.WORK_TREE_STEP;
        }

        @Override
        protected boolean isDone() {
            return state.commit != null && writer.differingFromWorkTree(ObjectId.fromString(state.commit), state.paths).isEmpty();
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("Would write " + state.paths.size() + " file" + (state.paths.size() == 1 ? "" : "s") + " of the release commit into the"
                    + " work tree and index: " + String.join(", ", state.paths));
        }

        @Override
        protected void apply() {
            writer.checkOut(ObjectId.fromString(state.commit), state.paths);
        }
    }

    /** The branch and the tags go to the remote together or not at all. */
    private final class PushStep extends LocalStep {
        private final GitRepository git;
        private final PrepareState state;

        PushStep(GitRepository git, PrepareState state) {
            this.git = git;
            this.state = state;
        }

        private RemotePush remote() {
            return new RemotePush(git, state.remote, GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS);
        }

        private List<String> refs() {
            List<String> refs = new ArrayList<>();
            refs.add(Constants.R_HEADS + state.branch);
            state.tags.keySet().forEach(t -> refs.add(Constants.R_TAGS + t));
            return refs;
        }

        @Override
        public String name() {
            return PrepareState.PUSH_STEP;
        }

        @Override
        protected boolean isDone() {
            if (state.commit == null) {
                return false;
            }
            Map<String, ObjectId> remote = remote().refs();
            if (!state.commit.equals(name(remote.get(Constants.R_HEADS + state.branch)))) {
                return false;
            }
            return state.tags.entrySet().stream().allMatch(t -> t.getValue().equals(name(remote.get(Constants.R_TAGS + t.getKey()))));
        }

        private static String name(ObjectId id) {
            return id == null ? null : id.name();
        }

        @Override
        public void simulate(ReleaseLog out) {
            List<String> tags = state.tags.isEmpty() ? plannedTags : new ArrayList<>(state.tags.keySet());
            out.info("Would push " + state.branch + " and the tag" + (tags.size() == 1 ? " " : "s ") + String.join(", ", tags) + " to "
                    + git.describeRemote(state.remote) + " in one atomic push");
        }

        @Override
        protected void apply() {
            try {
                remote().pushAtomically(refs());
            } catch (RuntimeException e) {
                throw new ReleaseError(e.getMessage() + "\nThe release commit and its tags are kept locally: fix the cause"
                        + " and run prepare again to push them (when the remote has new commits, prepare makes the release again on top of"
                        + " them; do not pull first), or run rollback to undo the release", e);
            }
            log.info("Pushed " + state.branch + " and " + String.join(", ", state.tags.keySet()) + " to " + git.describeRemote(state.remote));
        }
    }
}
