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
 * @param retry how hard GitHub and package index requests are tried
 * @param pypiToken a package index token from a settings.xml server, or null for Trusted Publishing or PYPI_TOKEN
 */
public record PerformOptions(ReleaseOptions release, String tag, String skip, boolean dryRun, String githubToken, GitHubClient.Retry retry,
        String pypiToken) {
    public static PerformOptions of(ReleaseOptions release) {
        return new PerformOptions(release, null, null, false, null, GitHubClient.Retry.DEFAULT, null);
    }

    public PerformOptions withPypiToken(String value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, retry, value);
    }

    public PerformOptions withTag(String value) {
        return new PerformOptions(release, value, skip, dryRun, githubToken, retry, pypiToken);
    }

    public PerformOptions withSkip(String value) {
        return new PerformOptions(release, tag, value, dryRun, githubToken, retry, pypiToken);
    }

    public PerformOptions withDryRun(boolean value) {
        return new PerformOptions(release, tag, skip, value, githubToken, retry, pypiToken);
    }

    public PerformOptions withGithubToken(String value) {
        return new PerformOptions(release, tag, skip, dryRun, value, retry, pypiToken);
    }

    public PerformOptions withRetry(GitHubClient.Retry value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, value, pypiToken);
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
