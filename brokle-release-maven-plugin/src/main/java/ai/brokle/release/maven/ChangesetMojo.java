package ai.brokle.release.maven;

import ai.brokle.release.workflow.ChangesetWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds a change file (Changesets format) to {@code .changeset/} without prompts, under a readable
 * random name. Run in the workspace root.
 */
@Mojo(name = "changeset", requiresProject = false, aggregator = true, threadSafe = true)
public class ChangesetMojo extends AbstractReleaseMojo {
    /** The packages the change releases, comma-separated: brokle,brokle-openai. */
    @Parameter(property = "brokle.packages")
    private String packages;

    /** How far the change moves them: major, minor or patch. */
    @Parameter(property = "brokle.bump")
    private String bump;

    /** The changelog text of the change (Markdown). */
    @Parameter(property = "brokle.summary")
    private String summary;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).add(packages, bump, summary);
    }
}
