package ai.brokle.release.goal;

import ai.brokle.release.plan.Mode;
/**
 * What {@code rollback} is told beyond the common options.
 *
 * @param release the common options (the environment with git credentials, the log)
 * @param dryRun {@code brokle.dryRun}: print what would be undone; change nothing
 */
public record RollbackOptions(ReleaseOptions release, boolean dryRun) {
    public static RollbackOptions of(ReleaseOptions release) {
        return new RollbackOptions(release, false);
    }

    public RollbackOptions withDryRun(boolean value) {
        return new RollbackOptions(release, value);
    }

    /** How the goal's plan runs: {@code brokle.dryRun} simulates every step. */
    public Mode mode() {
        return Mode.of(dryRun);
    }
}
