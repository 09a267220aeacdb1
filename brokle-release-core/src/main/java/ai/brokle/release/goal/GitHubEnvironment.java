package ai.brokle.release.goal;

import ai.brokle.release.config.GitHubConfig;
import java.net.URI;

/**
 * Where GitHub is for a goal: what the configuration names, else what GitHub Actions tells the job
 * ({@code GITHUB_API_URL}, {@code GITHUB_SERVER_URL}, {@code GITHUB_REPOSITORY}), else github.com.
 * A job on a GitHub Enterprise server thus reaches its own server without configuration.
 */
final class GitHubEnvironment {
    private static final String DEFAULT_WEB_URL = "https://github.com";

    private GitHubEnvironment() {
    }

    /** The REST API's base address. */
    static URI apiUrl(GitHubConfig config, ReleaseOptions options) {
        if (!config.apiUrl().equals(GitHubConfig.DEFAULT_API_URL)) {
            return URI.create(config.apiUrl());
        }
        String fromActions = options.env("GITHUB_API_URL");
        return URI.create(fromActions != null ? fromActions : GitHubConfig.DEFAULT_API_URL);
    }

    /** The web address repositories live under: https://github.com, or an Enterprise server's. */
    static String webUrl(GitHubConfig config, ReleaseOptions options) {
        if (!config.apiUrl().equals(GitHubConfig.DEFAULT_API_URL)) {
            return config.apiUrl().replaceFirst("/api/v3/?$", "");
        }
        String fromActions = options.env("GITHUB_SERVER_URL");
        return fromActions != null ? fromActions.replaceFirst("/$", "") : DEFAULT_WEB_URL;
    }

    /** The repository (owner/name): the configured one, else the one the remote's address names, else the job's. */
    static String repository(GitHubConfig config, String fromRemote, ReleaseOptions options) {
        if (config.repository() != null) {
            return config.repository();
        }
        return fromRemote != null ? fromRemote : options.env("GITHUB_REPOSITORY");
    }
}
