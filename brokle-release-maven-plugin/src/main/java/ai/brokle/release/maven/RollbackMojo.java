package ai.brokle.release.maven;

import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.RollbackOptions;
import ai.brokle.release.goal.RollbackWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Undoes the last prepare of this clone. Not pushed: the release commit is reset and the local
 * tags deleted. Pushed but nothing published from the tags: the release commit is reverted by a
 * new commit and the tags are deleted here and on the remote, in one atomic push. Once anything was
 * published from a tag, it refuses and says what to do instead.
 */
@Mojo(name = "rollback", requiresProject = false, aggregator = true, threadSafe = true)
public class RollbackMojo extends AbstractRemoteMojo {
    /** Print what would be undone, and change nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected void run(ReleaseOptions options) {
        new RollbackWorkflow(new RollbackOptions(options, dryRun)).execute();
    }
}
