package ai.brokle.release.maven;

import ai.brokle.release.workflow.ChangesetWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Enters pre-release mode (.changeset/pre.json): changeset-version then gives 0.5.0-alpha.0, alpha.1, … */
@Mojo(name = "pre-enter", requiresProject = false, aggregator = true, threadSafe = true)
public class PreEnterMojo extends AbstractReleaseMojo {
    /** The pre-release tag: alpha, beta, rc. */
    @Parameter(property = "brokle.tag")
    private String tag;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).preEnter(tag);
    }
}
