package ai.brokle.release.config;

/**
 * Where the repository lives on GitHub, for releases and dispatches.
 *
 * @param repository {@code owner/name}, or null to read it from the remote's URL
 * @param apiUrl the REST API's base address: {@code https://api.github.com}, or a GitHub Enterprise server's {@code https://HOST/api/v3}
 */
public record GitHubConfig(String repository, String apiUrl) {
    public static final String DEFAULT_API_URL = "https://api.github.com";

    public static GitHubConfig defaults() {
        return new GitHubConfig(null, DEFAULT_API_URL);
    }
}
