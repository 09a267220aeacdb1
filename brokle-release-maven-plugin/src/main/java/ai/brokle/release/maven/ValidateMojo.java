package ai.brokle.release.maven;

import ai.brokle.release.workflow.ReleaseOptions;
import ai.brokle.release.workflow.ValidateWorkflow;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that a release could start now: valid configuration, clean work tree, on the release
 * branch and not behind it, full history, next tags free locally and on the remote, version files
 * and changelog in step with the current release. Reports every problem in one failure.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, aggregator = true, threadSafe = true)
public class ValidateMojo extends AbstractVersionMojo {
    /** The branch releases are made from; overrides releaseBranch in .brokle-release.yml. */
    @Parameter(property = "brokle.releaseBranch")
    private String releaseBranch;

    @Override
    protected void run(ReleaseOptions options) {
        new ValidateWorkflow(withVersionRequest(options).withReleaseBranch(releaseBranch)).execute();
    }
}
