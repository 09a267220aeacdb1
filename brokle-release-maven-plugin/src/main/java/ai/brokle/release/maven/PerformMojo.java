package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.PerformOptions;
import ai.brokle.release.goal.PerformWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
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
    @Parameter(property = Properties.TAG)
    private String tag;

    /** Steps of perform to leave out, comma-separated: pypi, npm, images, github-release, dispatch, slack, discord, email. */
    @Parameter(property = Properties.PERFORM_SKIP_STEPS)
    private String skipSteps;

    /** Print what every step would send, and send nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = Properties.GITHUB_SERVER_ID)
    private String githubServerId;

    /** The id of a settings.xml server whose password is the package index's API token; without it, Trusted Publishing or PYPI_TOKEN. */
    @Parameter(property = Properties.PYPI_SERVER_ID)
    private String pypiServerId;

    /** The id of a settings.xml server whose password is the npm token; without it, NPM_TOKEN or NODE_AUTH_TOKEN. */
    @Parameter(property = Properties.NPM_SERVER_ID)
    private String npmServerId;

    /** The npm dist-tag; without it, the version's own. */
    @Parameter(property = Properties.DIST_TAG)
    private String distTag;

    /** The steps to leave out; a list given as brokle.skip (its old name here) still counts, with a warning. */
    private String skipSteps() {
        if (skipSteps != null) {
            return skipSteps;
        }
        String old = session.getUserProperties().getProperty(Properties.SKIP);
        if (old == null || old.isBlank() || old.trim().equalsIgnoreCase("true") || old.trim().equalsIgnoreCase("false")) {
            return null;
        }
        return renamed("perform", Properties.SKIP, Properties.PERFORM_SKIP_STEPS);
    }

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        Credentials withGit = super.credentials(base, servers);
        Credentials withGitHub = servers.named(withGit, Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID, githubServerId);
        return servers.named(servers.named(withGitHub, Credentials.Purpose.PYPI, Properties.PYPI_SERVER_ID, pypiServerId),
                Credentials.Purpose.NPM, Properties.NPM_SERVER_ID, npmServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new PerformWorkflow(PerformOptions.of(options).withTag(tag).withSkip(skipSteps()).withDryRun(dryRun).withDistTag(distTag), System.out)
                .execute();
    }
}
