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
public class ValidateMojo extends AbstractReleaseMojo {
    /** Force a bump instead of inferring it from commits: major, minor, patch or promote. */
    @Parameter(property = "brokle.bump")
    private String bump;

    /** Validate for a release on this pre-release channel. */
    @Parameter(property = "brokle.prerelease")
    private String prerelease;

    /** Validate for a release of exactly this version. */
    @Parameter(property = "brokle.releaseVersion")
    private String releaseVersion;

    /** The branch releases are made from; overrides releaseBranch in .brokle-release.yml. */
    @Parameter(property = "brokle.releaseBranch")
    private String releaseBranch;

    @Override
    protected void run(ReleaseOptions options) {
        new ValidateWorkflow(options.withBump(bump).withPrerelease(prerelease).withReleaseVersion(releaseVersion)
                .withReleaseBranch(releaseBranch)).execute();
    }
}
