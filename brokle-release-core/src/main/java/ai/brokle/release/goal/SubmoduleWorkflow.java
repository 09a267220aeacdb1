package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.Placeholders;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.git.GitCredentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.git.SubmoduleLinks;
import ai.brokle.release.publish.github.GitHubRelease;
import ai.brokle.release.submodules.CompatibilityMatrix;
import ai.brokle.release.submodules.SdkRemote;
import ai.brokle.release.submodules.Submodule;
import ai.brokle.release.submodules.SubmoduleChecks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The submodule goals: {@code validate-submodules} (each SDK submodule is exactly on a release of
 * its SDK), {@code update-submodules} (moves them to the newest release, on a branch with a pull
 * request if asked) and {@code compatibility-matrix} (docs/SDK_COMPATIBILITY.md from history).
 * Submodules are never checked out: each SDK remote's tags and branches are fetched into a cache
 * under the platform's git directory.
 */
public final class SubmoduleWorkflow {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REMOTE_TIMEOUT_SECONDS = 60;
    private static final int LISTED_CHANGES = 50;

    private final SubmoduleOptions options;
    private final ReleaseLog log;

    public SubmoduleWorkflow(SubmoduleOptions options) {
        this.options = options;
        this.log = options.release().log();
    }

    // ---------------------------------------------------------------- validate-submodules

