package ai.brokle.release.git;

import ai.brokle.release.credentials.Credentials;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for a git remote as JGit takes them, from the login {@link Credentials#git()} gives
 * (a settings.xml server, BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD, or GITHUB_TOKEN). The values are
 * handed to JGit only; they are never logged.
 */
public final class GitCredentials {
    private GitCredentials() {
    }

    /** The provider for the git login, or null to let the remote be reached without credentials. */
    public static CredentialsProvider of(Credentials credentials) {
        return credentials.git().map(l -> (CredentialsProvider) new UsernamePasswordCredentialsProvider(l.username(), l.password()))
                .orElse(null);
    }
}
