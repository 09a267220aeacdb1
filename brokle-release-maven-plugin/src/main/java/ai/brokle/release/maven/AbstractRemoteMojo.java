package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that reach the git remote (its tags, a push of the release, a branch or the publication
 * record): the git server parameter, and the container registries' settings.xml servers.
 */
public abstract class AbstractRemoteMojo extends AbstractReleaseMojo {
    /**
     * The id of a server in settings.xml whose username and password (or token) authenticate with the
     * git remote. Without it, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
     */
    @Parameter(property = Properties.GIT_SERVER_ID)
    private String gitServerId;

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(base, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, gitServerId).withServers(servers.byId());
    }
}
