package ai.brokle.release.maven;

import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.SubmoduleOptions;
import ai.brokle.release.goal.SubmoduleWorkflow;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes docs/SDK_COMPATIBILITY.md from the platform's release tags and the SDK commits their submodules record. */
@Mojo(name = "compatibility-matrix", requiresProject = false, aggregator = true, threadSafe = true)
public class CompatibilityMatrixMojo extends AbstractReleaseMojo {
    /** Fail when the file is out of date instead of writing it (for CI). */
    @Parameter(property = Properties.CHECK, defaultValue = "false")
    private boolean check;

    /** The file to write (the repository's docs/SDK_COMPATIBILITY.md by default). */
    @Parameter(property = Properties.OUTPUT, defaultValue = SubmoduleOptions.DEFAULT_OUTPUT)
    private File output;

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(options).withCheck(check).withOutput(output == null ? null : output.getPath())).matrix();
    }
}
