package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.ValidateWorkflow;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that a release could start now: valid configuration, clean work tree, on the release
 * branch and not behind it, full history, next tags free locally and on the remote, version files
 * and changelog in step with the current release. On a tag push (GITHUB_REF names the tag HEAD is
 * at), the tag's commit must be on the release branch instead. Reports every problem in one failure.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, aggregator = true, threadSafe = true)
public class ValidateMojo extends AbstractVersionMojo {
    /** The branch releases are made from; overrides releaseBranch in .brokle-release.yml. */
    @Parameter(property = Properties.RELEASE_BRANCH)
    private String releaseBranch;

    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate the
     * look-up of tags on the remote. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN.
     */
    @Parameter(property = Properties.GIT_SERVER_ID)
    private String gitServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(base, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, gitServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new ValidateWorkflow(withVersionRequest(options).withReleaseBranch(releaseBranch)).execute();
    }
}
