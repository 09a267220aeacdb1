package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The submodule goals on a platform repository whose two SDK submodules have local bare remotes with release tags. */
class SubmoduleWorkflowTest {
    private static final String TOKEN = "ghp_submoduletoken0123456789abcdefghijk";

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private final Map<String, ObjectId> python = new HashMap<>();
    private final Map<String, ObjectId> js = new HashMap<>();
    private Path pythonWork;
    private Path pythonRemote;
    private Path jsRemote;
    private TestRepo platform;

    /** An SDK with its releases (null tag: a commit without one), published to a bare remote; returns the remote. */
    private Path sdk(String name, Map<String, ObjectId> ids, String... messagesAndTags) throws Exception {
        Path work = tmp.resolve(name + "-work");
        try (TestRepo repo = TestRepo.init(work)) {
            for (int i = 0; i < messagesAndTags.length; i += 2) {
                RevCommit c = repo.commit(messagesAndTags[i]);
                String tag = messagesAndTags[i + 1];
                ids.put(tag == null ? messagesAndTags[i] : tag, c.copy());
                if (tag != null) {
                    repo.annotatedTag(tag);
                }
            }
        }
        Path bare = tmp.resolve(name + ".git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        if (name.equals("python")) {
            pythonWork = work;
        }
        return bare;
    }

    private static String config(String extra) {
        return "submodules:\n  sdk/python:\n    name: Python SDK\n    sdk: python\n    tagPrefix: python-v\n"
                + "  sdk/javascript:\n    name: JavaScript SDK\n    sdk: javascript\n    tagPrefix: js-v\n"
                + "components:\n  platform:\n    path: .\n    tagPrefix: v\n" + extra;
    }

    @BeforeEach
    void create() throws Exception {
        pythonRemote = sdk("python", python, "feat: client", "python-v0.2.8", "fix: retry on 429", "python-v0.2.9",
                "docs: readme", null, "feat!: drop Python 3.8\n\nBREAKING CHANGE: Python 3.9 or later", "python-v1.0.0-beta.1");
        jsRemote = sdk("javascript", js, "feat: client", "js-v0.5.0", "fix: types", "js-v0.5.1");
        platform = TestRepo.init(tmp.resolve("platform"));
        platform.write(".brokle-release.yml", config("github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n"));
        platform.write(".gitmodules", "[submodule \"sdk/python\"]\n\tpath = sdk/python\n\turl = " + pythonRemote.toUri() + "\n"
                + "[submodule \"sdk/javascript\"]\n\tpath = sdk/javascript\n\turl = " + jsRemote.toUri() + "\n");
        platform.git().add().addFilepattern(".brokle-release.yml").addFilepattern(".gitmodules").call();
        pin("sdk/python", python.get("python-v0.2.9"));
        pin("sdk/javascript", js.get("js-v0.5.1"));
        platform.commitIndex("feat: platform with its SDKs");
    }

    @AfterEach
    void close() {
        platform.close();
        github.close();
    }

    private void pin(String path, ObjectId commit) {
        platform.stageGitlink(path, commit);
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", TOKEN);
        return env;
    }

    private SubmoduleWorkflow workflow(SubmoduleOptions options) {
        return new SubmoduleWorkflow(options);
    }

