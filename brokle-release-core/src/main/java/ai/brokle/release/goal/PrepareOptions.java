package ai.brokle.release.goal;

import ai.brokle.release.plan.Mode;
/**
 * What {@code prepare} is told beyond the common options.
 *
 * @param release the common options (component, bump, pre-release channel, explicit version, environment, log)
 * @param push {@code brokle.push}: push the release commit and tags (false stops before the push)
 * @param dryRun {@code brokle.dryRun}: print the plan, the diffs, the commit, the tags and the push; change nothing
 */
public record PrepareOptions(ReleaseOptions release, boolean push, boolean dryRun) {
    public static PrepareOptions of(ReleaseOptions release) {
        return new PrepareOptions(release, true, false);
    }

    public PrepareOptions withPush(boolean value) {
        return new PrepareOptions(release, value, dryRun);
    }

    public PrepareOptions withDryRun(boolean value) {
        return new PrepareOptions(release, push, value);
    }

    /** How the goal's plan runs: {@code brokle.dryRun} simulates every step. */
    public Mode mode() {
        return Mode.of(dryRun);
    }
}
