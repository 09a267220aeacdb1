package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds a change file (Changesets format) to {@code .changeset/} without prompts, under a readable
 * random name. Run in the workspace root.
 */
@Mojo(name = "changeset", requiresProject = false, aggregator = true, threadSafe = true)
public class ChangesetMojo extends AbstractReleaseMojo {
    /** The packages the change releases, comma-separated: brokle,brokle-openai. */
    @Parameter(property = Properties.PACKAGES)
    private String packages;

    /** The bump the change makes to its packages: major, minor or patch. */
    @Parameter(property = Properties.BUMP)
    private String bump;

    /** The changelog text of the change (Markdown). */
    @Parameter(property = Properties.SUMMARY)
    private String summary;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).add(packages, bump, summary);
    }
}
