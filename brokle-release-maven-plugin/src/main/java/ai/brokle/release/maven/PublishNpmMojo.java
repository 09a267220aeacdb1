package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.PerformOptions;
import ai.brokle.release.goal.PublishNpmWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the npm package, or every non-private workspace package in dependency order, of a
 * release tag, under the dist-tag its version calls for (latest, or the pre-release channel).
 */
@Mojo(name = "publish-npm", requiresProject = false, aggregator = true, threadSafe = true)
public class PublishNpmMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** The npm dist-tag; without it, latest for a stable version and the pre-release channel (alpha, beta, rc, next) otherwise. */
    @Parameter(property = Properties.DIST_TAG)
    private String distTag;

    /** Print what would be published after checking it, and publish nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the npm token; without it, NPM_TOKEN or NODE_AUTH_TOKEN. */
    @Parameter(property = Properties.NPM_SERVER_ID)
    private String npmServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(super.credentials(base, servers), Credentials.Purpose.NPM, Properties.NPM_SERVER_ID, npmServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new PublishNpmWorkflow(PerformOptions.of(options).withTag(tag).withDryRun(dryRun).withDistTag(distTag)).execute();
    }
}
