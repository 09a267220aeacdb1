package ai.brokle.release.maven;

import ai.brokle.release.goal.NextVersionWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints each component's current and next version, its tag, the bump and the commit that decided
 * it; writes the plan as JSON ({@code brokle.planFile}) and, under GitHub Actions, as step outputs.
 */
@Mojo(name = "next-version", requiresProject = false, aggregator = true, threadSafe = true)
public class NextVersionMojo extends AbstractVersionMojo {
    /** Write the plan as JSON to this file. */
    @Parameter(property = Properties.PLAN_FILE)
    private File planFile;

    @Override
    protected void run(ReleaseOptions options) {
        new NextVersionWorkflow(withVersionRequest(options).withPlanFile(planFile == null ? null : planFile.toPath())).execute();
    }
}
