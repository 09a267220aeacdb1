package ai.brokle.release.goal;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.publish.github.GitHubClient;
import ai.brokle.release.publish.github.GitHubRelease;
import java.util.List;
import java.util.Optional;

/**
 * The one pull request a bot branch has, as release-please and changesets/action keep it: opened
 * once, then updated (title and body) on each run, never a second one; labelled; merged by GitHub
 * auto-merge when asked. Used by update-submodules and release-pr.
 */
final class PullRequests {
    private final GitHubClient github;
    private final String repository;
    private final ReleaseLog log;

    private PullRequests(GitHubClient github, String repository, ReleaseLog log) {
        this.github = github;
        this.repository = repository;
        this.log = log;
    }

    /** For the configured repository (else the remote's, else the Actions job's), with the GitHub token given. */
    static PullRequests of(ReleaseConfig config, GitRepository git, ReleaseOptions options, String token, Retry retry) {
        RepositoryLinks links = ReleaseHistory.links(config, git);
        String repository = GitHubEnvironment.repository(config.github(), ReleaseTarget.fromWebAddress(links == null ? null : links.base()),
                options);
        if (repository == null) {
            throw new ReleaseFailure("The GitHub repository for the pull request is unknown: set github.repository (owner/name) in "
                    + ReleaseConfig.FILE_NAME);
        }
        return new PullRequests(new GitHubClient(GitHubEnvironment.apiUrl(config.github(), options), token, retry, Sleeper.REAL, options.log()),
                repository, options.log());
    }

    String repository() {
        return repository;
    }

    GitHubClient github() {
        return github;
    }

    /** The open pull request from {@code branch}, if any. */
    Optional<GitHubRelease.PullRequest> open(String branch) {
        return github.findPullRequest(repository, branch);
    }

    /** Opens the pull request from {@code branch} into {@code base}, or updates the open one; adds {@code labels}. */
    GitHubRelease.PullRequest openOrUpdate(String branch, String base, String title, String body, List<String> labels) {
        Optional<GitHubRelease.PullRequest> open = open(branch);
        GitHubRelease.PullRequest pull;
        if (open.isPresent()) {
            pull = github.updatePullRequest(repository, open.get().number(), title, body);
            log.info("Updated pull request #" + pull.number() + ": " + pull.htmlUrl());
        } else {
            pull = github.createPullRequest(repository, branch, base, title, body);
            log.info("Opened pull request #" + pull.number() + ": " + pull.htmlUrl());
        }
        if (!labels.isEmpty()) {
            github.addLabels(repository, pull.number(), labels);
        }
        return pull;
    }

    /** Turns on auto-merge with {@code method}, or merges now when nothing is left to wait for. */
    void autoMerge(GitHubRelease.PullRequest pull, String method) {
        if (github.autoMerge(repository, pull, method)) {
            log.info("Merged pull request #" + pull.number() + " (" + method + "): nothing was left to wait for");
        } else {
            log.info("Pull request #" + pull.number() + " merges by itself (" + method + ") once its required checks pass");
        }
    }
}
