package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.ReleasePrOptions;
import ai.brokle.release.goal.ReleasePrWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The reviewed release pull request (release-please, changesets/action): on a push to the release
 * branch, commits what prepare would release on brokle-release/&lt;branch&gt; and opens or updates one
 * pull request (or closes it when nothing is to release); on the push of the merged release commit,
 * tags it with each component's annotated tag and pushes the tags. Writes the outputs
 * release-created, tags, versions and pr-number in GitHub Actions.
 */
@Mojo(name = "release-pr", requiresProject = false, aggregator = true, threadSafe = true)
public class ReleasePrMojo extends AbstractVersionMojo {
    /** Print the pull request it would open or update (title, body, branch, the diff) or the tags it would push, and change nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** Replace files that exist already: here, rebuild a release branch that carries commits release-pr did not make. */
    @Parameter(property = Properties.FORCE, defaultValue = "false")
    private boolean force;

    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate the
     * push. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
     */
    @Parameter(property = Properties.GIT_SERVER_ID)
    private String gitServerId;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = Properties.GITHUB_SERVER_ID)
    private String githubServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        Credentials git = servers.named(base, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, gitServerId);
        return servers.named(git, Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID, githubServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new ReleasePrWorkflow(ReleasePrOptions.of(withVersionRequest(options)).withDryRun(dryRun).withForce(force), System.out).execute();
    }
}
