package ai.brokle.release.maven;

import ai.brokle.release.submodules.SubmoduleOptions;
import ai.brokle.release.submodules.SubmoduleWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that each SDK submodule records exactly a release tag of its SDK, one line per submodule,
 * without checking the submodules out; fails when one is not on a release.
 */
@Mojo(name = "validate-submodules", requiresProject = false, aggregator = true, threadSafe = true)
public class ValidateSubmodulesMojo extends AbstractReleaseMojo {
    /** Check this submodule only (its path, or its sdk name). */
    @Parameter(property = "brokle.submodule")
    private String submodule;

    /** Warn instead of failing. */
    @Parameter(property = "brokle.warnOnly", defaultValue = "false")
    private boolean warnOnly;

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(options).withSubmodule(submodule).withWarnOnly(warnOnly)).validate();
    }
}
