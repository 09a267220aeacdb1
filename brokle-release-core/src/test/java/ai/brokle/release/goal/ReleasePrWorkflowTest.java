package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.PlatformRepo;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * release-pr on the platform repository (released as v1.2.0, a feature since) with a git daemon
 * remote and the GitHub fake: the pull request is opened once and updated, the merged release is
 * tagged once, and a failure at each outside step followed by a re-run ends as a clean run does.
 */
class ReleasePrWorkflowTest {
    private static final String TOKEN = "ghp_releaseprtoken0123456789abcdefghijk";
    private static final String BRANCH = "refs/heads/brokle-release/main";

    @TempDir
    Path tmp;
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private PlatformRepo platform;
    private RecordingLog log;
    private Path outputs;

    @BeforeEach
    void create() throws Exception {
        platform = PlatformRepo.create(tmp);
        outputs = Files.createFile(tmp.resolve("github-output"));
    }

    @AfterEach
    void close() {
        platform.close();
        github.close();
    }

    private ReleasePrOptions options() {
        log = new RecordingLog();
        Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1790000000", "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL",
                github.apiUrl().toString(), "GITHUB_OUTPUT", outputs.toString()));
        return ReleasePrOptions.of(ReleaseOptions.of(platform.work()).withLog(log).withEnvironment(env))
                .withRetry(new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(5)));
    }

    private ReleasePrWorkflow.Result run(ReleasePrOptions options) {
        return new ReleasePrWorkflow(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
    }

    /** Merges the release pull request as GitHub's rebase or fast-forward merge does: main moves to its head, here and on the remote. */
    private ObjectId merge(long number) throws Exception {
        ObjectId head = platform.remote.ref(BRANCH);
        Git git = platform.repo.git();
        git.fetch().setRemote("origin").setRefSpecs("+" + BRANCH + ":refs/remotes/origin/brokle-release/main").call();
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(head.name()).call();
        git.push().setRemote("origin").add("main").call();
        github.markMerged(number, head.name());
        return head;
    }

    /** What the tag workflow runs after release-pr tagged the merge. */
    private void perform() {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl().toString(), "GITHUB_REF",
                "refs/tags/v1.3.0"));
        new PerformWorkflow(PerformOptions.of(ReleaseOptions.of(platform.work()).withLog(new RecordingLog()).withEnvironment(env)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
    }

    private RevCommit commit(ObjectId id) throws Exception {
        try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(platform.repo.git().getRepository())) {
            return walk.parseCommit(id);
        }
    }

    @Test
    void thePullRequestIsOpenedUpdatedMergedAndTaggedOnce() throws Exception {
        ReleasePrWorkflow.Result first = run(options());
        assertEquals(1L, first.pullRequest());
        assertFalse(first.releaseCreated());
        assertEquals(List.of("v1.3.0"), first.tags());
        assertEquals(1, github.pullRequests().size());
        JsonNode pull = github.pullRequests().get(0);
        assertEquals("chore(release): v1.3.0", pull.path("title").asText());
        assertEquals("brokle-release/main", pull.path("head").asText());
        assertEquals("main", pull.path("base").asText());
        assertTrue(pull.path("body").asText().contains("## v1.3.0") && pull.path("body").asText().contains("usage dashboard"), pull.toString());
        assertEquals(List.of(ReleasePrOptions.PENDING), github.labels(1));
        ObjectId pushed = platform.remote.ref(BRANCH);
        RevCommit release = commit(pushed);
        assertEquals(platform.ref("refs/heads/main"), release.getParent(0), "built on main");
        assertTrue(release.getFullMessage().endsWith("\n\nRelease-Tags: v1.3.0\n"), release.getFullMessage());
        assertEquals(platform.ref("refs/heads/main"), platform.remote.ref("refs/heads/main"), "main is not touched");
        assertNull(platform.remote.ref("refs/tags/v1.3.0"), "nothing is tagged before the merge");
        assertTrue(Files.readString(outputs).contains("pr-number<<") || Files.readString(outputs).contains("pr-number="), Files.readString(outputs));

        // the same push again: the branch already holds this release, the pull request stays the one
        run(options());
        assertEquals(pushed, platform.remote.ref(BRANCH), "not pushed again");
        assertEquals(1, github.pullRequests().size());

        // a second push to main: the same pull request, a new head and body
        platform.repo.commit("fix(api): retry on 429");
        platform.repo.git().push().setRemote("origin").add("main").call();
        ReleasePrWorkflow.Result second = run(options());
        assertEquals(1L, second.pullRequest());
        assertEquals(1, github.pullRequests().size(), "updated, never a second one");
        assertFalse(pushed.equals(platform.remote.ref(BRANCH)), "a new head");
        assertTrue(github.pullRequests().get(0).path("body").asText().contains("retry on 429"), github.pullRequests().get(0).toString());

        // merged: release-pr on main tags the merge with the notes and pushes the tag
        ObjectId merged = merge(1);
        ReleasePrWorkflow.Result tagged = run(options());
        assertTrue(tagged.releaseCreated());
        assertEquals(List.of("v1.3.0"), tagged.tags());
        assertEquals(Map.of("platform", "1.3.0"), tagged.versions());
        assertNotNull(platform.remote.ref("refs/tags/v1.3.0"));
        try (Git remote = Git.open(tmp.resolve("remote.git").toFile())) {
            ObjectId peeled = remote.getRepository().getRefDatabase().peel(remote.getRepository().exactRef("refs/tags/v1.3.0")).getPeeledObjectId();
            assertEquals(merged, peeled, "the tag is on the merged release commit");
        }
        assertEquals("1.3.0", new String(Files.readAllBytes(platform.work().resolve("web/package.json")), StandardCharsets.UTF_8)
                .replaceAll("(?s).*\"version\": \"([^\"]+)\".*", "$1"));
        assertEquals(List.of(ReleasePrOptions.TAGGED), github.labels(1));
        assertTrue(Files.readString(outputs).contains("release-created") && Files.readString(outputs).contains("true"));

        // the tag workflow's perform: one GitHub release with the tag's notes
        perform();
        assertEquals(1, github.releases().size());
        assertEquals("v1.3.0", github.releases().get(0).path("tag_name").asText());
        assertTrue(github.releases().get(0).path("body").asText().contains("usage dashboard"), github.releases().get(0).toString());

        // again, both: nothing new
        ObjectId tag = platform.remote.ref("refs/tags/v1.3.0");
        String state = github.state() + github.pullRequests();
        run(options());
        perform();
        assertEquals(tag, platform.remote.ref("refs/tags/v1.3.0"));
        assertEquals(state, github.state() + github.pullRequests());
        assertTrue(log.lines().contains("The tags v1.3.0 are on " + "remote origin (" + platform.remote.url() + ") already")
                || log.everything().contains("v1.3.0 are on"), log.everything());
    }

    @Test
    void aSquashMergeWhoseMessageIsThePullRequestTitleIsRecognisedThroughGitHub() throws Exception {
        run(options());
        ObjectId head = platform.remote.ref(BRANCH);
        Git git = platform.repo.git();
        git.fetch().setRemote("origin").setRefSpecs("+" + BRANCH + ":refs/remotes/origin/brokle-release/main").call();
        // GitHub's squash: the release commit's files in a new commit on main, its message the pull request's title alone
        git.checkout().setAllPaths(true).setStartPoint(head.name()).call();
        git.add().addFilepattern(".").call();
        RevCommit squash = git.commit().setMessage("chore(release): v1.3.0 (#1)").call();
        git.push().setRemote("origin").add("main").call();
        assertTrue(ReleasePrWorkflow.notes(squash.getFullMessage()).isEmpty(), "the subject alone names no release");
        github.markMerged(1, squash.name(), head.name());

        ReleasePrWorkflow.Result tagged = run(options());
        assertTrue(tagged.releaseCreated());
        assertNotNull(platform.remote.ref("refs/tags/v1.3.0"));
        assertTrue(log.everything().contains("HEAD is the squash merge of release pull request #1"), log.everything());
        assertEquals(List.of(ReleasePrOptions.TAGGED), github.labels(1));

        // a commit on main that is no release pull request's merge, with a release-like subject: no tag, a pull request instead
        platform.repo.commit("chore(release): v9.9.9");
        platform.repo.git().push().setRemote("origin").add("main").call();
        ReleasePrWorkflow.Result none = run(options());
        assertFalse(none.releaseCreated());
        assertNull(platform.remote.ref("refs/tags/v9.9.9"));
    }

    @Test
    void nothingToReleaseClosesTheOpenPullRequest() throws Exception {
        run(options());
        assertEquals("open", github.pullRequests().get(0).path("state").asText());
        // released another way (prepare from a laptop): nothing is left to propose
        new PrepareWorkflow(PrepareOptions.of(platform.options())).execute();
        assertNotNull(platform.remote.ref("refs/tags/v1.3.0"));
        ReleasePrWorkflow.Result result = run(options());
        assertNull(result.pullRequest());
        assertEquals("closed", github.pullRequests().get(0).path("state").asText());
        assertTrue(log.everything().contains("closed the release pull request #1"), log.everything());
    }

    @Test
    void aReleaseBranchEditedByHandIsNotOverwrittenUnlessForced() throws Exception {
        run(options());
        ObjectId ours = platform.remote.ref(BRANCH);
        Path other = tmp.resolve("other");
        try (Git clone = Git.cloneRepository().setURI(platform.remote.url()).setDirectory(other.toFile()).setBranch("brokle-release/main").call();
                TestRepo repo = TestRepo.open(other)) {
            repo.commitFile("CHANGELOG.md", "edited\n", "docs: reword the changelog");
            clone.push().call();
        }
        ObjectId edited = platform.remote.ref(BRANCH);
        ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> run(options()));
        assertTrue(refused.getMessage().contains("brokle-release/main has commits release-pr did not make")
                && refused.getMessage().contains("docs: reword the changelog") && refused.getMessage().contains("-Dbrokle.force=true"),
                refused.getMessage());
        assertEquals(edited, platform.remote.ref(BRANCH), "left as it is");
        run(options().withForce(true));
        assertFalse(edited.equals(platform.remote.ref(BRANCH)));
        assertEquals(commit(ours).getTree(), commit(platform.remote.ref(BRANCH)).getTree(), "rebuilt from main");
    }

    @Test
    void aDryRunShowsThePullRequestAndChangesNothing() throws Exception {
        ReleasePrWorkflow.Result result = run(options().withDryRun(true));
        assertEquals(List.of("v1.3.0"), result.tags());
        assertNull(platform.remote.ref(BRANCH));
        assertTrue(github.pullRequests().isEmpty());
        String said = log.everything();
        assertTrue(said.contains("Would push brokle-release/main") && said.contains("Title: chore(release): v1.3.0")
                && said.contains("Would change web/package.json") && said.contains("## v1.3.0"), said);
    }

    @Test
    void aFailureAtEachOutsideStepThenARerunEndsAsACleanRun() throws Exception {
        // the push of the release branch is refused once
        platform.remote.refusePushes("pre-receive hook down");
        assertThrows(ReleaseError.class, () -> run(options()));
        assertTrue(github.pullRequests().isEmpty(), "no pull request without its branch");
        platform.remote.acceptPushes();
        // GitHub fails the pull request's creation once
        github.inject(FakeGitHub.Fault.status("POST /repos/brokle-ai/brokle/pulls$", 502, Map.of()));
        github.inject(FakeGitHub.Fault.status("POST /repos/brokle-ai/brokle/pulls$", 502, Map.of()));
        assertThrows(RuntimeException.class, () -> run(options()));
        run(options());
        assertEquals(1, github.pullRequests().size());
        assertEquals(List.of(ReleasePrOptions.PENDING), github.labels(1));

        // merged; the tag push is refused once, then labelling fails once
        merge(1);
        platform.remote.refusePushes("pre-receive hook down");
        assertThrows(ReleaseError.class, () -> run(options()));
        assertNull(platform.remote.ref("refs/tags/v1.3.0"));
        platform.remote.acceptPushes();
        github.inject(FakeGitHub.Fault.status("POST /repos/brokle-ai/brokle/issues/1/labels", 502, Map.of()));
        github.inject(FakeGitHub.Fault.status("POST /repos/brokle-ai/brokle/issues/1/labels", 502, Map.of()));
        assertThrows(RuntimeException.class, () -> run(options()));
        ObjectId tag = platform.remote.ref("refs/tags/v1.3.0");
        assertNotNull(tag, "tagged before the label failed");
        ReleasePrWorkflow.Result done = run(options());
        assertTrue(done.releaseCreated());
        assertEquals(tag, platform.remote.ref("refs/tags/v1.3.0"), "the tag is not made twice");
        assertEquals(List.of(ReleasePrOptions.TAGGED), github.labels(1));
        assertEquals(1, github.pullRequests().size());
    }
}
