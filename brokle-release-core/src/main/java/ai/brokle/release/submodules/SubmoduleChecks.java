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
    public record Status(String path, boolean ok, String line) {
    }

    public List<Status> statuses(GitRepository git, List<Submodule> submodules) {
        List<Status> statuses = new ArrayList<>();
        for (Submodule s : submodules) {
            Status status = status(git, s);
            statuses.add(status);
            if (status.ok()) {
                log.info(status.line());
            } else {
                log.warn(status.line());
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
        statuses(git, submodules).stream().filter(st -> !st.ok())
                .forEach(st -> problems.add("Submodule " + st.line() + "; move it to a release (" + commands.of("update-submodules") + ")"));
        return problems;
    }

    public Status status(GitRepository git, Submodule s) {
        String path = s.path();
        if (s.recorded() == null) {
            return new Status(path, false, path + ": not initialised: .gitmodules declares it, but HEAD records no commit at " + path
                    + " (add it with 'git submodule add', or commit its gitlink)");
        }
        if (s.url() == null) {
            return new Status(path, false, path + ": .gitmodules gives no url, so its releases cannot be read");
        }
        try (SdkRemote remote = s.fetch(git, credentials)) {
            String abbrev = s.recorded().abbreviate(7).name();
            if (!remote.contains(s.recorded())) {
                return new Status(path, false, path + ": the recorded commit " + abbrev + " is not in the remote " + s.shownUrl()
                        + " (rewritten history or an unpushed commit)");
            }
            SdkRemote.Position p = remote.position(s.recorded());
            if (p.onRelease()) {
                return new Status(path, true, path + ": on release " + p.release().tag());
            }
            if (p.release() != null) {
                return new Status(path, false, path + ": " + p.distance() + " commit" + (p.distance() == 1 ? "" : "s") + " past release "
                        + p.release().tag() + " (" + p.describe() + "), not a release");
            }
            return new Status(path, false, path + ": commit " + abbrev + " follows no release tag (" + s.config().tagPrefix() + "<version>)"
                    + " of " + s.shownUrl() + ", not a release");
        } catch (ReleaseError e) {
            return new Status(path, false, path + ": remote unreachable: " + e.getMessage());
        }
    }
}
