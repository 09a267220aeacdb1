package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.DispatchWorkflow;
import ai.brokle.release.goal.PerformOptions;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sends a repository_dispatch event: the one given by brokle.repository, brokle.eventType and
 * brokle.payload, or else those configured for the component of the release tag.
 */
@Mojo(name = "dispatch", requiresProject = false, aggregator = true, threadSafe = true)
public class DispatchMojo extends AbstractReleaseMojo {
    /** The receiving repository, owner/name. */
    @Parameter(property = Properties.REPOSITORY)
    private String repository;

    /** The event type the receiving workflow listens for, e.g. sdk-released. */
    @Parameter(property = Properties.EVENT_TYPE)
    private String eventType;

    /** The client payload as a JSON object, e.g. {"sdk":"python","version":"1.2.3"}. */
    @Parameter(property = Properties.PAYLOAD)
    private String payload;

    /** The release tag whose configured dispatches are sent (without brokle.repository); without it, GITHUB_REF of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** Print what would be sent, and send nothing. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = Properties.GITHUB_SERVER_ID)
    private String githubServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(base, Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID, githubServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new DispatchWorkflow(PerformOptions.of(options).withTag(tag).withDryRun(dryRun), System.out).send(repository, eventType, payload);
    }
}
