package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.PlatformRepo;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare against a real bare remote: each case ends exactly as described, checked through refs, files and the remote. */
class PrepareWorkflowTest {
    @TempDir
    Path tmp;

    private PlatformRepo platform;
    private Path work;
    private BareRemote remote;
    private ObjectId base;
    private RecordingLog log;

    @AfterEach
    void close() {
        if (platform != null) {
            platform.close();
        }
    }

    private TestRepo repo() {
        platform = PlatformRepo.create(tmp);
        work = platform.work();
        remote = platform.remote;
        base = platform.base();
        log = platform.log;
        return platform.repo;
    }

    private void prepare(PrepareOptions options) {
        new PrepareWorkflow(options).execute();
    }

    private PrepareOptions options() {
        return PrepareOptions.of(platform.options());
    }

    private ObjectId ref(TestRepo repo, String name) {
        return platform.ref(name);
    }

    private String file(String path) {
        return platform.file(path);
    }

    private void assertUntouched(TestRepo repo) {
        platform.assertUntouched("v1.3.0");
    }

    /** One release commit on top of the base, with the files of 1.3.0, tagged v1.3.0; everything clean. */
    private RevCommit assertReleased(TestRepo repo) throws Exception {
        Repository r = repo.git().getRepository();
        ObjectId head = ref(repo, "refs/heads/main");
        try (RevWalk walk = new RevWalk(r)) {
            RevCommit commit = walk.parseCommit(head);
            assertEquals("chore(release): v1.3.0", commit.getShortMessage());
            assertEquals(1, commit.getParentCount());
            assertEquals(base, commit.getParent(0));
            RevTag tag = walk.parseTag(ref(repo, "refs/tags/v1.3.0"));
            assertEquals(head, tag.getObject());
            assertTrue(tag.getFullMessage().contains("usage dashboard"), tag.getFullMessage());
            assertEquals(PlatformRepo.PACKAGE_JSON.replace("1.2.0", "1.3.0"), file("web/package.json"));
            assertEquals("// generated\nexport const VERSION = \"v1.3.0\";\n", file("web/src/constants/VERSION.ts"));
            assertTrue(file("CHANGELOG.md").startsWith("# Changelog\n\n## [Unreleased]\n\n## [1.3.0] - 2026-09-21\n\n- Hand-written note\n\n### Added\n\n"
                    + "- **web:** usage dashboard ([#42](https://github.com/brokle-ai/brokle/pull/42)) ([" + base.name().substring(0, 7) + "]"),
                    file("CHANGELOG.md"));
            assertTrue(file("CHANGELOG.md").endsWith("[Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.3.0...HEAD\n"
                    + "[1.3.0]: https://github.com/brokle-ai/brokle/compare/v1.2.0...v1.3.0\n"), file("CHANGELOG.md"));
            assertTrue(repo.git().status().call().isClean(), "the work tree and index hold the release");
            return commit;
        }
    }

    @Test
    void aCleanReleaseCommitsTagsAndPushesAtomically() throws Exception {
        try (TestRepo repo = repo()) {
            prepare(options());
            RevCommit commit = assertReleased(repo);
            assertEquals(commit, remote.ref("refs/heads/main"));
            assertEquals(ref(repo, "refs/tags/v1.3.0"), remote.ref("refs/tags/v1.3.0"));
            PrepareState state = PrepareState.read(work.resolve(".git")).orElseThrow();
            assertEquals(List.of("commit-and-tag", "work-tree", "push"), state.done);
            assertEquals(base.name(), state.base);

            // a re-run finds nothing to release and makes nothing
            prepare(options());
            assertEquals(commit, ref(repo, "refs/heads/main"));
            assertTrue(log.lines().get(log.lines().size() - 1).startsWith("Nothing to release"), log.lines().toString());
        }
    }

