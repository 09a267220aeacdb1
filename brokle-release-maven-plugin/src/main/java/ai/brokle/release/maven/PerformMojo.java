package ai.brokle.release.maven;

import ai.brokle.release.workflow.PerformOptions;
import ai.brokle.release.workflow.PerformWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Publishes a release from its tag, in CI: the Python distributions and npm packages, the
 * container images, the GitHub release (draft, assets and SHA256SUMS, then public), repository
 * dispatches, then Slack and Discord notifications. Re-running after a failure completes what is
 * missing and repeats nothing.
 */
@Mojo(name = "perform", requiresProject = false, aggregator = true, threadSafe = true)
public class PerformMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = "brokle.tag")
    private String tag;

    /** Steps to leave out, comma-separated: pypi, npm, images, github-release, dispatch, slack, discord ("true" skips the goal). */
    @Parameter(property = "brokle.skip")
    private String skipSteps;

    /** Print what every step would send, and send nothing. */
    @Parameter(property = "brokle.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = "brokle.githubServerId")
    private String githubServerId;

    /** The id of a settings.xml server whose password is the package index's API token; without it, Trusted Publishing or PYPI_TOKEN. */
    @Parameter(property = "brokle.pypiServerId")
    private String pypiServerId;

    /** The id of a settings.xml server whose password is the npm token; without it, NPM_TOKEN or NODE_AUTH_TOKEN. */
    @Parameter(property = "brokle.npmServerId")
    private String npmServerId;

    /** The npm dist-tag; without it, the version's own. */
    @Parameter(property = "brokle.distTag")
    private String distTag;

    @Override
    protected void run(ReleaseOptions options) {
        new PerformWorkflow(PerformOptions.of(withGitServer(options)).withTag(tag)
                .withSkip(skipSteps).withDryRun(dryRun)
                .withGithubToken(token("brokle.githubServerId", githubServerId, GitServer.GITHUB))
                .withPypiToken(token("brokle.pypiServerId", pypiServerId, GitServer.PACKAGE_INDEX))
                .withNpm(token("brokle.npmServerId", npmServerId, GitServer.NPM), distTag)
                .withRegistryServers(registryServers()), System.out).execute();
    }
}
