package ai.brokle.release.git;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/** Run in a fresh JVM by {@link JGitStartupTest}: reads a work tree's status, plainly or through GitRepository. */
public final class FirstAccess {
    private FirstAccess() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[1]);
        if (args[0].equals("plain")) {
            try (Git git = Git.open(repo.toFile())) {
                System.out.println("unclean " + git.status().call().getUncommittedChanges().size());
            }
        } else {
            try (GitRepository git = GitRepository.open(repo)) {
                System.out.println("unclean " + git.uncleanPaths().size());
            }
        }
    }
}
