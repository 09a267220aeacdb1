package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * For pull-request CI: lists what a release would bump from the change files, and fails when a
 * package changed since the base branch (baseBranch in .changeset/config.json) has no change file.
 */
@Mojo(name = "changeset-status", requiresProject = false, aggregator = true, threadSafe = true)
public class ChangesetStatusMojo extends AbstractReleaseMojo {
    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).status();
    }
}
