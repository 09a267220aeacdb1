package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Versions the workspace packages from the change files as {@code changeset version} does: new
 * versions, fixed and linked groups, dependents, ranges, a CHANGELOG.md section per package;
 * consumed change files are deleted (kept while in pre-release mode).
 */
@Mojo(name = "changeset-version", requiresProject = false, aggregator = true, threadSafe = true)
public class ChangesetVersionMojo extends AbstractReleaseMojo {
    /** Print the versions and the files it would write, and change nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).version(ai.brokle.release.plan.Mode.of(dryRun));
    }
}
