package ai.brokle.release.git;

import java.util.Map;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for a git remote, from the environment: {@code BROKLE_GIT_USERNAME} and
 * {@code BROKLE_GIT_PASSWORD}, or a {@code GITHUB_TOKEN} as GitHub Actions provides it. The
 * values are handed to JGit only; they are never logged.
 */
public final class GitCredentials {
    private GitCredentials() {
    }

    /** The provider for these variables, or null to let the remote be reached without credentials. */
    public static CredentialsProvider fromEnvironment(Map<String, String> env) {
        String user = env.get("BROKLE_GIT_USERNAME");
        String password = env.get("BROKLE_GIT_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return new UsernamePasswordCredentialsProvider(user == null || user.isEmpty() ? "git" : user, password);
        }
        String token = env.get("GITHUB_TOKEN");
        if (token != null && !token.isEmpty()) {
            return new UsernamePasswordCredentialsProvider("x-access-token", token);
        }
        return null;
    }
}
