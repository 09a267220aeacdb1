package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;

/** Leaves pre-release mode: the next changeset-version makes the packages changed in it stable. */
@Mojo(name = "pre-exit", requiresProject = false, aggregator = true, threadSafe = true)
public class PreExitMojo extends AbstractReleaseMojo {
    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).preExit();
    }
}
