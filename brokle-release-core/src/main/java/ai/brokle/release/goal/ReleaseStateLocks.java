package ai.brokle.release.goal;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.GitLocks;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.PrepareState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;

/** The git lock files in the way of the refs {@code prepare} and {@code rollback} move. */
final class ReleaseStateLocks {
    private ReleaseStateLocks() {
    }

    /**
     * Clears (a real run) or reports (a dry run) the git lock files left in the way of the refs the
     * goal moves: those of its own interrupted run are removed, any other is the user's to remove.
     */
    static void clear(GitRepository git, Optional<PrepareState> saved, Instant start, String goal, Mode mode, ReleaseLog log) {
        List<String> refs = new ArrayList<>();
        git.currentBranch().ifPresent(b -> refs.add(Constants.R_HEADS + b));
        saved.ifPresent(s -> {
            if (s.branch != null) {
                refs.add(Constants.R_HEADS + s.branch);
            }
            s.tags.keySet().forEach(t -> refs.add(Constants.R_TAGS + t));
        });
        if (mode == Mode.SIMULATE) {
            GitLocks.present(git, refs).forEach(l -> log.warn("A real run will find the lock file " + l + " in its way"));
            return;
        }
        GitLocks.clear(git, refs, saved.isPresent() && saved.get().movingRefs, start, goal, log);
    }

}
