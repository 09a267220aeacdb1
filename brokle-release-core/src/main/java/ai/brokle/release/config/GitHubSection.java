package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.Map;

/** The {@code github} section: the repository and the API address. */
final class GitHubSection {
    private final ConfigFields fields;

    GitHubSection(ConfigFields fields) {
        this.fields = fields;
    }

    GitHubConfig github(Object node) {
        if (node == null) {
            return GitHubConfig.defaults();
        }
        Map<String, Object> g = fields.mapping(node, "github", GITHUB_KEYS);
        if (g == null) {
            return GitHubConfig.defaults();
        }
        String repository = fields.string(g, "github", "repository", null);
        if (repository != null && !GITHUB_REPOSITORY.matcher(repository).matches()) {
            fields.problem("github.repository", "'" + repository + "' is not a repository; write owner/name, e.g. brokle-ai/brokle");
        }
        String apiUrl = fields.string(g, "github", "apiUrl", GitHubConfig.DEFAULT_API_URL);
        if (apiUrl != null && !API_URL.matcher(apiUrl).matches()) {
            fields.problem("github.apiUrl", "'" + apiUrl + "' is not the address of a GitHub API, e.g. https://api.github.com or"
                    + " https://github.example.com/api/v3 (without user name or token)");
        }
        return new GitHubConfig(repository, apiUrl == null ? GitHubConfig.DEFAULT_API_URL : apiUrl.replaceAll("/+$", ""));
    }
}
