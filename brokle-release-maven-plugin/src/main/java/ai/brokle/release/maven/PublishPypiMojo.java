package ai.brokle.release.maven;

import ai.brokle.release.workflow.PerformOptions;
import ai.brokle.release.workflow.PublishPypiWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
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
    @Parameter(property = "brokle.tag")
    private String tag;

    /** Check and print what would be uploaded, and upload nothing. */
    @Parameter(property = "brokle.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the index's API token; without it, Trusted Publishing or PYPI_TOKEN. */
    @Parameter(property = "brokle.pypiServerId")
    private String pypiServerId;

    @Override
    protected void run(ReleaseOptions options) {
        new PublishPypiWorkflow(PerformOptions.of(withGitServer(options)).withTag(tag).withDryRun(dryRun)
                .withPypiToken(token("brokle.pypiServerId", pypiServerId, GitServer.PACKAGE_INDEX)), System.out).execute();
    }
}
