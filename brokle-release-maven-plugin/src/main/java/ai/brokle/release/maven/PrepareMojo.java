package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.PrepareOptions;
import ai.brokle.release.goal.PrepareWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The local half of a release: checks everything validate checks against the next versions, sets
 * the version files, updates the changelogs, makes one release commit with one annotated tag per
 * released component, and pushes the branch and the tags in one atomic push. A re-run after a
 * failure finishes the release without a second commit or tag.
 */
@Mojo(name = "prepare", requiresProject = false, aggregator = true, threadSafe = true)
public class PrepareMojo extends AbstractVersionMojo {
    /** Push the release commit and its tags; false stops before the push (running prepare again pushes them). */
    @Parameter(property = Properties.PUSH, defaultValue = "true")
    private boolean push;

    /** Print the plan, the diff of every file, the commit message, the tags and the push, and change nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate the
     * push. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
     */
    @Parameter(property = Properties.GIT_SERVER_ID)
    private String gitServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(base, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, gitServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new PrepareWorkflow(new PrepareOptions(withVersionRequest(options), push, dryRun)).execute();
    }
}
