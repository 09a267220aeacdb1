package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.WithdrawOptions;
import ai.brokle.release.goal.WithdrawWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rolls back a release that was published: the floating image tags (X.Y, X, latest) go back to the
 * previous good release's images by digest, the npm dist-tags it took go back and the version is
 * deprecated, the previous GitHub release becomes the latest and the bad one gets a warning, and
 * PyPI gets exact yank instructions (then a check that it was yanked). Only what its publication
 * record lists is rolled back; the rollback is recorded, so re-runs do nothing twice and perform
 * refuses the tag.
 */
@Mojo(name = "rollback-published", requiresProject = false, aggregator = true, threadSafe = true)
public class RollbackPublishedMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** Why the release is rolled back, in one line: the npm deprecation message, the GitHub release's warning and the record say it. */
    @Parameter(property = Properties.REASON)
    private String reason;

    /** Steps of rollback-published to leave out, comma-separated: rollback-images, rollback-npm, rollback-github-release, rollback-pypi. */
    @Parameter(property = Properties.ROLLBACK_SKIP_STEPS)
    private String skipSteps;

    /** Print every move, and change nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = Properties.GITHUB_SERVER_ID)
    private String githubServerId;

    /** The id of a settings.xml server whose password is the npm token; without it, NPM_TOKEN or NODE_AUTH_TOKEN. */
    @Parameter(property = Properties.NPM_SERVER_ID)
    private String npmServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        Credentials withGitHub = servers.named(super.credentials(base, servers), Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID,
                githubServerId);
        return servers.named(withGitHub, Credentials.Purpose.NPM, Properties.NPM_SERVER_ID, npmServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new WithdrawWorkflow(WithdrawOptions.of(options).withTag(tag).withReason(reason).withSkip(skipSteps).withDryRun(dryRun), System.out)
                .execute();
    }
}
