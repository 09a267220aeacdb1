package ai.brokle.release.maven;

import ai.brokle.release.workflow.ReleaseOptions;
import ai.brokle.release.workflow.ValidateWorkflow;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks that a release could start now: valid configuration, clean work tree, on the release
 * branch and not behind it, full history, next tags free locally and on the remote, version files
 * and changelog in step with the current release. On a tag push (GITHUB_REF names the tag HEAD is
 * at), the tag's commit must be on the release branch instead. Reports every problem in one failure.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, aggregator = true, threadSafe = true)
public class ValidateMojo extends AbstractVersionMojo {
    /** The branch releases are made from; overrides releaseBranch in .brokle-release.yml. */
    @Parameter(property = "brokle.releaseBranch")
    private String releaseBranch;

    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate the
     * look-up of tags on the remote. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN.
     */
    @Parameter(property = "brokle.gitServerId")
    private String gitServerId;

    @Component
    private SettingsDecrypter decrypter;

    @Override
    protected void run(ReleaseOptions options) {
        ReleaseOptions withCredentials = GitServer.apply(options, gitServerId, session.getSettings(), decrypter);
        new ValidateWorkflow(withVersionRequest(withCredentials).withReleaseBranch(releaseBranch)).execute();
    }
}
