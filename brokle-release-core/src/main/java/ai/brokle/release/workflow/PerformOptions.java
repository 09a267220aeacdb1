package ai.brokle.release.workflow;

import ai.brokle.release.github.GitHubClient;

/**
 * What {@code perform} is told besides the common options.
 *
 * @param release the common options (its environment gives GITHUB_REF, GITHUB_TOKEN, webhook URLs)
 * @param tag {@code brokle.tag}: the release tag, or null to take it from GITHUB_REF
 * @param skip {@code brokle.skip}: steps to leave out, comma-separated (github-release, dispatch, slack, discord)
 * @param dryRun simulate every step and print what it would send
 * @param githubToken a token from a settings.xml server, or null to read GITHUB_TOKEN / GH_TOKEN
 * @param retry how hard GitHub requests are tried
 */
public record PerformOptions(ReleaseOptions release, String tag, String skip, boolean dryRun, String githubToken, GitHubClient.Retry retry) {
    public static PerformOptions of(ReleaseOptions release) {
        return new PerformOptions(release, null, null, false, null, GitHubClient.Retry.DEFAULT);
    }

    public PerformOptions withTag(String value) {
        return new PerformOptions(release, value, skip, dryRun, githubToken, retry);
    }

    public PerformOptions withSkip(String value) {
        return new PerformOptions(release, tag, value, dryRun, githubToken, retry);
    }

    public PerformOptions withDryRun(boolean value) {
        return new PerformOptions(release, tag, skip, value, githubToken, retry);
    }

    public PerformOptions withGithubToken(String value) {
        return new PerformOptions(release, tag, skip, dryRun, value, retry);
    }

    public PerformOptions withRetry(GitHubClient.Retry value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, value);
    }

    /** The token: the settings.xml one, else GITHUB_TOKEN, else GH_TOKEN; null when none. */
    String token() {
        if (githubToken != null && !githubToken.isBlank()) {
            return githubToken;
        }
        String token = release.env("GITHUB_TOKEN");
        return token != null ? token : release.env("GH_TOKEN");
    }
}
