package ai.brokle.release.goal;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.plan.LocalStep;
import ai.brokle.release.plan.PrepareState;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/** Not pushed: the branch back to where the release started and the tags deleted, in one atomic ref update. */
final class RollbackResetStep extends LocalStep {
    private final ReleaseWriter writer;
    private final PrepareState state;
    private final Path gitDirectory;

    RollbackResetStep(ReleaseWriter writer, PrepareState state, Path gitDirectory) {
        this.writer = writer;
        this.state = state;
        this.gitDirectory = gitDirectory;
    }

    @Override
    public String name() {
        return "rollback-reset";
    }

    @Override
    protected boolean isDone() {
        return writer.ref(Constants.R_HEADS + state.branch).map(b -> b.name().equals(state.base)).orElse(false)
                && RollbackWorkflow.ownTags(writer, state).isEmpty();
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("Would move " + state.branch + " back from the release commit " + state.commit.substring(0, 7) + " to "
                + state.base.substring(0, 7) + " and delete the local tag" + (state.tags.size() == 1 ? " " : "s ")
                + String.join(", ", state.tags.keySet()));
    }

    @Override
    protected void apply() {
        ObjectId from = writer.ref(Constants.R_HEADS + state.branch).orElseThrow();
        state.movingRefs(gitDirectory, () -> writer.moveBranchDeletingTags(state.branch, from, ObjectId.fromString(state.base),
                RollbackWorkflow.ownTags(writer, state), "brokle-release rollback: " + String.join(", ", state.tags.keySet())));
    }
}
