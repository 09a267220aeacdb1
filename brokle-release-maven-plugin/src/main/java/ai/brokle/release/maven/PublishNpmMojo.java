package ai.brokle.release.maven;

import ai.brokle.release.workflow.PerformOptions;
import ai.brokle.release.workflow.PublishNpmWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes the npm package, or every non-private workspace package in dependency order, of a
 * release tag, under the dist-tag its version calls for (latest, or the pre-release channel).
 */
@Mojo(name = "publish-npm", requiresProject = false, aggregator = true, threadSafe = true)
public class PublishNpmMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = "brokle.tag")
    private String tag;

    /** The dist-tag; without it, latest for a stable version and the pre-release channel (alpha, beta, rc, next) otherwise. */
    @Parameter(property = "brokle.distTag")
    private String distTag;

    /** Check and print what would be published, and publish nothing. */
    @Parameter(property = "brokle.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the npm token; without it, NPM_TOKEN or NODE_AUTH_TOKEN. */
    @Parameter(property = "brokle.npmServerId")
    private String npmServerId;

    @Override
    protected void run(ReleaseOptions options) {
        new PublishNpmWorkflow(PerformOptions.of(withGitServer(options)).withTag(tag).withDryRun(dryRun)
                .withNpm(token("brokle.npmServerId", npmServerId, GitServer.NPM), distTag)).execute();
    }
}
