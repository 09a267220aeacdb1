package ai.brokle.release.maven;

import ai.brokle.release.images.RegistryCredentials;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The goals that reach the git remote (its tags, a push of the release, a branch or the publication
 * record) and read credentials from settings.xml servers: the git server parameter and the
 * decryption of servers, in one place.
 */
public abstract class AbstractRemoteMojo extends AbstractReleaseMojo {
    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate with the
     * git remote. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
     */
    @Parameter(property = "brokle.gitServerId")
    private String gitServerId;

    @Component
    private SettingsDecrypter decrypter;

    /** The options with the git server's credentials, when one is named. */
    protected ReleaseOptions withGitServer(ReleaseOptions options) {
        return GitServer.apply(options, gitServerId, session.getSettings(), decrypter);
    }

    /** The password of the settings.xml server named by {@code property}'s value, for {@code purpose}; null when none is named. */
    protected String token(String property, String serverId, String purpose) {
        return GitServer.token(property, serverId, purpose, session.getSettings(), decrypter);
    }

    /** Container registry logins from settings.xml servers. */
    protected RegistryCredentials.Servers registryServers() {
        return GitServer.registries(session.getSettings(), decrypter);
    }
}
