package ai.brokle.release.goal;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.files.FileChange;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.publish.github.GitHubRelease;
import ai.brokle.release.version.SemVer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The {@code release-pr} goal: the reviewed release pull request of release-please and
 * changesets/action, for a conventional-commit component and a change-file workspace alike.
 *
 * <p>On a push to the release branch it works out the release exactly as {@code prepare} would
 * (version files, changelog sections, consumed change files, pre-release mode), commits it on
 * {@code brokle-release/<branch>} (rebuilt from the branch each time, never merged into), pushes it
 * and opens one pull request or updates the open one; with nothing to release it closes the open
 * one. The release commit names its tags in a {@code Release-Tags} trailer and carries each tag's
 * release notes.
 *
 * <p>On the push of the merged release commit (HEAD carries the trailer, or HEAD merges a commit that
 * does) it tags HEAD with each annotated tag and its notes, pushes the tags atomically and labels
 * the pull request {@code autorelease: tagged}; what perform does follows in the workflow. A re-run
 * finds the tags and the labels in place and changes nothing.
 */
public final class ReleasePrWorkflow {
    /** The trailer of a release commit: the tags it releases, comma-separated. */
    public static final String TRAILER = "Release-Tags";
    private static final int REMOTE_TIMEOUT_SECONDS = 60;
    private static final Pattern TRAILER_LINE = Pattern.compile("(?m)^" + TRAILER + ":\\s*(.+)$");
    private static final String NOTES_BEGIN = "--- release notes of ";
    private static final String NOTES_END = "--- end of release notes ---";

    /**
     * What a run did, for the workflow's outputs.
     *
     * @param releaseCreated HEAD is a merged release commit whose tags now stand on the remote (perform follows)
     * @param tags the tags released (or proposed)
     * @param versions component → version
     * @param pullRequest the release pull request's number, or null
     */
    public record Result(boolean releaseCreated, List<String> tags, Map<String, String> versions, Long pullRequest) {
    }

    /** A merged release commit: the commit to tag (HEAD), and each tag with its notes. */
    record MergedRelease(ObjectId commit, Map<String, String> notes) {
    }

    private final ReleasePrOptions options;
    private final ReleaseLog log;
    private final PrintStream stdout;

    public ReleasePrWorkflow(ReleasePrOptions options, PrintStream stdout) {
        this.options = options;
        this.log = options.release().log();
        this.stdout = stdout;
    }

