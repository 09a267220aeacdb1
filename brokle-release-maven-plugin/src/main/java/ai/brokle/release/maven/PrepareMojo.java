package ai.brokle.release.maven;

import ai.brokle.release.workflow.PrepareOptions;
import ai.brokle.release.workflow.PrepareWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The local half of a release: checks everything validate checks against the next versions, sets
 * the version files, updates the changelogs, makes one release commit with one annotated tag per
 * released component, and pushes the branch and the tags in one atomic push. A re-run after a
 * failure finishes the release without a second commit or tag.
 */
@Mojo(name = "prepare", requiresProject = false, aggregator = true, threadSafe = true)
public class PrepareMojo extends AbstractVersionMojo {
    /** Push the release commit and its tags; false stops before the push (running prepare again pushes them). */
    @Parameter(property = "brokle.push", defaultValue = "true")
    private boolean push;

    /** Print the plan, the diff of every file, the commit message, the tags and the push, and change nothing. */
    @Parameter(property = "brokle.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate the
     * push. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
     */
    @Parameter(property = "brokle.gitServerId")
    private String gitServerId;

    @Component
    private SettingsDecrypter decrypter;

    @Override
    protected void run(ReleaseOptions options) {
        new PrepareWorkflow(new PrepareOptions(withVersionRequest(GitServer.apply(options, gitServerId, session.getSettings(), decrypter)), push, dryRun)).execute();
    }
}
