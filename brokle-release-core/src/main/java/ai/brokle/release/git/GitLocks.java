package ai.brokle.release.git;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lock files git (and JGit) create beside a ref or file while they update it
 * ({@code refs/heads/main.lock}, {@code refs/tags/v1.2.0.lock}, {@code packed-refs.lock},
 * {@code index.lock}). A process killed during the update leaves them, and every later update of
 * that ref fails. Before a goal moves refs, the ones it is about to move are checked: a lock file
 * left by this goal's own interrupted run is removed; any other is reported with the command that
 * removes it, since only the user can tell that no git command is running.
 */
public final class GitLocks {
    private static final List<String> SHARED = List.of("packed-refs.lock", "index.lock", "HEAD.lock");

    private GitLocks() {
    }

    /** The lock files that exist for {@code refNames} (full names) and for the files every ref update may take. */
    public static List<Path> present(GitRepository git, Collection<String> refNames) {
        Set<Path> candidates = new LinkedHashSet<>();
        refNames.forEach(r -> candidates.add(git.gitDirectory().resolve(r + ".lock")));
        SHARED.forEach(f -> candidates.add(git.gitDirectory().resolve(f)));
        return candidates.stream().filter(Files::exists).toList();
    }

    /**
     * Removes the lock files of {@code refNames} when {@code leftByOwnRun} (the journal says this
     * goal was moving those refs when its run ended, and this run holds the run lock) and they are
     * older than {@code runStart}; otherwise fails naming each with the command that removes it.
     */
    public static void clear(GitRepository git, Collection<String> refNames, boolean leftByOwnRun, Instant runStart, String goal, ReleaseLog log) {
        List<Path> found = present(git, refNames);
        if (found.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Path lock : found) {
            Instant since = modified(lock);
            String age = since == null ? "" : " (since " + since + ", " + Duration.between(since, Instant.now()).toSeconds() + " s ago)";
            if (leftByOwnRun && since != null && since.isBefore(runStart)) {
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException e) {
                    throw new ReleaseError("Cannot remove the lock file " + lock + " left by an interrupted run: " + e.getMessage(), e);
                }
                log.warn("Removed " + shown(git, lock) + age + ": the earlier " + goal + " run was interrupted while it moved"
                        + " the refs and left it");
            } else {
                problems.add(shown(git, lock) + " exists" + age + ": a git command is running in this clone, or one was"
                        + " killed while it updated refs");
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder command = new StringBuilder("rm -f");
            found.stream().filter(Files::exists).forEach(p -> command.append(' ').append(shown(git, p)));
            problems.add("When no git command is running in this clone, remove " + (problems.size() == 1 ? "it" : "them") + " and run " + goal
                    + " again: " + command);
            throw new ReleaseFailure("Cannot " + goal + ": git's lock files are in the way; nothing was changed", problems);
        }
    }

    private static Path shown(GitRepository git, Path file) {
        return file.startsWith(git.workTree()) ? git.workTree().relativize(file) : file;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
