package ai.brokle.release.maven;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.workflow.PrepareOptions;
import ai.brokle.release.workflow.PrepareWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

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
        new PrepareWorkflow(new PrepareOptions(withVersionRequest(withGitServer(options)), push, dryRun)).execute();
    }

    /** The options with the settings.xml server's credentials as the git credentials, when one is named. */
    private ReleaseOptions withGitServer(ReleaseOptions options) {
        if (gitServerId == null || gitServerId.isBlank()) {
            return options;
        }
        Server server = session.getSettings().getServer(gitServerId.trim());
        if (server == null) {
            throw new ReleaseFailure("brokle.gitServerId: settings.xml has no <server> with id '" + gitServerId.trim()
                    + "'; add one with the <username> and <password> (or token) for the git remote");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (decrypted.getProblems().stream().anyMatch(p -> p.getSeverity() != DefaultSettingsProblem.Severity.WARNING)) {
            throw new ReleaseFailure("brokle.gitServerId: the password of server '" + gitServerId.trim() + "' in settings.xml cannot be"
                    + " decrypted; check settings-security.xml");
        }
        Server plain = decrypted.getServer();
        Map<String, String> env = new HashMap<>(options.environment());
        env.put("BROKLE_GIT_USERNAME", plain.getUsername() == null ? "" : plain.getUsername());
        env.put("BROKLE_GIT_PASSWORD", plain.getPassword() == null ? "" : plain.getPassword());
        return options.withEnvironment(env);
    }
}
