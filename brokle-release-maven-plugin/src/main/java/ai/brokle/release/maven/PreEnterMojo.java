package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Enters pre-release mode (.changeset/pre.json): changeset-version then gives 0.5.0-alpha.0, alpha.1, … */
@Mojo(name = "pre-enter", requiresProject = false, aggregator = true, threadSafe = true)
public class PreEnterMojo extends AbstractReleaseMojo {
    /** The pre-release channel: alpha, beta, rc. */
    @Parameter(property = Properties.PRERELEASE)
    private String prerelease;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangesetWorkflow(options).preEnter(prerelease != null ? prerelease : renamed("pre-enter", Properties.TAG, Properties.PRERELEASE));
    }
}
