package ai.brokle.release.maven;

import ai.brokle.release.workflow.DispatchWorkflow;
import ai.brokle.release.workflow.PerformOptions;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Sends a repository_dispatch event: the one given by brokle.repository, brokle.eventType and
 * brokle.payload, or else those configured for the component of the release tag.
 */
@Mojo(name = "dispatch", requiresProject = false, aggregator = true, threadSafe = true)
public class DispatchMojo extends AbstractReleaseMojo {
    /** The receiving repository, owner/name. */
    @Parameter(property = "brokle.repository")
    private String repository;

    /** The event type the receiving workflow listens for, e.g. sdk-released. */
    @Parameter(property = "brokle.eventType")
    private String eventType;

    /** The client payload as a JSON object, e.g. {"sdk":"python","version":"1.2.3"}. */
    @Parameter(property = "brokle.payload")
    private String payload;

    /** The release tag whose configured dispatches are sent (without brokle.repository); default GITHUB_REF. */
    @Parameter(property = "brokle.tag")
    private String tag;

    /** Print what would be sent, and send nothing. */
    @Parameter(property = "brokle.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = "brokle.githubServerId")
    private String githubServerId;

    @Component
    private SettingsDecrypter decrypter;

    @Override
    protected void run(ReleaseOptions options) {
        new DispatchWorkflow(PerformOptions.of(options).withTag(tag).withDryRun(dryRun)
                .withGithubToken(GitServer.token("brokle.githubServerId", githubServerId, GitServer.GITHUB, session.getSettings(), decrypter)), System.out)
                .send(repository, eventType, payload);
    }
}
