package ai.brokle.release.benchmark;

import ai.brokle.release.git.GitRepository;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/**
 * The cost of the first repository access in a fresh JVM, the way JGit pays it with an empty user
 * home: {@code raw} opens the repository with plain JGit, {@code brokle} through
 * {@link GitRepository}. Both read the status of the work tree, which needs file timestamps.
 *
 * <p>Usage: {@code FirstUseCost raw|brokle REPO}; run it with HOME set to an empty directory.
 */
public final class FirstUseCost {
    private FirstUseCost() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[1]);
        long start = System.nanoTime();
        int unclean;
        if (args[0].equals("raw")) {
            try (Git git = Git.open(repo.toFile())) {
                unclean = git.status().call().getUncommittedChanges().size();
            }
        } else {
            try (GitRepository git = GitRepository.open(repo)) {
                unclean = git.uncleanPaths().size();
            }
        }
        System.out.printf("first repository access (%s JGit): %.0f ms, %d unclean paths%n",
                args[0].equals("raw") ? "plain" : "through GitRepository", (System.nanoTime() - start) / 1e6, unclean);
    }
}
