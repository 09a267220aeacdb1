package ai.brokle.release.maven;

import ai.brokle.release.workflow.PerformOptions;
import ai.brokle.release.workflow.PerformWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Publishes a release from its tag, in CI: the Python distributions and npm packages, the
 * container images, the GitHub release (draft, assets and SHA256SUMS, then public), repository
 * dispatches, then Slack and Discord notifications. Re-running after a failure completes what is
 * missing and repeats nothing.
 */
@Mojo(name = "perform", requiresProject = false, aggregator = true, threadSafe = true)
public class PerformMojo extends AbstractReleaseMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = "brokle.tag")
    private String tag;

    /** Steps to leave out, comma-separated: pypi, npm, github-release, dispatch, slack, discord ("true" skips the goal). */
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

    /** The id of a settings.xml server that authenticates pushes of the publication record; without it, the environment's. */
    @Parameter(property = "brokle.gitServerId")
    private String gitServerId;

    @Component
    private SettingsDecrypter decrypter;

    @Override
    protected void run(ReleaseOptions options) {
        new PerformWorkflow(PerformOptions.of(GitServer.apply(options, gitServerId, session.getSettings(), decrypter)).withTag(tag)
                .withSkip(skipSteps).withDryRun(dryRun)
                .withGithubToken(GitServer.token("brokle.githubServerId", githubServerId, session.getSettings(), decrypter))
                .withPypiToken(GitServer.token("brokle.pypiServerId", pypiServerId, session.getSettings(), decrypter))
                .withNpm(GitServer.token("brokle.npmServerId", npmServerId, session.getSettings(), decrypter), distTag)
                .withRegistryServers(GitServer.registries(session.getSettings(), decrypter)), System.out).execute();
    }
}
