package ai.brokle.release.goal;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.http.Retry;
import ai.brokle.release.plan.Mode;

/**
 * What {@code release-pr} is told beyond the common options.
 *
 * @param release the common options (component, bump, pre-release channel, environment, log)
 * @param dryRun {@code brokle.dryRun}: print the pull request it would open or update (title, body, branch, diff), or the tags it would push
 * @param force {@code brokle.force}: rebuild a release branch that has commits release-pr did not make
 * @param retry how hard GitHub requests are tried
 */
public record ReleasePrOptions(ReleaseOptions release, boolean dryRun, boolean force, Retry retry) {
    /** The prefix of the release branch: {@code brokle-release/main} for main. */
    public static final String BRANCH_PREFIX = "brokle-release/";
    /** The label of a release pull request waiting to be merged, as release-please names it. */
    public static final String PENDING = "autorelease: pending";
    /** The label of a release pull request whose release is tagged. */
    public static final String TAGGED = "autorelease: tagged";

    public static ReleasePrOptions of(ReleaseOptions release) {
        return new ReleasePrOptions(release, false, false, Retry.DEFAULT);
    }

    public ReleasePrOptions withDryRun(boolean value) {
        return new ReleasePrOptions(release, value, force, retry);
    }

    public ReleasePrOptions withForce(boolean value) {
        return new ReleasePrOptions(release, dryRun, value, retry);
    }

    public ReleasePrOptions withRetry(Retry value) {
        return new ReleasePrOptions(release, dryRun, force, value);
    }

    public Mode mode() {
        return Mode.of(dryRun);
    }

    /** The GitHub token, or null. */
    String token() {
        return release.credentials().token(Credentials.Purpose.GITHUB).orElse(null);
    }
}
