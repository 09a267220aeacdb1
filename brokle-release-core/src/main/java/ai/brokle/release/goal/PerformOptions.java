package ai.brokle.release.goal;

import ai.brokle.release.http.Retry;
import ai.brokle.release.plan.Mode;

/**
 * What {@code perform} and the publishing goals are told besides the common options (whose
 * credentials give the GitHub, package index, npm and registry secrets).
 *
 * @param release the common options (its environment gives GITHUB_REF and webhook URLs)
 * @param tag {@code brokle.tag}: the release tag, or null to take it from GITHUB_REF
 * @param skip {@code brokle.perform.skipSteps}: steps to leave out, comma-separated (pypi, npm, images, github-release, dispatch, slack, discord)
 * @param dryRun simulate every step and print what it would send
 * @param retry how hard GitHub, package index and webhook requests are tried
 * @param distTag {@code brokle.distTag}: the npm dist-tag asked for, or null for the version's own
 */
public record PerformOptions(ReleaseOptions release, String tag, String skip, boolean dryRun, Retry retry, String distTag) {
    public static PerformOptions of(ReleaseOptions release) {
        return new PerformOptions(release, null, null, false, Retry.DEFAULT, null);
    }

    public PerformOptions withTag(String value) {
        return new PerformOptions(release, value, skip, dryRun, retry, distTag);
    }

    public PerformOptions withSkip(String value) {
        return new PerformOptions(release, tag, value, dryRun, retry, distTag);
    }

    public PerformOptions withDryRun(boolean value) {
        return new PerformOptions(release, tag, skip, value, retry, distTag);
    }

    public PerformOptions withRetry(Retry value) {
        return new PerformOptions(release, tag, skip, dryRun, value, distTag);
    }

    public PerformOptions withDistTag(String value) {
        return new PerformOptions(release, tag, skip, dryRun, retry, value);
    }

    /** How the goal's plan runs: {@code brokle.dryRun} simulates every step. */
    public Mode mode() {
        return Mode.of(dryRun);
    }
}
