package ai.brokle.release.submodules;

import ai.brokle.release.GoalCommands;
import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.git.GitRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether each SDK submodule records a release of its SDK: the commit it records is in its
 * remote, and a release tag names it (not a commit past one, nor one that follows none).
 */
public final class SubmoduleChecks {
    private final Credentials credentials;
    private final ReleaseLog log;

    /** @param credentials the login for the SDK remotes */
    public SubmoduleChecks(Credentials credentials, ReleaseLog log) {
        this.credentials = credentials;
        this.log = log;
    }

    /** One submodule's state: whether it is on a release, and the line that says so. */
    /**
     * One submodule's state.
     *
     * @param line what it is
     * @param advice what to do about it, in that state; null when it is on a release
     */
    public record Status(String path, boolean ok, String line, String advice) {
        Status(String path, boolean ok, String line) {
            this(path, ok, line, null);
        }

        /** The line with its advice: what a problem says. */
        public String problem() {
            return advice == null ? line : line + "; " + advice;
        }
    }

    /** Every submodule's state; those on a release are logged, the others are for the caller to report, once. */
    public List<Status> statuses(GitRepository git, List<Submodule> submodules) {
        List<Status> statuses = new ArrayList<>();
        for (Submodule s : submodules) {
            Status status = status(git, s);
            statuses.add(status);
            if (status.ok()) {
                log.info(status.line());
            }
        }
        return statuses;
    }

    /**
     * The check {@code validate} and {@code perform} run when .brokle-release.yml configures
     * submodules: a problem for each configured submodule HEAD does not record on a release.
     */
    public List<String> releaseProblems(GitRepository git, ReleaseConfig config, GoalCommands commands) {
        List<String> problems = new ArrayList<>();
        if (config.submodules().isEmpty() || git.head().isEmpty()) {
            return problems;
        }
        List<Submodule> submodules = Submodule.read(git, config, git.head().get(), null, problems);
        statuses(git, submodules).stream().filter(st -> !st.ok()).forEach(st -> problems.add("Submodule " + advised(st, commands).problem()));
        return problems;
    }

    /** The status with its advice written as commands that work where the goal runs. */
    public static Status advised(Status status, GoalCommands commands) {
        return status.advice() == null ? status
                : new Status(status.path(), status.ok(), status.line(), status.advice().replace(UPDATE, commands.of("update-submodules")));
    }

    /** Where an advice names the update goal; replaced by the command that runs it ({@link #advised}). */
    private static final String UPDATE = "{update-submodules}";

    public Status status(GitRepository git, Submodule s) {
        String path = s.path();
        if (s.recorded() == null) {
            return new Status(path, false, path + ": not initialised: .gitmodules declares it, but HEAD records no commit at " + path,
                    "add it with 'git submodule add', or commit its gitlink");
        }
        if (s.url() == null) {
            return new Status(path, false, path + ": .gitmodules gives no url, so its releases cannot be read", "add its url to .gitmodules");
        }
        try (SdkRemote remote = s.fetch(git, credentials)) {
            String abbrev = s.recorded().abbreviate(7).name();
            if (!remote.contains(s.recorded())) {
                return new Status(path, false, path + ": the recorded commit " + abbrev + " is not in the remote " + s.shownUrl()
                        + " (rewritten history or an unpushed commit)", "push that commit to the SDK, or move the submodule to a release with "
                        + UPDATE);
            }
            SdkRemote.Position p = remote.position(s.recorded());
            if (p.onRelease()) {
                return new Status(path, true, path + ": on release " + p.release().tag());
            }
            java.util.Optional<SdkRemote.Release> newest = remote.releases().stream().filter(r -> !r.version().isPrerelease()).findFirst();
            if (p.release() != null) {
                String past = path + ": " + p.distance() + " commit" + (p.distance() == 1 ? "" : "s") + " past release " + p.release().tag()
                        + " (" + p.describe() + ")";
                if (newest.isEmpty() || newest.get().version().compareTo(p.release().version()) <= 0) {
                    // ahead of the newest release: no release has these commits yet, so update-submodules has nothing to move to
                    return new Status(path, false, past + ", unreleased commits ahead of the SDK's newest release",
                            "release the SDK first (its release moves the submodule), or go back to " + p.release().tag() + " ('git -C "
                            + path + " checkout " + p.release().tag() + "', 'git add " + path + "' and a commit)");
                }
                return new Status(path, false, past + ", not a release; the SDK's newest release is " + newest.get().tag(),
                        "move it there with " + UPDATE);
            }
            return new Status(path, false, path + ": commit " + abbrev + " follows no release tag (" + s.config().tagPrefix() + "<version>)"
                    + " of " + s.shownUrl() + ", not a release", newest.map(r -> "move it to " + r.tag() + " with " + UPDATE)
                    .orElse("the SDK has no release under " + s.config().tagPrefix() + ": check submodules." + path
                    + ".tagPrefix in .brokle-release.yml against the SDK's tags"));
        } catch (ReleaseError e) {
            return new Status(path, false, path + ": remote unreachable: " + e.getMessage(), "check its url in .gitmodules and the"
                    + " credentials (BROKLE_GIT_USERNAME/BROKLE_GIT_PASSWORD or GITHUB_TOKEN); nothing can move it until the remote answers");
        }
    }
}
