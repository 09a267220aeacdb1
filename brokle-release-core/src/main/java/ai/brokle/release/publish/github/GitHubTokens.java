package ai.brokle.release.publish.github;

/** What a run without a GitHub token is told. */
public final class GitHubTokens {
    public static final String MISSING = "No GitHub token: set GITHUB_TOKEN (in GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})"
            + " or GH_TOKEN, or name a settings.xml server with -Dbrokle.githubServerId";

    private GitHubTokens() {
    }
}