    /** Checks every submodule (or the one named); fails naming each one not on a release, unless warn-only. */
    public List<SubmoduleChecks.Status> validate() {
        options.release().requireOnline("validate-submodules", "it reads the release tags of each SDK from its remote");
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            ObjectId head = git.head().orElseThrow(() -> new ReleaseFailure("HEAD names no commit: nothing records a submodule yet"));
            List<Submodule> submodules = Submodule.read(git, config, head, options.submodule(), problems);
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot check the submodules", problems);
            }
            List<SubmoduleChecks.Status> statuses = new SubmoduleChecks(options.release().credentials(), log).statuses(git, submodules);
            List<String> failing = statuses.stream().filter(s -> !s.ok())
                    .map(s -> SubmoduleChecks.advised(s, options.release().commands()).problem()).toList();
            if (submodules.isEmpty()) {
                log.info("No submodules to check: .gitmodules declares none");
            } else if (!failing.isEmpty() && !options.warnOnly()) {
                // each problem once, with what to do in its state
                throw new ReleaseFailure(failing.size() + " of " + submodules.size() + " submodule" + (submodules.size() == 1 ? " is" : "s are")
                        + " not on a release (-Dbrokle.warnOnly=true only warns)", failing);
            } else if (!failing.isEmpty()) {
                failing.forEach(log::warn);
                log.warn(failing.size() + " submodule(s) not on a release (warn-only: not failing)");
            }
            return statuses;
        }
    }

    // ---------------------------------------------------------------- update-submodules

    /** One submodule moved: from where to which release. */
    public record Update(Submodule submodule, String before, SdkRemote.Release beforeRelease, SdkRemote.Release after, List<RevCommit> changes) {
    }

    /** What an update did: the moves, the commit (null when nothing moved) and the pull request (null when none). */
    public record UpdateResult(List<Update> updates, ObjectId commit, String pullRequestUrl) {
    }

    public UpdateResult update() {
        options.release().requireOnline("update-submodules", "it fetches the SDK releases the submodules move to");
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            ObjectId head = git.head().orElseThrow(() -> new ReleaseFailure("HEAD names no commit: nothing records a submodule yet"));
            Optional<JsonNode> event = dispatchPayload();
            String only = options.submodule();
            if ((only == null || only.isBlank()) && event.isPresent() && event.get().path("sdk").isTextual()) {
                only = event.get().path("sdk").asText();
                log.info("The repository_dispatch event names the SDK '" + only + "'" + (event.get().path("version").isTextual()
                        ? " at version " + event.get().path("version").asText() : ""));
            }
            List<Submodule> submodules = Submodule.read(git, config, head, only, problems);
            String branch = options.branch() == null || options.branch().isBlank() ? null : options.branch().trim();
            String currentBranch = git.currentBranch().orElse(null);
            if (branch != null && !options.release().credentials().has(Credentials.Purpose.GITHUB)) {
                problems.add("No GitHub token for the pull request: set GITHUB_TOKEN or GH_TOKEN, or name a settings.xml server with"
                        + " -Dbrokle.githubServerId");
            }
            if (options.autoMerge() != null && !List.of("merge", "squash", "rebase").contains(options.autoMerge())) {
                problems.add("brokle.autoMerge: '" + options.autoMerge() + "' is not a merge method; give merge, squash or rebase");
            }
            if (options.autoMerge() != null && branch == null) {
                problems.add("brokle.autoMerge needs a pull request: give -Dbrokle.branch=<branch> too");
            }
            if (currentBranch == null) {
                problems.add("HEAD is detached: check out the branch the submodules are updated on (or that the pull request goes to)");
            }
            if (branch != null && !git.hasRemote(config.remote())) {
                problems.add("No remote '" + config.remote() + "' to push " + branch + " to: add it, or set 'remote' in " + ReleaseConfig.FILE_NAME);
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot update the submodules", problems);
            }
            List<Update> updates = new ArrayList<>();
            for (Submodule s : submodules) {
                target(git, s, event, problems).ifPresent(updates::add);
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot update the submodules", problems);
            }
            if (updates.isEmpty()) {
                log.info("Nothing to update: every submodule is on its SDK's newest " + (options.prerelease() ? "" : "stable ") + "release");
                return new UpdateResult(List.of(), null, null);
            }
            Map<String, ObjectId> gitlinks = new LinkedHashMap<>();
            updates.forEach(u -> gitlinks.put(u.submodule().path(), u.after().commit()));
            String message = Placeholders.SUBMODULE_COMMIT_MESSAGE.render(config.submoduleCommitMessage(), Map.of("updates", String.join(", ",
                    updates.stream().map(u -> u.submodule().config().name() + " to " + u.after().tag()).toList()))).strip() + "\n";
            SubmoduleLinks links = new SubmoduleLinks(git);
            ReleaseWriter writer = new ReleaseWriter(git);
            UpdateCommit made = updateCommit(git, config, head, gitlinks, message);
            ObjectId commit = made.commit();
            updates.forEach(u -> log.info(u.submodule().path() + ": " + u.before() + " -> " + u.after().tag()));
            if (made.matrix() != null) {
                log.info(made.matrix() + ": refreshed in the same commit");
            }
            if (branch == null) {
                writer.moveRefs(currentBranch, head, commit, Map.of(), "brokle-release: update submodules");
                links.stageGitlinks(gitlinks);
                if (made.matrix() != null) {
                    writer.checkOut(commit, List.of(made.matrix()));
                }
                log.info("Committed " + commit.abbreviate(7).name() + " on " + currentBranch + ": " + message.strip());
                List<String> checkedOut = updates.stream().map(u -> u.submodule().path())
                        .filter(p -> java.nio.file.Files.exists(git.workTree().resolve(p).resolve(".git"))).toList();
                if (!checkedOut.isEmpty()) {
                    log.info("Checked-out submodules keep their old commit until 'git submodule update " + String.join(" ", checkedOut) + "'");
                }
                return new UpdateResult(updates, commit, null);
            }
            String ref = Constants.R_HEADS + branch;
            writer.setRef(ref, commit, "brokle-release: update submodules");
            new RemotePush(git, config.remote(), GitCredentials.of(options.release().credentials()), REMOTE_TIMEOUT_SECONDS)
                    .pushReplacing(ref);
            log.info("Committed " + commit.abbreviate(7).name() + " on " + branch + " and pushed it to " + git.describeRemote(config.remote()));
            String url = pullRequest(config, git, branch, currentBranch, message.strip(), body(updates));
            return new UpdateResult(updates, commit, url);
        }
    }

    /** The payload of the repository_dispatch event that started this workflow run, when there is one. */
    private Optional<JsonNode> dispatchPayload() {
        String path = options.release().env("GITHUB_EVENT_PATH");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(Files.readString(Path.of(path), StandardCharsets.UTF_8)).path("client_payload");
            return payload.isObject() ? Optional.of(payload) : Optional.empty();
        } catch (IOException e) {
            throw new ReleaseFailure("GITHUB_EVENT_PATH: " + path + " is not the JSON of a workflow event (" + e.getMessage() + ")");
        }
    }

    /** Where a submodule moves: the event's version, or its SDK's highest release; empty when that is not newer. */
    private Optional<Update> target(GitRepository git, Submodule s, Optional<JsonNode> event, List<String> problems) {
        if (s.url() == null) {
            problems.add(s.path() + ": .gitmodules gives no url, so its releases cannot be read");
            return Optional.empty();
        }
        try (SdkRemote remote = s.fetch(git, options.release().credentials())) {
            List<SdkRemote.Release> releases = remote.releases();
            Optional<SdkRemote.Release> wanted;
            String version = event.filter(e -> e.path("version").isTextual()).map(e -> e.path("version").asText().replaceFirst("^v", ""))
                    .orElse(null);
            if (version != null) {
                wanted = releases.stream().filter(r -> r.version().toString().equals(version)).findFirst();
                if (wanted.isEmpty()) {
                    problems.add(s.path() + ": the event names version " + version + " but " + s.shownUrl() + " has no tag "
                            + s.config().tagPrefix() + version);
                    return Optional.empty();
                }
            } else {
                wanted = releases.stream().filter(r -> options.prerelease() || !r.version().isPrerelease()).findFirst();
            }
            if (wanted.isEmpty()) {
                log.info(s.path() + ": " + s.shownUrl() + " has no " + (options.prerelease() ? "" : "stable ") + "release tag ("
                        + s.config().tagPrefix() + "<version>)");
                return Optional.empty();
            }
            SdkRemote.Release after = wanted.get();
            SdkRemote.Position now = s.recorded() != null && remote.contains(s.recorded()) ? remote.position(s.recorded()) : null;
            String before = s.recorded() == null ? "none" : now == null ? s.recorded().abbreviate(7).name() : now.describe();
            if (after.commit().equals(s.recorded())) {
                log.info(s.path() + ": on " + after.tag() + " already");
                return Optional.empty();
            }
            if (version == null && now != null && now.release() != null && after.version().compareTo(now.release().version()) <= 0) {
                log.info(s.path() + ": " + before + " is not older than " + after.tag() + "; left as it is");
                return Optional.empty();
            }
            List<RevCommit> changes = remote.between(now == null ? null : s.recorded(), after.commit());
            return Optional.of(new Update(s, before, now == null || !now.onRelease() ? null : now.release(), after, changes));
        } catch (ReleaseError e) {
            problems.add(s.path() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The pull request's text: versions before and after, each SDK's changes between them, the testing checklist. */
    static String body(List<Update> updates) {
        StringBuilder out = new StringBuilder("## SDK Submodule Updates\n\n| SDK | Path | Before | After |\n| --- | --- | --- | --- |\n");
        updates.forEach(u -> out.append("| ").append(u.submodule().config().name()).append(" | `").append(u.submodule().path()).append("` | `")
                .append(u.before()).append("` | `").append(u.after().tag()).append("` |\n"));
        ConventionalCommitParser parser = new ConventionalCommitParser();
        for (Update u : updates) {
            out.append("\n### ").append(u.submodule().config().name()).append(": ").append(u.before()).append(" → ").append(u.after().tag())
                    .append("\n\n");
            int listed = 0;
            for (RevCommit c : u.changes()) {
                ConventionalCommit parsed = parser.parse(c.name(), c.getFullMessage(), c.getParentCount());
                if (c.getParentCount() > 1 || c.getShortMessage().startsWith("chore(release)")) {
                    continue;
                }
                if (listed++ == LISTED_CHANGES) {
                    out.append("- … and more; see the SDK's changelog\n");
                    break;
                }
                out.append("- ").append(c.getShortMessage()).append(" (").append(c.abbreviate(7).name()).append(")")
                        .append(parsed.breaking() ? " **breaking**" : "").append('\n');
            }
            if (listed == 0) {
                out.append("- no changes listed\n");
            }
        }
        out.append("\n### Testing\n\n- [ ] Integration tests pass\n- [ ] Platform builds successfully\n- [ ] No breaking changes detected\n\n---\n"
                + "🤖 Opened by `brokle-release:update-submodules`\n");
        return out.toString();
    }

    private String pullRequest(ReleaseConfig config, GitRepository git, String branch, String base, String title, String body) {
        PullRequests pulls = PullRequests.of(config, git, options.release(), options.token(), options.retry());
        GitHubRelease.PullRequest pull = pulls.openOrUpdate(branch, base, title, body, List.of());
        if (options.autoMerge() != null) {
            pulls.autoMerge(pull, options.autoMerge());
        }
        return pull.htmlUrl();
    }

    // ---------------------------------------------------------------- compatibility-matrix

    /** Writes (or with check, compares) the compatibility matrix; returns its text. */
    public String matrix() {
        options.release().requireOnline("compatibility-matrix", "it reads the release tags of the SDK remotes");
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            ComponentConfig platform = platform(config);
            ObjectId head = git.head().orElseThrow(() -> new ReleaseFailure("HEAD names no commit"));
            List<String> problems = new ArrayList<>();
            List<Submodule> current = Submodule.read(git, config, head, null, problems);
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot write the compatibility matrix", problems);
            }
            try {
                String text = renderMatrix(git, config, platform, head, current);
                Path file = git.workTree().resolve(options.output());
                String shown = file.startsWith(git.workTree()) ? git.workTree().relativize(file).toString().replace('\\', '/') : file.toString();
                String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
                if (options.check()) {
                    if (!text.equals(existing)) {
                        throw new ReleaseFailure(shown + " is out of date: run " + options.release().command("compatibility-matrix") + " and commit it");
                    }
                    log.info(shown + " is up to date");
                    return text;
                }
                if (text.equals(existing)) {
                    log.info(shown + " is up to date; left as it is");
                    return text;
                }
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("Wrote " + shown);
                return text;
            } catch (IOException e) {
                throw new ReleaseError("Cannot write " + options.output() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The matrix as it reads at {@code commit}, whose submodules are {@code current}. */
    private String renderMatrix(GitRepository git, ReleaseConfig config, ComponentConfig platform, ObjectId commit, List<Submodule> current) {
        return CompatibilityMatrix.render(git, config, platform, commit, current, options.release().credentials(), null);
    }

    /** The update's commit, and the matrix file it refreshed (null when it kept none or it did not change). */
    private record UpdateCommit(ObjectId commit, String matrix) {
    }

    /**
     * The update's commit: the moved gitlinks and, when the platform keeps the compatibility matrix,
     * the matrix as it reads with them, so that the commit passes {@code compatibility-matrix -Dbrokle.check=true}.
     */
    private UpdateCommit updateCommit(GitRepository git, ReleaseConfig config, ObjectId head, Map<String, ObjectId> gitlinks,
            String message) {
        ReleaseWriter writer = new ReleaseWriter(git);
        ObjectId links = writer.writeCommit(head, Map.of(), gitlinks, message, writer.identity());
        String matrix = options.output();
        Map<String, byte[]> kept = writer.contents(head, List.of(matrix));
        if (!kept.containsKey(matrix)) {
            return new UpdateCommit(links, null);
        }
        List<String> problems = new ArrayList<>();
        List<Submodule> moved = Submodule.read(git, config, links, null, problems);
        if (!problems.isEmpty()) {
            throw new ReleaseFailure("Cannot refresh " + matrix, problems);
        }
        byte[] text = renderMatrix(git, config, platform(config), links, moved).getBytes(StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(text, kept.get(matrix))) {
            return new UpdateCommit(links, null);
        }
        return new UpdateCommit(writer.writeCommit(head, Map.of(matrix, text), gitlinks, message, writer.identity()), matrix);
    }

    /** The platform component: the one named, else the one at the repository root, else the first. */
    private ComponentConfig platform(ReleaseConfig config) {
        String name = options.release().component();
        if (name != null && !name.isBlank()) {
            return config.select(name).get(0);
        }
        if (config.components().isEmpty()) {
            // submodules only: the platform's releases are its v<version> tags, as without a configuration
            return new ComponentConfig("platform", "", "v", List.of(), null);
        }
        return config.components().stream().filter(c -> c.path().isEmpty()).findFirst().orElse(config.components().get(0));
    }
}