    @Test
    void aPushRefusedByAHookKeepsTheLocalReleaseAndARerunPushesIt() throws Exception {
        try (TestRepo repo = repo()) {
            remote.refusePushes("policy: releases are frozen");
            ReleaseError e = assertThrows(ReleaseError.class, () -> prepare(options()));
            assertTrue(e.getMessage().contains("refused the push"), e.getMessage());
            assertTrue(e.getMessage().contains("policy: releases are frozen"), e.getMessage());
            assertTrue(e.getMessage().contains("run prepare again to push them (when the remote has new commits, prepare makes the release again on top of them; do not pull first), or run rollback"), e.getMessage());
            RevCommit commit = assertReleased(repo);
            ObjectId tag = ref(repo, "refs/tags/v1.3.0");
            assertEquals(base, remote.ref("refs/heads/main"), "the atomic push left the remote branch alone");
            assertNull(remote.ref("refs/tags/v1.3.0"), "and created no tag there");

            remote.acceptPushes();
            prepare(options());
            assertEquals(commit, ref(repo, "refs/heads/main"), "no second commit");
            assertEquals(tag, ref(repo, "refs/tags/v1.3.0"), "no second tag");
            assertEquals(commit, remote.ref("refs/heads/main"));
            assertEquals(tag, remote.ref("refs/tags/v1.3.0"));
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("Resuming the release v1.3.0")), log.lines().toString());
        }
    }

    @Test
    void theTagAlreadyOnTheRemoteStopsTheReleaseBeforeAnyChange() throws Exception {
        try (TestRepo repo = repo()) {
            remote.pushFromAnotherClone(tmp.resolve("other"), List.of(), "v1.3.0");
            repo.git().tagDelete().setTags("v1.3.0").call();
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> prepare(options()));
            assertTrue(String.join("\n", f.problems()).contains("v1.3.0, already exists on remote origin"), f.problems().toString());
            assertTrue(f.getMessage().startsWith("Cannot prepare the release (1 problem); nothing was changed"), f.getMessage());
            assertEquals(base, ref(repo, "refs/heads/main"));
            assertNull(ref(repo, "refs/tags/v1.3.0"));
            assertEquals(PlatformRepo.PACKAGE_JSON, file("web/package.json"));
            assertFalse(Files.exists(work.resolve(".git").resolve(PrepareState.FILE)));
        }
    }

    @Test
    void aDirtyTreeStopsTheReleaseBeforeAnyChange() throws Exception {
        try (TestRepo repo = repo()) {
            repo.write("notes.txt", "scratch\n");
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> prepare(options()));
            assertTrue(String.join("\n", f.problems()).contains("The work tree has uncommitted changes (notes.txt)"), f.problems().toString());
            Files.delete(work.resolve("notes.txt"));
            assertUntouched(repo);
        }
    }

    @Test
    void aBranchBehindItsUpstreamStopsTheReleaseBeforeAnyChange() throws Exception {
        try (TestRepo repo = repo()) {
            remote.pushFromAnotherClone(tmp.resolve("other"), List.of("fix: elsewhere"), null);
            repo.git().fetch().setRemote("origin").call();
            ObjectId remoteMain = remote.ref("refs/heads/main");
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> prepare(options()));
            assertTrue(String.join("\n", f.problems()).contains("Branch 'main' is 1 commit behind its upstream"), f.problems().toString());
            assertEquals(base, ref(repo, "refs/heads/main"));
            assertNull(ref(repo, "refs/tags/v1.3.0"));
            assertEquals(PlatformRepo.PACKAGE_JSON, file("web/package.json"));
            assertEquals(remoteMain, remote.ref("refs/heads/main"));
        }
    }

    @Test
    void aMissingVersionFileStopsTheReleaseNamingThePath() throws Exception {
        try (TestRepo repo = repo()) {
            repo.write(".brokle-release.yml", PlatformRepo.CONFIG + "      - path: sdk/brokle/_version.py\n");
            repo.commitAll("chore: version module");
            platform.markBase();
            base = platform.base();
            repo.git().push().setRemote("origin").call();
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> prepare(options()));
            assertTrue(String.join("\n", f.problems()).contains("sdk/brokle/_version.py: the file does not exist"), f.problems().toString());
            assertUntouched(repo);
        }
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
        try (TestRepo repo = repo()) {
            prepare(options().withDryRun(true));
            String out = String.join("\n", log.lines());
            assertTrue(out.contains("Would release platform 1.3.0"), out);
            assertTrue(out.contains("Would change web/package.json:\n--- a/web/package.json\n+++ b/web/package.json\n@@ -1,5 +1,5 @@\n {\n"
                    + "   \"name\": \"web\",\n-  \"version\": \"1.2.0\",\n+  \"version\": \"1.3.0\",\n"), out);
            assertTrue(out.contains("+## [1.3.0] - 2026-09-21"), out);
            assertTrue(out.contains("Would commit on main:\nchore(release): v1.3.0"), out);
            assertTrue(out.contains("Would tag v1.3.0 (annotated) with the release notes:"), out);
            assertTrue(out.contains("Would push main and the tag v1.3.0 to origin (" + remote.url()), out);
            assertUntouched(repo);
        }
    }

    @Test
    void withoutPushTheReleaseStaysLocalUntilARerun() throws Exception {
        try (TestRepo repo = repo()) {
            prepare(options().withPush(false));
            RevCommit commit = assertReleased(repo);
            assertEquals(base, remote.ref("refs/heads/main"));
            assertNull(remote.ref("refs/tags/v1.3.0"));
            prepare(options());
            assertEquals(commit, ref(repo, "refs/heads/main"));
            assertEquals(commit, remote.ref("refs/heads/main"));
            assertEquals(ref(repo, "refs/tags/v1.3.0"), remote.ref("refs/tags/v1.3.0"));
        }
    }

    @Test
    void aChangelogThatIsNotUtf8StopsTheReleaseNamingTheByte() throws Exception {
        try (TestRepo repo = repo()) {
            byte[] latin1 = (PlatformRepo.CHANGELOG + "- Caf\u00e9 support\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Files.write(work.resolve("CHANGELOG.md"), latin1);
            repo.commitAll("docs: changelog in Latin-1");
            platform.markBase();
            base = platform.base();
            repo.git().push().setRemote("origin").call();
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> prepare(options()));
            int at = PlatformRepo.CHANGELOG.length() + "- Caf".length();
            assertTrue(String.join("\n", f.problems()).contains("CHANGELOG.md is not UTF-8 at byte " + at + "; the release rewrites it"),
                    f.problems().toString());
            assertEquals(base, platform.ref("refs/heads/main"), "no release commit");
            assertEquals(null, platform.ref("refs/tags/v1.3.0"), "no tag");
            assertTrue(java.util.Arrays.equals(latin1, Files.readAllBytes(work.resolve("CHANGELOG.md"))), "the file is as it was");
        }
    }

    @Test
    void offlineTheGoalsThatNeedTheNetworkStopBeforeAnythingAndValidateSaysWhatItDidNotAsk(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  app:\n    tagPrefix: v\n");
            repo.commitAll("feat: first");
            repo.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish("git://127.0.0.1:9/nothing.git")).call();
            RecordingLog offlineLog = new RecordingLog();
            ReleaseOptions offline = ReleaseOptions.of(dir).withLog(offlineLog).withOffline(true);
            ReleaseFailure prepare = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(PrepareOptions.of(offline)).execute());
            assertTrue(prepare.getMessage().contains("Maven runs offline (-o), and prepare pushes the release"), prepare.getMessage());
            assertTrue(repo.git().tagList().call().isEmpty(), "nothing was made");
            ReleaseFailure perform = assertThrows(ReleaseFailure.class, () -> new PerformWorkflow(PerformOptions.of(offline),
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8)).execute());
            assertTrue(perform.getMessage().startsWith("Maven runs offline (-o), and perform needs the network"), perform.getMessage());
            new ValidateWorkflow(offline).execute();
            assertTrue(offlineLog.lines().contains("Maven runs offline (-o): the remote's tags and branch were not compared"), offlineLog.lines().toString());
        }
    }
}