    private SubmoduleOptions options() {
        return SubmoduleOptions.of(ReleaseOptions.of(platform.dir()).withEnvironment(env()).withLog(log))
                .withRetry(new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    @Test
    void submodulesOnReleasesPass() {
        List<ai.brokle.release.submodules.SubmoduleChecks.Status> statuses = workflow(options()).validate();
        assertEquals(List.of("sdk/python: on release python-v0.2.9", "sdk/javascript: on release js-v0.5.1"),
                statuses.stream().map(ai.brokle.release.submodules.SubmoduleChecks.Status::line).toList());
        assertFalse(Files.exists(platform.dir().resolve("sdk/python/.git")), "nothing was checked out");
    }

    @Test
    void aSubmodulePastAReleaseFailsTheCheckUnlessWarnOnly() {
        ObjectId past = python.get("docs: readme");
        pin("sdk/python", past);
        platform.commitIndex("chore: python sdk from main");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> workflow(options()).validate());
        assertEquals("1 of 2 submodules are not on a release (-Dbrokle.warnOnly=true only warns)", e.getMessage().lines().findFirst().orElseThrow());
        // ahead of the newest release: update-submodules has nothing to move to, so the advice is to release the SDK (or go back)
        assertEquals(List.of("sdk/python: 1 commit past release python-v0.2.9 (python-v0.2.9-1-g" + past.abbreviate(7).name()
                + "), unreleased commits ahead of the SDK's newest release; release the SDK first (its release moves the submodule), or go"
                + " back to python-v0.2.9 ('git -C sdk/python checkout python-v0.2.9', 'git add sdk/python' and a commit)"), e.problems());
        assertFalse(log.everything().contains("1 commit past release"), "the problem is reported once, in the failure: " + log.everything());
        workflow(options()).update();
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("sdk/python: python-v0.2.9-1-g") && l.contains("is not older than python-v0.2.9")),
                "update-submodules agrees: there is no newer release to move to: " + log.lines());
        List<ai.brokle.release.submodules.SubmoduleChecks.Status> warned = workflow(options().withWarnOnly(true)).validate();
        assertFalse(warned.get(0).ok());
        assertTrue(warned.get(1).ok());
    }

    @Test
    void validateChecksTheConfiguredSubmodulesToo() {
        ObjectId past = python.get("docs: readme");
        pin("sdk/python", past);
        platform.commitIndex("chore: python sdk from main");
        try (ai.brokle.release.git.GitRepository git = ai.brokle.release.git.GitRepository.open(platform.dir())) {
            List<String> problems = new ai.brokle.release.goal.ReleaseChecks(ReleaseOptions.of(platform.dir()).withLog(log)).check(git)
                    .problems();
            assertTrue(problems.contains("Submodule sdk/python: 1 commit past release python-v0.2.9 (python-v0.2.9-1-g" + past.abbreviate(7).name()
                    + "), unreleased commits ahead of the SDK's newest release; release the SDK first (its release moves the submodule), or go"
                    + " back to python-v0.2.9 ('git -C sdk/python checkout python-v0.2.9', 'git add sdk/python' and a commit)"), problems.toString());
            assertFalse(problems.stream().anyMatch(p -> p.contains("sdk/javascript")), problems.toString());
        }
    }

    @Test
    void aCommitTheRemoteDoesNotHaveAnUninitialisedSubmoduleAndAnUnreachableRemoteAreReported() throws Exception {
        RevCommit unpushed;
        try (TestRepo work = TestRepo.open(pythonWork)) {
            unpushed = work.commit("feat: not pushed");
        }
        pin("sdk/python", unpushed);
        platform.write(".gitmodules", "[submodule \"sdk/python\"]\n\tpath = sdk/python\n\turl = " + pythonRemote.toUri() + "\n"
                + "[submodule \"sdk/javascript\"]\n\tpath = sdk/javascript\n\turl = https://bot:s3cretpass@127.0.0.1:9/js.git\n"
                + "[submodule \"sdk/go\"]\n\tpath = sdk/go\n\turl = " + jsRemote.toUri() + "\n");
        platform.git().add().addFilepattern(".gitmodules").call();
        platform.commitIndex("chore: submodules");
        platform.write(".brokle-release.yml", "components:\n  platform:\n    path: .\n");
        platform.git().add().addFilepattern(".brokle-release.yml").call();
        platform.commitIndex("chore: every submodule with defaults");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> workflow(options()).validate());
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("sdk/python: the recorded commit " + unpushed.abbreviate(7).name() + " is not in the remote " + pythonRemote.toUri()
                + " (rewritten history or an unpushed commit)"), all);
        assertTrue(all.contains("sdk/javascript: remote unreachable: the remote https://***@127.0.0.1:9/js.git cannot be reached"), all);
        assertTrue(all.contains("sdk/go: not initialised: .gitmodules declares it, but HEAD records no commit at sdk/go"), all);
        assertFalse(all.contains("s3cretpass") || String.join("\n", log.lines()).contains("s3cretpass"));
    }

    @Test
    void updateMovesEachSubmoduleToItsNewestStableReleaseInOneCommit() throws Exception {
        pin("sdk/python", python.get("python-v0.2.8"));
        pin("sdk/javascript", js.get("js-v0.5.0"));
        ObjectId base = platform.commitIndex("chore: older SDKs").copy();
        SubmoduleWorkflow.UpdateResult result = workflow(options()).update();
        assertEquals("chore(deps): update Python SDK to python-v0.2.9, JavaScript SDK to js-v0.5.1",
                platform.git().log().setMaxCount(1).call().iterator().next().getFullMessage().strip());
        RevCommit head = platform.git().log().setMaxCount(1).call().iterator().next();
        assertEquals(base, head.getParent(0));
        assertEquals(result.commit(), head);
        DirCache index = platform.git().getRepository().readDirCache();
        assertEquals(python.get("python-v0.2.9"), index.getEntry("sdk/python").getObjectId(), "the index records the new commit too");
        assertEquals(List.of("sdk/python: on release python-v0.2.9", "sdk/javascript: on release js-v0.5.1"),
                workflow(options()).validate().stream().map(ai.brokle.release.submodules.SubmoduleChecks.Status::line).toList());

        SubmoduleWorkflow.UpdateResult again = workflow(options()).update();
        assertNull(again.commit(), "nothing newer, nothing done");
        assertTrue(log.lines().contains("Nothing to update: every submodule is on its SDK's newest stable release"), log.lines().toString());

        workflow(options().withPrerelease(true).withSubmodule("sdk/python")).update();
        assertEquals("chore(deps): update Python SDK to python-v1.0.0-beta.1",
                platform.git().log().setMaxCount(1).call().iterator().next().getFullMessage().strip());
    }

    @Test
    void theCommitMessageIsConfigurable() throws Exception {
        platform.write(".brokle-release.yml", config("submoduleCommitMessage: 'build(sdk): bump {{updates}}'\n"));
        platform.git().add().addFilepattern(".brokle-release.yml").call();
        pin("sdk/javascript", js.get("js-v0.5.0"));
        platform.commitIndex("chore: older js sdk");
        workflow(options()).update();
        assertEquals("build(sdk): bump JavaScript SDK to js-v0.5.1",
                platform.git().log().setMaxCount(1).call().iterator().next().getFullMessage().strip());
    }

    @Test
    void updateOnABranchPushesItAndOpensThenUpdatesOnePullRequest() throws Exception {
        Path origin = tmp.resolve("platform-origin.git");
        Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
        platform.git().remoteAdd().setName("origin").setUri(new URIish(origin.toUri().toString())).call();
        pin("sdk/python", python.get("python-v0.2.8"));
        platform.commitIndex("chore: older python sdk");
        ObjectId main = platform.git().getRepository().resolve("refs/heads/main");

        SubmoduleWorkflow.UpdateResult result = workflow(options().withBranch("bot/update-sdk-submodules")).update();
        assertEquals(main, platform.git().getRepository().resolve("refs/heads/main"), "the current branch stays where it was");
        try (Git remote = Git.open(origin.toFile())) {
            Ref pushed = remote.getRepository().exactRef("refs/heads/bot/update-sdk-submodules");
            assertEquals(result.commit(), pushed.getObjectId());
        }
        assertEquals(1, github.pullRequests().size());
        JsonNode pull = github.pullRequests().get(0);
        assertEquals("chore(deps): update Python SDK to python-v0.2.9", pull.path("title").asText());
        assertEquals("bot/update-sdk-submodules", pull.path("head").asText());
        assertEquals("main", pull.path("base").asText());
        String body = pull.path("body").asText();
        assertTrue(body.contains("| Python SDK | `sdk/python` | `python-v0.2.8` | `python-v0.2.9` |"), body);
        assertTrue(body.contains("### Python SDK: python-v0.2.8 → python-v0.2.9\n\n- fix: retry on 429 ("), body);
        assertTrue(body.contains("- [ ] Integration tests pass\n- [ ] Platform builds successfully\n- [ ] No breaking changes detected"), body);
        assertEquals("https://github.com/brokle-ai/brokle/pull/1", result.pullRequestUrl());

        // a repository_dispatch names the JavaScript SDK: the same pull request is updated, never a second one
        pin("sdk/javascript", js.get("js-v0.5.0"));
        platform.commitIndex("chore: older js sdk");
        Path event = tmp.resolve("event.json");
        Files.writeString(event, "{\"action\":\"sdk-released\",\"client_payload\":{\"sdk\":\"javascript\",\"version\":\"0.5.1\"}}",
                StandardCharsets.UTF_8);
        Map<String, String> env = env();
        env.put("GITHUB_EVENT_PATH", event.toString());
        workflow(SubmoduleOptions.of(ReleaseOptions.of(platform.dir()).withEnvironment(env).withLog(log)).withBranch("bot/update-sdk-submodules"))
                .update();
        assertEquals(1, github.pullRequests().size());
        assertEquals("chore(deps): update JavaScript SDK to js-v0.5.1", github.pullRequests().get(0).path("title").asText(),
                "the event's SDK only: " + github.pullRequests().get(0));
    }

    @Test
    void anUpdateRefreshesTheCompatibilityMatrixInTheSameCommitSoItsCheckPasses() throws Exception {
        pin("sdk/python", python.get("python-v0.2.8"));
        platform.commitIndex("feat: first release");
        platform.annotatedTag("v1.0.0");
        workflow(options()).matrix();
        platform.git().add().addFilepattern("docs/SDK_COMPATIBILITY.md").call();
        platform.commitIndex("docs: compatibility matrix");
        workflow(options().withCheck(true)).matrix();
        platform.commit("fix: a platform change that moves no submodule");
        workflow(options().withCheck(true)).matrix(); // a later commit leaves the file as it is

        SubmoduleWorkflow.UpdateResult result = workflow(options()).update();
        try (Git git = Git.open(platform.dir().toFile())) {
            RevCommit commit = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(result.commit(), commit.getId());
            assertEquals(2, changedPaths(git, commit).size(), "the gitlink and the matrix in one commit: " + changedPaths(git, commit));
            assertTrue(changedPaths(git, commit).contains("docs/SDK_COMPATIBILITY.md"));
            org.eclipse.jgit.api.Status status = git.status().call();
            assertFalse(status.getUncommittedChanges().contains("docs/SDK_COMPATIBILITY.md"), "the work tree and index hold the refreshed matrix: "
                    + status.getUncommittedChanges());
        }
        String matrix = Files.readString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md"));
        assertTrue(matrix.contains("## Current SDK Versions (newest platform release: v1.0.0)"), matrix);
        assertTrue(matrix.contains("| Python SDK | 0.2.9 | " + abbrev(python, "python-v0.2.9")), matrix);
        assertTrue(log.lines().contains("docs/SDK_COMPATIBILITY.md: refreshed in the same commit"), log.everything());
        workflow(options().withCheck(true)).matrix();
    }

    @Test
    void prepareRefreshesTheCompatibilityMatrixForTheReleaseItTags() throws Exception {
        pin("sdk/python", python.get("python-v0.2.8"));
        platform.commitIndex("feat: first release");
        platform.annotatedTag("v1.0.0");
        pin("sdk/python", python.get("python-v0.2.9"));
        platform.commitIndex("fix(deps): python sdk 0.2.9");
        workflow(options()).matrix();
        platform.git().add().addFilepattern("docs/SDK_COMPATIBILITY.md").call();
        platform.commitIndex("docs: compatibility matrix");
        String before = Files.readString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md"));
        assertFalse(before.contains("### Platform v1.0.1"), before);

        new PrepareWorkflow(PrepareOptions.of(ReleaseOptions.of(platform.dir()).withEnvironment(env()).withLog(log)).withPush(false)).execute();
        assertTrue(platform.git().getRepository().exactRef("refs/tags/v1.0.1") != null, "prepare tagged v1.0.1");
        String after = Files.readString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md"));
        assertTrue(after.contains("## Current SDK Versions (newest platform release: v1.0.1)"), after);
        assertTrue(after.contains("### Platform v1.0.1 ("), after);
        assertTrue(after.contains("- Python SDK: python-v0.2.9"), after);
        workflow(options().withCheck(true)).matrix(); // the release commit passes the check CI runs

        // offline, prepare leaves the file and says why
        platform.commit("fix: later");
        RecordingLog offline = new RecordingLog();
        new PrepareWorkflow(PrepareOptions.of(ReleaseOptions.of(platform.dir()).withEnvironment(env()).withLog(offline).withOffline(true))
                .withPush(false)).execute();
        assertEquals(after, Files.readString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md")));
        assertTrue(offline.everything().contains("docs/SDK_COMPATIBILITY.md is left as it is: Maven runs offline (-o)"), offline.everything());
    }

    @Test
    void withoutAMatrixFileTheUpdateCommitsTheGitlinksAlone() throws Exception {
        pin("sdk/python", python.get("python-v0.2.8"));
        platform.commitIndex("chore: older python sdk");
        workflow(options()).update();
        try (Git git = Git.open(platform.dir().toFile())) {
            assertEquals(List.of("sdk/python"), changedPaths(git, git.log().setMaxCount(1).call().iterator().next()));
        }
        assertFalse(Files.exists(platform.dir().resolve("docs/SDK_COMPATIBILITY.md")), "a platform without the matrix gets none");
    }

    private static List<String> changedPaths(Git git, RevCommit commit) throws Exception {
        try (org.eclipse.jgit.treewalk.TreeWalk walk = new org.eclipse.jgit.treewalk.TreeWalk(git.getRepository())) {
            walk.addTree(commit.getParent(0).getTree());
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            walk.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
            List<String> paths = new java.util.ArrayList<>();
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
            return paths;
        }
    }

    @Test
    void autoMergeIsTurnedOnForThePullRequestOrItIsMergedWhenNothingIsLeftToWaitFor() throws Exception {
        Path origin = tmp.resolve("platform-origin.git");
        Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
        platform.git().remoteAdd().setName("origin").setUri(new URIish(origin.toUri().toString())).call();
        pin("sdk/python", python.get("python-v0.2.8"));
        platform.commitIndex("chore: older python sdk");

        ReleaseFailure bad = assertThrows(ReleaseFailure.class,
                () -> workflow(options().withBranch("bot/update-sdk-submodules").withAutoMerge("fast-forward")).update());
        assertTrue(bad.getMessage().contains("brokle.autoMerge: 'fast-forward' is not a merge method; give merge, squash or rebase"), bad.getMessage());
        ReleaseFailure noBranch = assertThrows(ReleaseFailure.class, () -> workflow(options().withAutoMerge("squash")).update());
        assertTrue(noBranch.getMessage().contains("brokle.autoMerge needs a pull request"), noBranch.getMessage());
        assertTrue(github.pullRequests().isEmpty(), "refused before anything was pushed or opened");

        workflow(options().withBranch("bot/update-sdk-submodules").withAutoMerge("squash")).update();
        JsonNode pull = github.pullRequests().get(0);
        assertEquals("SQUASH", pull.path("auto_merge").path("merge_method").asText(), pull.toString());
        assertEquals("open", pull.path("state").asText());
        assertTrue(log.lines().contains("Pull request #1 merges by itself (squash) once its required checks pass"), log.everything());

        // a base branch with no required check pending: GitHub refuses auto-merge ("clean status"); merged now, as gh pr merge --auto does
        github.reset();
        github.pullsMergeableNow(true);
        workflow(options().withBranch("bot/update-sdk-submodules").withAutoMerge("merge")).update();
        pull = github.pullRequests().get(0);
        assertTrue(pull.path("merged").asBoolean(), pull.toString());
        assertEquals("merge", pull.path("merge_method").asText());
        assertTrue(github.requests().stream().anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/pulls/1/merge")));
    }

    @Test
    void theCompatibilityMatrixFollowsThePlatformReleases() throws Exception {
        pin("sdk/python", python.get("python-v0.2.8"));
        pin("sdk/javascript", js.get("js-v0.5.0"));
        platform.commitIndex("feat: first release");
        platform.annotatedTag("v1.0.0");
        pin("sdk/python", python.get("python-v0.2.9"));
        platform.commitIndex("chore(deps): python sdk 0.2.9");
        platform.annotatedTag("v1.1.0");
        pin("sdk/python", python.get("python-v1.0.0-beta.1"));
        pin("sdk/javascript", js.get("js-v0.5.1"));
        platform.commitIndex("feat!: sdk 1.0 beta");
        platform.annotatedTag("v2.0.0-rc.1");

        String text = workflow(options()).matrix();
        String golden = new String(getClass().getResourceAsStream("/submodules/SDK_COMPATIBILITY.md").readAllBytes(), StandardCharsets.UTF_8)
                .replace("{{py-0.2.8}}", abbrev(python, "python-v0.2.8")).replace("{{py-0.2.9}}", abbrev(python, "python-v0.2.9"))
                .replace("{{py-1.0.0-beta.1}}", abbrev(python, "python-v1.0.0-beta.1")).replace("{{js-0.5.1}}", abbrev(js, "js-v0.5.1"));
        assertEquals(golden, text);
        assertEquals(text, Files.readString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md")));

        assertEquals(text, workflow(options()).matrix(), "the same history gives the same file");
        assertTrue(log.lines().contains("docs/SDK_COMPATIBILITY.md is up to date; left as it is"));
        workflow(options().withCheck(true)).matrix();
        Files.writeString(platform.dir().resolve("docs/SDK_COMPATIBILITY.md"), text.replace("0.2.9", "0.2.7"));
        ReleaseFailure stale = assertThrows(ReleaseFailure.class, () -> workflow(options().withCheck(true)).matrix());
        assertTrue(stale.getMessage().contains("docs/SDK_COMPATIBILITY.md is out of date"), stale.getMessage());
    }

    private static String abbrev(Map<String, ObjectId> ids, String key) {
        return ids.get(key).abbreviate(7).name();
    }

    @Test
    void aConfigurationWithSubmodulesOnlyServesTheSubmoduleGoals() throws Exception {
        platform.write(".brokle-release.yml", "submodules:\n  sdk/python:\n    tagPrefix: python-v\n  sdk/javascript:\n    tagPrefix: js-v\n");
        platform.commitAll("chore: submodules only");
        List<ai.brokle.release.submodules.SubmoduleChecks.Status> statuses = workflow(options()).validate();
        assertTrue(statuses.stream().allMatch(ai.brokle.release.submodules.SubmoduleChecks.Status::ok), statuses.toString());
        assertTrue(workflow(options()).matrix().contains("python-v0.2.9"), "the matrix reads the platform's v tags without a component");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new NextVersionWorkflow(ReleaseOptions.of(platform.dir()).withLog(log)).execute());
        assertTrue(e.getMessage().contains("configures submodules only, no component to release"), e.getMessage());
    }
}
