package ai.brokle.release.goal;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.plan.LocalStep;
import ai.brokle.release.plan.PrepareState;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;

/** The released files in the work tree and index get the content of the commit the branch is now at. */
final class RollbackRestoreFilesStep extends LocalStep {
    private final ReleaseWriter writer;
    private final PrepareState state;
    private final Supplier<ObjectId> target;

    RollbackRestoreFilesStep(ReleaseWriter writer, PrepareState state, Supplier<ObjectId> target) {
        this.writer = writer;
        this.state = state;
        this.target = target;
    }

    @Override
    public String name() {
        return "rollback-files";
    }

    @Override
    protected boolean isDone() {
        ObjectId commit = target.get();
        return commit != null && writer.differingFromWorkTree(commit, state.paths).isEmpty();
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("Would give " + String.join(", ", state.paths) + " their content from before the release, in the work tree and index");
    }

    @Override
    protected void apply() {
        writer.checkOut(target.get(), state.paths);
    }
}