    public Result execute() {
        options.release().requireOnline("release-pr", "it pushes the release branch or the tags and talks to GitHub");
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            ObjectId head = git.head().orElseThrow(() -> new ReleaseFailure("HEAD names no commit: nothing to release"));
            String base = git.currentBranch().orElseThrow(() -> new ReleaseFailure("HEAD is detached: check out " + config.releaseBranch()
                    + " (actions/checkout does, with ref: " + config.releaseBranch() + ")"));
            Optional<MergedRelease> merged = merged(git, head);
            if (merged.isEmpty()) {
                merged = squashed(git, config, base, head);
            }
            Result result = merged.isPresent() ? tag(git, config, base, merged.get()) : propose(git, config, base, head);
            if (options.mode() == Mode.EXECUTE) {
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put("release-created", String.valueOf(result.releaseCreated()));
                outputs.put("tags", String.join(",", result.tags()));
                outputs.put("versions", String.join(",", result.versions().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
                outputs.put("pr-number", result.pullRequest() == null ? "" : String.valueOf(result.pullRequest()));
                new GitHubActions(options.release().environment(), stdout).outputs(outputs);
            }
            return result;
        }
    }

    /** The release branch of {@code base}. */
    static String releaseBranch(String base) {
        return ReleasePrOptions.BRANCH_PREFIX + base;
    }

    // ---------------------------------------------------------------- the pull request

    private Result propose(GitRepository git, ReleaseConfig config, String base, ObjectId head) {
        ReleaseChecks.Checked checked = new ReleaseChecks(options.release()).check(git);
        List<String> problems = new ArrayList<>(checked.problems());
        if (!options.release().credentials().has(Credentials.Purpose.GITHUB)) {
            problems.add("No GitHub token for the release pull request: set GITHUB_TOKEN or GH_TOKEN, or name a settings.xml server with"
                    + " -Dbrokle.githubServerId");
        }
        if (!git.hasRemote(config.remote())) {
            problems.add("No remote '" + config.remote() + "' to push " + releaseBranch(base) + " to: add it, or set 'remote' in " + ReleaseConfig.FILE_NAME);
        }
        if (!base.equals(config.releaseBranch())) {
            problems.add("On branch '" + base + "', not the release branch '" + config.releaseBranch() + "': release pull requests are made from it");
        }
        List<Integer> releasing = new ArrayList<>();
        for (int i = 0; i < checked.plans().size(); i++) {
            if (checked.plans().get(i).releases()) {
                releasing.add(i);
            }
        }
        ReleaseDraft draft = problems.isEmpty() && !releasing.isEmpty() ? ReleaseDraft.of(options.release(), git, checked, releasing, problems) : null;
        if (!problems.isEmpty()) {
            throw checked.failure("Cannot make the release pull request (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "); nothing was changed", problems);
        }
        String branch = releaseBranch(base);
        PullRequests pulls = PullRequests.of(config, git, options.release(), options.token(), options.retry());
        if (draft == null) {
            Optional<GitHubRelease.PullRequest> open = pulls.open(branch);
            String components = String.join(", ", checked.components().stream().map(ComponentConfig::name).toList());
            if (open.isEmpty()) {
                log.info("Nothing to release: no commit since the latest release of " + components + " warrants one; no release pull request");
            } else if (options.mode() == Mode.SIMULATE) {
                log.info("Nothing to release: would close the release pull request #" + open.get().number());
            } else {
                pulls.github().closePullRequest(pulls.repository(), open.get().number());
                log.info("Nothing to release (" + components + "): closed the release pull request #" + open.get().number());
            }
            return new Result(false, List.of(), Map.of(), null);
        }
        List<String> tags = List.copyOf(draft.tagMessages().keySet());
        String message = commitMessage(draft);
        String title = draft.message().lines().findFirst().orElse("chore(release): " + String.join(", ", tags));
        String body = body(draft, base);
        ReleaseWriter writer = new ReleaseWriter(git);
        RemotePush remote = new RemotePush(git, config.remote(), GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS);
        String ref = Constants.R_HEADS + branch;
        ObjectId there = remote.refs().get(ref);
        ObjectId commit = writer.writeCommit(head, draft.files(), message, writer.identity());
        boolean upToDate = false;
        if (there != null) {
            remote.fetchInto(ref, Constants.R_REMOTES + config.remote() + "/" + branch);
            upToDate = inspect(git, writer, there, head, commit, branch);
        }
        if (options.mode() == Mode.SIMULATE) {
            log.info("Would " + (upToDate ? "leave " + branch + " as it is (it holds this release)" : "push " + branch + " (the release commit on "
                    + head.abbreviate(7).name() + ")") + " and open or update the pull request into " + base + ":");
            log.info("Title: " + title);
            log.info("Body:\n" + body);
            draft.changes().forEach(c -> log.info("Would change " + c.path() + ":\n" + c.unifiedDiff()));
            return new Result(false, tags, draft.versions(), pulls.open(branch).map(GitHubRelease.PullRequest::number).orElse(null));
        }
        if (upToDate) {
            log.info(branch + " holds this release already (" + there.abbreviate(7).name() + ")");
        } else {
            writer.setRef(ref, commit, "brokle-release: release pull request " + String.join(", ", tags));
            remote.pushReplacing(ref);
            log.info("Pushed " + branch + " (" + commit.abbreviate(7).name() + "): " + title);
        }
        GitHubRelease.PullRequest pull = pulls.openOrUpdate(branch, base, title, body, List.of(ReleasePrOptions.PENDING));
        return new Result(false, tags, draft.versions(), pull.number());
    }

    /**
     * Whether the remote release branch ({@code there}) holds this release already (the same files on
     * the same base); fails when it carries commits release-pr did not make, unless forced.
     */
    private boolean inspect(GitRepository git, ReleaseWriter writer, ObjectId there, ObjectId head, ObjectId commit, String branch) {
        RevCommit tip = writer.commit(there);
        RevCommit ours = writer.commit(commit);
        boolean made = tip.getParentCount() == 1 && TRAILER_LINE.matcher(tip.getFullMessage()).find() && writer.isAncestor(tip.getParent(0), head);
        if (!made && !options.force()) {
            throw new ReleaseFailure(branch + " has commits release-pr did not make (its tip " + tip.abbreviate(7).name() + " '"
                    + tip.getShortMessage() + "' is not a release commit on " + git.currentBranch().orElse("the release branch")
                    + "): release-pr rebuilds it from the branch on each run, which would drop them. Make the change on the branch"
                    + " instead, or run again with -Dbrokle.force=true to rebuild it anyway");
        }
        if (!made) {
            log.warn(branch + " had commits release-pr did not make (" + tip.abbreviate(7).name() + "); rebuilt as asked (brokle.force)");
        }
        return made && tip.getParent(0).equals(head) && tip.getTree().equals(ours.getTree()) && tip.getFullMessage().equals(ours.getFullMessage());
    }

    /** The release commit's message: prepare's, each tag's notes between markers, and the trailer. */
    static String commitMessage(ReleaseDraft draft) {
        StringBuilder out = new StringBuilder(draft.message().strip()).append("\n\n");
        draft.tagMessages().forEach((tag, notes) -> out.append(NOTES_BEGIN).append(tag).append(" ---\n").append(notes.strip()).append('\n')
                .append(NOTES_END).append("\n\n"));
        out.append(TRAILER).append(": ").append(String.join(", ", draft.tagMessages().keySet())).append('\n');
        return out.toString();
    }

    private static String body(ReleaseDraft draft, String base) {
        StringBuilder out = new StringBuilder();
        draft.tagMessages().forEach((tag, notes) -> out.append("## ").append(tag).append("\n\n").append(notes.strip()).append("\n\n"));
        out.append("### Files\n\n");
        for (FileChange change : draft.changes()) {
            out.append("- `").append(change.path()).append("`\n");
        }
        out.append("\n---\nMerging this pull request releases ").append(String.join(", ", draft.tagMessages().keySet())).append(": the release")
                .append(" workflow tags the merge on `").append(base).append("` and publishes it. This branch is rebuilt from `").append(base)
                .append("` on every push there: make changes on `").append(base).append("`, not here.\n\n")
                .append("🤖 Opened by `brokle-release:release-pr`\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- the merged release

    /** HEAD as a merged release commit: it carries the trailer, or it merges (as its second parent) a commit that does. */
    static Optional<MergedRelease> merged(GitRepository git, ObjectId head) {
        ReleaseWriter writer = new ReleaseWriter(git);
        RevCommit commit = writer.commit(head);
        Optional<Map<String, String>> notes = notes(commit.getFullMessage());
        if (notes.isEmpty() && commit.getParentCount() == 2) {
            notes = notes(writer.commit(commit.getParent(1)).getFullMessage());
        }
        return notes.map(n -> new MergedRelease(head, n));
    }

    /**
     * HEAD as the squash of the release pull request, whose message GitHub may have made from the
     * pull request's title: GitHub names HEAD as the merge commit of a merged release pull request,
     * and the notes come from that pull request's head commit (fetched from the remote). Without a
     * token, or for any other commit, empty.
     */
    private Optional<MergedRelease> squashed(GitRepository git, ReleaseConfig config, String base, ObjectId head) {
        if (!options.release().credentials().has(Credentials.Purpose.GITHUB) || !git.hasRemote(config.remote())) {
            return Optional.empty();
        }
        PullRequests pulls = PullRequests.of(config, git, options.release(), options.token(), options.retry());
        Optional<GitHubRelease.PullRequest> pull = pulls.github().pullRequests(pulls.repository(), releaseBranch(base), "closed").stream()
                .filter(p -> p.merged() && head.name().equals(p.mergeCommitSha()) && p.headSha() != null).findFirst();
        if (pull.isEmpty()) {
            return Optional.empty();
        }
        ReleaseWriter writer = new ReleaseWriter(git);
        ObjectId released = ObjectId.fromString(pull.get().headSha());
        if (!writer.exists(released)) {
            RemotePush remote = new RemotePush(git, config.remote(), GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS);
            remote.fetchInto(Constants.R_HEADS + releaseBranch(base), Constants.R_REMOTES + config.remote() + "/" + releaseBranch(base));
        }
        if (!writer.exists(released)) {
            throw new ReleaseFailure("HEAD is the merge of release pull request #" + pull.get().number() + ", whose commit " + released.abbreviate(7).name()
                    + " is no longer on " + releaseBranch(base) + ": its tags cannot be read. Tag the release by hand (see docs/goals.md, release-pr)");
        }
        log.info("HEAD is the squash merge of release pull request #" + pull.get().number());
        return notes(writer.commit(released).getFullMessage()).map(n -> new MergedRelease(head, n));
    }

    /** The tags a release commit's trailer names, each with the notes its message carries; empty for any other commit. */
    static Optional<Map<String, String>> notes(String message) {
        String[] paragraphs = message.strip().split("\n\\s*\n");
        Matcher trailer = TRAILER_LINE.matcher(paragraphs[paragraphs.length - 1]);
        if (!trailer.find()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String tag : trailer.group(1).split(",")) {
            String name = tag.strip();
            if (name.isEmpty()) {
                continue;
            }
            int begin = message.indexOf(NOTES_BEGIN + name + " ---\n");
            int end = begin < 0 ? -1 : message.indexOf(NOTES_END, begin);
            out.put(name, begin < 0 || end < 0 ? "Release " + name : message.substring(message.indexOf('\n', begin) + 1, end).strip());
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private Result tag(GitRepository git, ReleaseConfig config, String base, MergedRelease release) {
        ReleaseWriter writer = new ReleaseWriter(git);
        RemotePush remote = new RemotePush(git, config.remote(), GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS);
        Map<String, ObjectId> refs = remote.refs();
        List<String> problems = new ArrayList<>();
        List<String> toPush = new ArrayList<>();
        Map<String, String> toMake = new LinkedHashMap<>();
        for (Map.Entry<String, String> tag : release.notes().entrySet()) {
            String ref = Constants.R_TAGS + tag.getKey();
            ObjectId remoteTag = refs.get(ref);
            Optional<ObjectId> localTag = writer.ref(ref);
            if (remoteTag != null && localTag.isEmpty()) {
                remote.fetch(List.of(ref));
                localTag = writer.ref(ref);
            }
            if (localTag.isPresent() && !git.peeledCommit(tag.getKey()).equals(release.commit())) {
                problems.add("The tag " + tag.getKey() + " exists already on " + git.peeledCommit(tag.getKey()).abbreviate(7).name() + ", not on the"
                        + " merged release commit " + release.commit().abbreviate(7).name() + ": it was released another way");
            } else if (localTag.isEmpty()) {
                toMake.put(tag.getKey(), tag.getValue());
                toPush.add(ref);
            } else if (remoteTag == null) {
                toPush.add(ref);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot tag the merged release", problems);
        }
        List<String> tags = List.copyOf(release.notes().keySet());
        if (options.mode() == Mode.SIMULATE) {
            toMake.forEach((tag, notes) -> log.info("Would tag " + tag + " on " + release.commit().abbreviate(7).name() + " with the notes:\n" + notes));
            log.info(toPush.isEmpty() ? "The tags " + String.join(", ", tags) + " are on the remote already" : "Would push " + String.join(", ", toPush));
            return new Result(true, tags, versions(config, tags), null);
        }
        toMake.forEach((tag, notes) -> writer.setRef(Constants.R_TAGS + tag, writer.writeTag(release.commit(), tag, notes, writer.identity()),
                "brokle-release: release-pr " + tag));
        if (!toPush.isEmpty()) {
            remote.pushAtomically(toPush);
            log.info("Tagged " + release.commit().abbreviate(7).name() + " " + String.join(", ", toPush.stream()
                    .map(r -> r.substring(Constants.R_TAGS.length())).toList()) + " and pushed the tags to " + git.describeRemote(config.remote()));
        } else {
            log.info("The tags " + String.join(", ", tags) + " are on " + git.describeRemote(config.remote()) + " already");
        }
        Long number = label(git, config, base, release);
        return new Result(true, tags, versions(config, tags), number);
    }

    /** Each tag's component and version: the component whose tag prefix it starts with (the longest), the rest its version. */
    static Map<String, String> versions(ReleaseConfig config, List<String> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String tag : tags) {
            config.components().stream().filter(c -> tag.startsWith(c.tagPrefix())
                    && SemVer.tryParse(tag.substring(c.tagPrefix().length())).isPresent())
                    .max(Comparator.comparingInt(c -> c.tagPrefix().length()))
                    .ifPresent(c -> out.put(c.name(), tag.substring(c.tagPrefix().length())));
        }
        return out;
    }

    /** Moves the merged release pull request from pending to tagged; without a token, says so and leaves it. */
    private Long label(GitRepository git, ReleaseConfig config, String base, MergedRelease release) {
        if (!options.release().credentials().has(Credentials.Purpose.GITHUB)) {
            log.warn("No GitHub token: the release pull request keeps its label " + ReleasePrOptions.PENDING);
            return null;
        }
        PullRequests pulls = PullRequests.of(config, git, options.release(), options.token(), options.retry());
        Optional<GitHubRelease.PullRequest> pull = pulls.github().pullRequests(pulls.repository(), releaseBranch(base), "closed").stream()
                .filter(p -> p.merged() && (release.commit().name().equals(p.mergeCommitSha()) || p.labels().contains(ReleasePrOptions.PENDING)))
                .findFirst();
        if (pull.isEmpty()) {
            log.info("No merged release pull request from " + releaseBranch(base) + " to label");
            return null;
        }
        if (!pull.get().labels().contains(ReleasePrOptions.TAGGED)) {
            pulls.github().removeLabel(pulls.repository(), pull.get().number(), ReleasePrOptions.PENDING);
            pulls.github().addLabels(pulls.repository(), pull.get().number(), List.of(ReleasePrOptions.TAGGED));
            log.info("Labelled pull request #" + pull.get().number() + " " + ReleasePrOptions.TAGGED);
        }
        return pull.get().number();
    }
}
