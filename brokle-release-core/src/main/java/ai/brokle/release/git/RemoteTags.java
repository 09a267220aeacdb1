package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.credentials.Credentials;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;

/** The tag names of a remote repository, as {@code git ls-remote --tags} lists them: nothing is fetched. */
public final class RemoteTags {
    private RemoteTags() {
    }

    /** The tags at {@code url}; fails with the URL masked when it cannot be read within {@code timeoutSeconds}. */
    public static Collection<String> list(String url, Credentials credentials, int timeoutSeconds) {
        try {
            return Git.lsRemoteRepository().setRemote(url).setTags(true).setHeads(false).setTimeout(timeoutSeconds)
                    .setCredentialsProvider(GitCredentials.of(credentials)).call().stream()
                    .map(ref -> ref.getName().substring(Constants.R_TAGS.length()).replaceFirst("\\^\\{}$", "")).distinct().sorted().toList();
        } catch (GitAPIException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ReleaseError("cannot list the tags of " + SubmoduleLinks.masked(url) + ": " + SubmoduleLinks.masked(why), e);
        }
    }

}
