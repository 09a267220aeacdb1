package ai.brokle.release.maven;

import ai.brokle.release.workflow.NextVersionWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints each component's current and next version, its tag, the bump and the commit that decided
 * it; writes the plan as JSON ({@code brokle.planFile}) and, under GitHub Actions, as step outputs.
 */
@Mojo(name = "next-version", requiresProject = false, aggregator = true, threadSafe = true)
public class NextVersionMojo extends AbstractReleaseMojo {
    /** Force a bump instead of inferring it from commits: major, minor, patch or promote. */
    @Parameter(property = "brokle.bump")
    private String bump;

    /** Release on this pre-release channel (alpha, beta, rc, or any identifier): 1.3.0-beta.1. */
    @Parameter(property = "brokle.prerelease")
    private String prerelease;

    /** Release exactly this version; it must be greater than the component's latest release. */
    @Parameter(property = "brokle.releaseVersion")
    private String releaseVersion;

    /** Write the plan as JSON to this file. */
    @Parameter(property = "brokle.planFile")
    private File planFile;

    @Override
    protected void run(ReleaseOptions options) {
        new NextVersionWorkflow(options.withBump(bump).withPrerelease(prerelease).withReleaseVersion(releaseVersion)
                .withPlanFile(planFile == null ? null : planFile.toPath())).execute();
    }
}
