package ai.brokle.release.maven;

import ai.brokle.release.goal.ChecklistWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the release checklist of the strategy for a release tag (platform, Python SDK or
 * JavaScript SDK) as Markdown: the items brokle-release can check ticked (changelog section,
 * version files, tag, release commit on the release branch, and what perform published), the
 * items the pipeline vouches for ticked, the others open. To a file, or to standard output and,
 * in GitHub Actions, the job summary.
 */
@Mojo(name = "checklist", requiresProject = false, aggregator = true, threadSafe = true)
public class ChecklistMojo extends AbstractReleaseMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** The checklist: platform, python or javascript; without it, python for a component with pypi settings, javascript for npm or changesets, else platform. */
    @Parameter(property = Properties.CHECKLIST)
    private String checklist;

    /** What this pipeline ran, comma-separated: each item with its job's or step's result (tests=${{ needs.test.result }}; only success ticks it), or a bare key a person vouches for (tests, ci, security, typecheck, ...). */
    @Parameter(property = Properties.PASSED)
    private String passed;

    /** The file to write; without it, standard output (and the job summary in GitHub Actions). */
    @Parameter(property = Properties.OUTPUT)
    private File output;

    @Override
    protected void run(ReleaseOptions options) {
        new ChecklistWorkflow(new ChecklistWorkflow.Options(options, tag, checklist, passed, output == null ? null : output.toPath()), System.out)
                .execute();
    }
}
