package ai.brokle.release.maven;

import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.SubmoduleOptions;
import ai.brokle.release.goal.SubmoduleWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that each SDK submodule records exactly a release tag of its SDK, one line per submodule,
 * without checking the submodules out; fails when one is not on a release.
 */
@Mojo(name = "validate-submodules", requiresProject = false, aggregator = true, threadSafe = true)
public class ValidateSubmodulesMojo extends AbstractReleaseMojo {
    /** Work on this submodule only (its path, or its sdk name). */
    @Parameter(property = Properties.SUBMODULE)
    private String submodule;

    /** Warn instead of failing. */
    @Parameter(property = Properties.WARN_ONLY, defaultValue = "false")
    private boolean warnOnly;

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(options).withSubmodule(submodule).withWarnOnly(warnOnly)).validate();
    }
}
