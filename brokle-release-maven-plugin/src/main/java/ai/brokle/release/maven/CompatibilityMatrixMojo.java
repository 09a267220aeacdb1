package ai.brokle.release.maven;

import ai.brokle.release.submodules.SubmoduleOptions;
import ai.brokle.release.submodules.SubmoduleWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes docs/SDK_COMPATIBILITY.md from the platform's release tags and the SDK commits their submodules record. */
@Mojo(name = "compatibility-matrix", requiresProject = false, aggregator = true, threadSafe = true)
public class CompatibilityMatrixMojo extends AbstractReleaseMojo {
    /** Fail when the file is out of date instead of writing it (for CI). */
    @Parameter(property = "brokle.check", defaultValue = "false")
    private boolean check;

    /** The file, relative to the repository root. */
    @Parameter(property = "brokle.output", defaultValue = SubmoduleOptions.DEFAULT_OUTPUT)
    private String output;

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(options).withCheck(check).withOutput(output)).matrix();
    }
}
