package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.PerformOptions;
import ai.brokle.release.goal.PublishPypiWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads the Python distributions (dist/*.whl, dist/*.tar.gz) of a release tag: stable versions
 * to the index (PyPI), pre-releases to the test index (TestPyPI). Trusted Publishing in GitHub
 * Actions, else a token.
 */
@Mojo(name = "publish-pypi", requiresProject = false, aggregator = true, threadSafe = true)
public class PublishPypiMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** Print what would be uploaded after checking it, and upload nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the package index's API token; without it, Trusted Publishing or PYPI_TOKEN. */
    @Parameter(property = Properties.PYPI_SERVER_ID)
    private String pypiServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(super.credentials(base, servers), Credentials.Purpose.PYPI, Properties.PYPI_SERVER_ID, pypiServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new PublishPypiWorkflow(PerformOptions.of(options).withTag(tag).withDryRun(dryRun), System.out).execute();
    }
}
