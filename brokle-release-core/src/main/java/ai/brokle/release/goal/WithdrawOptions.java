package ai.brokle.release.goal;

import ai.brokle.release.http.Retry;
import ai.brokle.release.plan.Mode;

/**
 * What {@code rollback-published} is told beyond the common options.
 *
 * @param release the common options (the environment gives GITHUB_REF and the secrets)
 * @param tag {@code brokle.tag}: the release to roll back, or null to take it from GITHUB_REF
 * @param reason {@code brokle.reason}: why, as the deprecation, the release's warning and the record say it
 * @param skip {@code brokle.rollback.skipSteps}: steps to leave out, comma-separated
 * @param dryRun {@code brokle.dryRun}: print every move; change nothing
 * @param retry how hard GitHub and package index requests are tried
 */
public record WithdrawOptions(ReleaseOptions release, String tag, String reason, String skip, boolean dryRun, Retry retry) {
    public static WithdrawOptions of(ReleaseOptions release) {
        return new WithdrawOptions(release, null, null, null, false, Retry.DEFAULT);
    }

    public WithdrawOptions withTag(String value) {
        return new WithdrawOptions(release, value, reason, skip, dryRun, retry);
    }

    public WithdrawOptions withReason(String value) {
        return new WithdrawOptions(release, tag, value, skip, dryRun, retry);
    }

    public WithdrawOptions withSkip(String value) {
        return new WithdrawOptions(release, tag, reason, value, dryRun, retry);
    }

    public WithdrawOptions withDryRun(boolean value) {
        return new WithdrawOptions(release, tag, reason, skip, value, retry);
    }

    public WithdrawOptions withRetry(Retry value) {
        return new WithdrawOptions(release, tag, reason, skip, dryRun, value);
    }

    /** How the goal's plan runs: {@code brokle.dryRun} simulates every step. */
    public Mode mode() {
        return Mode.of(dryRun);
    }
}
