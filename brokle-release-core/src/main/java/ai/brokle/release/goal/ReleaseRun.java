package ai.brokle.release.goal;

import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.publish.PublicationJournal;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.version.SemVer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The run context of a goal that publishes a release tag: the repository opened once, the
 * configuration read once, the tag resolved to its component, version and commit, the component's
 * release tags listed once, and the problems found on the way, collected for one report.
 */
final class ReleaseRun implements AutoCloseable {
    private static final int REMOTE_TIMEOUT_SECONDS = 60;

    final ReleaseOptions options;
    final GitRepository git;
    final ReleaseLog log;
    final List<String> problems = new ArrayList<>();
    /** The configuration's problems with their lines, when it failed to load, for the annotations of the one report. */
    private final List<Problem> configProblems = new ArrayList<>();
    /** The release, or null when the tag or the configuration is wrong (the problems say why). */
    final ReleaseTarget target;
    private List<ReleaseTag> releases;

    private ReleaseRun(ReleaseOptions options, String tag, boolean needsGitHub) {
        this.options = options;
        this.log = options.log();
        this.git = GitRepository.open(options.baseDirectory());
        this.target = resolve(git, options, tag, needsGitHub, problems, configProblems);
    }

    /**
     * Opens the repository and resolves the release tag ({@code tag}, else GITHUB_REF's); without
     * {@code needsGitHub}, an unknown GitHub repository is no problem.
     */
    static ReleaseRun open(ReleaseOptions options, String tag, boolean needsGitHub) {
        return new ReleaseRun(options, tag, needsGitHub);
    }

    /** The release tags of the target's component, listed once. */
    List<ReleaseTag> releases() {
        if (releases == null) {
            releases = git.releaseTags(target.component().tagPrefixes());
        }
        return releases;
    }

    /** The publication record of the tag, shared through the release's remote when the clone has one. */
    Journal journal() {
        RemotePush remote = git.hasRemote(target.config().remote()) ? new RemotePush(git, target.config().remote(),
                GitCredentials.of(options.credentials()), REMOTE_TIMEOUT_SECONDS) : null;
        return new PublicationJournal(git, remote, target.tag(), log);
    }

    /**
     * The journal of a goal that publishes the tag, read from the remote first: a tag recorded as
     * rolled back ({@code rollback-published}) is a problem, since what was withdrawn is never
     * published again.
     */
    Journal publishingJournal() {
        Journal journal = journal();
        journal.open();
        if (journal.has(WithdrawWorkflow.RECORD)) {
            String reason = PublicationRecord.read(git, target.tag()).stream().filter(e -> e.step().equals(WithdrawWorkflow.RECORD))
                    .map(PublicationRecord.Entry::target).reduce((a, b) -> b).orElse("");
            problems.add(target.tag() + " was rolled back (" + reason + "), so it is not published again: release the fix as a new version");
        }
        return journal;
    }

    /** Fails with every problem found, saying that {@code nothingDone}; does nothing when there is none. */
    void failOnProblems(String cannot, String nothingDone) {
        if (!problems.isEmpty()) {
            throw ReleaseFailure.located(cannot + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "); " + nothingDone,
                    Problem.locate(problems, configProblems));
        }
    }

    @Override
    public void close() {
        git.close();
    }

    private static ReleaseTarget resolve(GitRepository git, ReleaseOptions options, String requestedTag, boolean needsGitHub, List<String> problems,
            List<Problem> configProblems) {
        ReleaseConfig config = null;
        try {
            config = ConfigLoader.load(git.workTree());
        } catch (ReleaseFailure e) {
            problems.addAll(e.problems());
            configProblems.addAll(e.located());
        }
        String tag = requestedTag != null && !requestedTag.isBlank() ? requestedTag.trim() : null;
        if (tag == null) {
            String ref = options.env("GITHUB_REF");
            if (ref != null && ref.startsWith("refs/tags/")) {
                tag = ref.substring("refs/tags/".length());
            } else {
                problems.add("No release tag: give one with -Dbrokle.tag=v3.2.1, or run on a tag push (GITHUB_REF=refs/tags/<tag>)"
                        + (ref == null ? "" : "; GITHUB_REF is " + ref));
            }
        }
        if (config == null || tag == null) {
            return null;
        }
        ComponentConfig component = null;
        SemVer version = null;
        for (ComponentConfig c : config.components().stream().sorted(Comparator.comparingInt((ComponentConfig c) -> c.tagPrefix().length())
                .reversed()).toList()) {
            if (tag.startsWith(c.tagPrefix())) {
                Optional<SemVer> v = SemVer.tryParse(tag.substring(c.tagPrefix().length()));
                if (v.isPresent()) {
                    component = c;
                    version = v.get();
                    break;
                }
            }
        }
        if (component == null) {
            problems.add("The tag " + tag + " is not a release of any component: release tags are <tagPrefix><version>, and the prefixes in "
                    + config.source() + " are " + String.join(", ", config.components().stream().map(c -> "'" + c.tagPrefix() + "' ("
                            + c.name() + ")").toList()));
        }
        ObjectId commit = null;
        if (!git.hasLocalTag(tag)) {
            problems.add("The tag " + tag + " is not in this clone: fetch it ('git fetch --tags'; in GitHub Actions, actions/checkout with"
                    + " fetch-depth: 0)");
        } else {
            commit = git.peeledCommit(tag);
        }
        RepositoryLinks links = ReleaseHistory.links(config, git);
        String repository = GitHubEnvironment.repository(config.github(), ReleaseTarget.fromWebAddress(links == null ? null : links.base()),
                options);
        if (repository == null && needsGitHub) {
            problems.add("The GitHub repository is unknown: set github.repository (owner/name) in " + ReleaseConfig.FILE_NAME
                    + ", or give remote '" + config.remote() + "' a GitHub URL");
        }
        return component == null ? null : new ReleaseTarget(config, tag, component, version, commit, repository, links);
    }
}
