package ai.brokle.release.workflow;

import ai.brokle.release.github.GitHubClient;
import ai.brokle.release.images.RegistryCredentials;

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
 * @param npmToken an npm token from a settings.xml server, or null for NPM_TOKEN / NODE_AUTH_TOKEN
 * @param distTag {@code brokle.distTag}: the npm dist-tag asked for, or null for the version's own
 * @param registryServers settings.xml servers holding container registry credentials
 */
public record PerformOptions(ReleaseOptions release, String tag, String skip, boolean dryRun, String githubToken, GitHubClient.Retry retry,
        String pypiToken, String npmToken, String distTag, RegistryCredentials.Servers registryServers) {
    public static PerformOptions of(ReleaseOptions release) {
        return new PerformOptions(release, null, null, false, null, GitHubClient.Retry.DEFAULT, null, null, null, RegistryCredentials.Servers.NONE);
    }

    public PerformOptions withNpm(String token, String tagAskedFor) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, retry, pypiToken, token, tagAskedFor, registryServers);
    }

    public PerformOptions withPypiToken(String value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, retry, value, npmToken, distTag, registryServers);
    }

    public PerformOptions withTag(String value) {
        return new PerformOptions(release, value, skip, dryRun, githubToken, retry, pypiToken, npmToken, distTag, registryServers);
    }

    public PerformOptions withSkip(String value) {
        return new PerformOptions(release, tag, value, dryRun, githubToken, retry, pypiToken, npmToken, distTag, registryServers);
    }

    public PerformOptions withDryRun(boolean value) {
        return new PerformOptions(release, tag, skip, value, githubToken, retry, pypiToken, npmToken, distTag, registryServers);
    }

    public PerformOptions withGithubToken(String value) {
        return new PerformOptions(release, tag, skip, dryRun, value, retry, pypiToken, npmToken, distTag, registryServers);
    }

    public PerformOptions withRetry(GitHubClient.Retry value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, value, pypiToken, npmToken, distTag, registryServers);
    }

    public PerformOptions withRegistryServers(RegistryCredentials.Servers value) {
        return new PerformOptions(release, tag, skip, dryRun, githubToken, retry, pypiToken, npmToken, distTag, value);
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
