package ai.brokle.release.publish.github;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.Withdrawal;
import java.util.List;
import java.util.Optional;

/**
 * Rolls back the GitHub release of a published release: the newest good stable release becomes the
 * latest again (when the bad one was the latest), and the bad release's notes begin with a warning
 * that says why and what to use. The release itself stays, as its tag does.
 */
public final class GitHubRollback implements Step {
    public static final String NAME = "rollback-github-release";
    /** The first line of the warning, by which a re-run knows it is there. */
    static final String MARK = "> [!WARNING]";

    private final Withdrawal withdrawal;
    private final GitHubClient github;
    private final boolean hasToken;
    private final ReleaseLog log;
    private GitHubRelease bad;
    private Optional<GitHubRelease> previous;
    private boolean badIsLatest;

    public GitHubRollback(Withdrawal withdrawal, GitHubClient github, boolean hasToken, ReleaseLog log) {
        this.withdrawal = withdrawal;
        this.github = github;
        this.hasToken = hasToken;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return withdrawal.bad().repository() == null ? "" : withdrawal.bad().repository();
    }

    @Override
    public List<Check> check() {
        if (withdrawal.bad().repository() == null) {
            return List.of(Check.problem("[" + NAME + "] the GitHub repository is unknown: set github.repository (owner/name) in"
                    + " .brokle-release.yml, or skip this step (-Dbrokle.rollback.skipSteps=rollback-github-release)"));
        }
        if (!hasToken) {
            return List.of(Check.credential("[" + NAME + "] editing the GitHub release needs a token: set GITHUB_TOKEN (contents: write)"));
        }
        return List.of();
    }

    private String repository() {
        return withdrawal.bad().repository();
    }

    /** The warning the bad release's notes begin with. */
    private String warning() {
        Optional<ReleaseTag> use = withdrawal.previousStable();
        return MARK + "\n> **Rolled back:** " + withdrawal.reason() + "." + use.map(t -> " Use [" + t.name() + "](" + previous.map(
                GitHubRelease::htmlUrl).orElse("../" + t.name()) + ") instead.").orElse("") + "\n\n";
    }

    @Override
    public Status status(Journal journal) {
        Optional<GitHubRelease> found = github.findRelease(repository(), withdrawal.bad().tag());
        if (found.isEmpty()) {
            log.warn("[" + NAME + "] " + repository() + " has no release for " + withdrawal.bad().tag() + ": nothing to mark");
            return Status.DONE;
        }
        bad = found.get();
        previous = withdrawal.previousStable().flatMap(t -> github.findRelease(repository(), t.name())).filter(r -> !r.draft());
        badIsLatest = github.latestRelease(repository()).map(r -> r.id() == bad.id()).orElse(false);
        boolean marked = bad.body().startsWith(MARK);
        if (marked && (!badIsLatest || previous.isEmpty())) {
            if (badIsLatest) {
                log.warn("[" + NAME + "] " + bad.tag() + " stays the latest release: no earlier stable release on GitHub to show instead");
            }
            log.info("[" + NAME + "] " + bad.htmlUrl() + " is marked as rolled back" + (badIsLatest ? "" : " and is not the latest release"));
            return Status.DONE;
        }
        return Status.TODO;
    }

    @Override
    public void simulate(ReleaseLog out) {
        if (badIsLatest && previous.isPresent()) {
            out.info("[" + NAME + "] would make " + previous.get().tag() + " the latest release again, instead of " + bad.tag());
        }
        if (!bad.body().startsWith(MARK)) {
            out.info("[" + NAME + "] would begin the notes of " + bad.htmlUrl() + " with: " + warning().lines().skip(1).findFirst().orElse(""));
        }
    }

    @Override
    public Effect execute() {
        if (badIsLatest && previous.isPresent()) {
            github.edit(repository(), previous.get().id(), null, true);
            log.info("[" + NAME + "] " + previous.get().tag() + " is the latest release again");
        } else if (badIsLatest) {
            log.warn("[" + NAME + "] " + bad.tag() + " stays the latest release: no earlier stable release on GitHub to show instead");
        }
        if (!bad.body().startsWith(MARK)) {
            github.edit(repository(), bad.id(), warning() + bad.body(), null);
            log.info("[" + NAME + "] the notes of " + bad.htmlUrl() + " now begin with the rollback warning");
        }
        return Effect.done(bad.htmlUrl());
    }
}
