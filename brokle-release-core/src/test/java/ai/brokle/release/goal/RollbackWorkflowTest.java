package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.testing.PlatformRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollback after prepare, against a real remote served by git daemon; each case checked through refs, files and the remote. */
class RollbackWorkflowTest {
    @TempDir
    Path tmp;

    private PlatformRepo p;

    @BeforeEach
    void create() {
        p = PlatformRepo.create(tmp);
    }

    @AfterEach
    void close() {
        p.close();
    }

    private void prepare(boolean push) {
        new PrepareWorkflow(PrepareOptions.of(p.options()).withPush(push)).execute();
    }

    private void rollback() {
        new RollbackWorkflow(RollbackOptions.of(p.options())).execute();
    }

    private String out() {
        return String.join("\n", p.log.lines());
    }

    private boolean clean() throws Exception {
        return p.repo.git().status().call().isClean();
    }

    @Test
    void anUnpushedReleaseIsResetAndThePrepareCanBeRunAgain() throws Exception {
        prepare(false);
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertTrue(p.file("web/package.json").contains("1.3.0"));

        rollback();
        p.assertUntouched("v1.3.0");
        assertTrue(clean(), "the index holds the files of the base again");
        assertTrue(out().contains("Rolled back v1.3.0: main is back at " + p.base().name().substring(0, 7)), out());

        prepare(true);
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertEquals(p.ref("refs/heads/main"), p.remote.ref("refs/heads/main"));
        try (RevWalk walk = new RevWalk(p.repo.git().getRepository())) {
            RevCommit again = walk.parseCommit(p.ref("refs/heads/main"));
            assertEquals(p.base(), again.getParent(0), "the new release commit sits on the base, the rolled-back one is gone from main");
        }
    }

    @Test
    void aFileTheReleaseCreatedIsRemovedAgain() throws Exception {
        // a first release: no release tag yet and no changelog, which the release creates
        p.repo.git().tagDelete().setTags("v1.2.0").call();
        p.repo.git().push().setRemote("origin").setRefSpecs(new RefSpec(":refs/tags/v1.2.0")).call();
        p.repo.git().rm().addFilepattern("CHANGELOG.md").call();
        p.repo.commitAll("docs: no changelog yet");
        p.repo.git().push().setRemote("origin").call();
        p.markBase();
        prepare(false);
        assertTrue(Files.exists(p.work().resolve("CHANGELOG.md")), "the release created the changelog");
        String tag = p.repo.git().tagList().call().get(0).getName().substring("refs/tags/".length());

        rollback();
        assertFalse(Files.exists(p.work().resolve("CHANGELOG.md")));
        assertEquals(p.base(), p.ref("refs/heads/main"));
        assertNull(p.ref("refs/tags/" + tag));
        assertEquals(PlatformRepo.PACKAGE_JSON, p.file("web/package.json"));
        assertTrue(clean(), "and it is out of the index too");
    }

    @Test
    void aPushedReleaseIsRevertedByANewCommitAndItsTagsDeletedEverywhere() throws Exception {
        prepare(true);
        ObjectId release = p.ref("refs/heads/main");
        assertEquals(release, p.remote.ref("refs/heads/main"));

        rollback();
        ObjectId revert = p.ref("refs/heads/main");
        try (RevWalk walk = new RevWalk(p.repo.git().getRepository())) {
            RevCommit commit = walk.parseCommit(revert);
            assertEquals(release, commit.getParent(0), "pushed history is kept: the revert goes on top");
            assertEquals("Revert \"chore(release): v1.3.0\"\n\nThis reverts commit " + release.name() + ".\n", commit.getFullMessage());
        }
        assertEquals(revert, p.remote.ref("refs/heads/main"));
        assertNull(p.ref("refs/tags/v1.3.0"));
        assertNull(p.remote.ref("refs/tags/v1.3.0"));
        assertEquals(PlatformRepo.PACKAGE_JSON, p.file("web/package.json"));
        assertEquals(PlatformRepo.VERSION_TS, p.file("web/src/constants/VERSION.ts"));
        assertEquals(PlatformRepo.CHANGELOG, p.file("CHANGELOG.md"));
        assertTrue(clean());
        assertFalse(p.stateExists());

        // the version is free again: a new prepare releases 1.3.0 on top of the revert
        prepare(true);
        assertNotNull(p.remote.ref("refs/tags/v1.3.0"));
        assertTrue(p.file("web/package.json").contains("\"version\": \"1.3.0\""));
    }

    @Test
    void aRefusedPushOfTheRevertIsFinishedByARerunWithoutASecondRevert() throws Exception {
        prepare(true);
        ObjectId release = p.ref("refs/heads/main");
        ObjectId tag = p.ref("refs/tags/v1.3.0");
        p.remote.refusePushes("policy: main is frozen");

        ReleaseError e = assertThrows(ReleaseError.class, this::rollback);
        assertTrue(e.getMessage().contains("policy: main is frozen"), e.getMessage());
        assertTrue(e.getMessage().contains("run rollback again to finish"), e.getMessage());
        ObjectId revert = p.ref("refs/heads/main");
        assertFalse(revert.equals(release), "the revert is committed locally");
        assertNull(p.ref("refs/tags/v1.3.0"));
        assertEquals(release, p.remote.ref("refs/heads/main"), "the atomic push changed nothing on the remote");
        assertEquals(tag, p.remote.ref("refs/tags/v1.3.0"));

        ReleaseFailure busy = assertThrows(ReleaseFailure.class, () -> prepare(true));
        assertTrue(busy.getMessage().contains("A rollback of v1.3.0 is under way"), busy.getMessage());

        p.remote.acceptPushes();
        rollback();
        assertEquals(revert, p.ref("refs/heads/main"), "no second revert");
        assertEquals(revert, p.remote.ref("refs/heads/main"));
        assertNull(p.remote.ref("refs/tags/v1.3.0"));
        assertFalse(p.stateExists());
    }

    @Test
    void aReleaseSomethingWasPublishedFromIsNotRolledBack() throws Exception {
        prepare(true);
        ObjectId release = p.ref("refs/heads/main");
        // CI, in another clone, published the Python package from the tag and recorded it on the remote
        Path ci = tmp.resolve("ci");
        try (Git clone = Git.cloneRepository().setURI(p.remote.url()).setDirectory(ci.toFile()).call();
                GitRepository git = GitRepository.open(ci)) {
            PublicationRecord.record(git, "v1.3.0", PublicationRecord.Entry.now("pypi", "https://pypi.org/project/brokle/1.3.0/"));
            clone.push().setRefSpecs(new RefSpec("refs/brokle-release/published/v1.3.0:refs/brokle-release/published/v1.3.0")).call();
        }

        ReleaseFailure f = assertThrows(ReleaseFailure.class, this::rollback);
        assertTrue(f.getMessage().contains("Cannot roll back v1.3.0: it was published already"), f.getMessage());
        assertTrue(f.getMessage().contains("-Dbrokle.bump=patch"), f.getMessage());
        assertTrue(f.getMessage().contains("v1.3.0: pypi → https://pypi.org/project/brokle/1.3.0/"), f.getMessage());
        assertEquals(release, p.ref("refs/heads/main"));
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertEquals(release, p.remote.ref("refs/heads/main"));
        assertNotNull(p.remote.ref("refs/tags/v1.3.0"));
        assertTrue(p.stateExists());
    }

    @Test
    void anUnpushedReleaseWithLocalEditsToItsFilesIsRefusedBeforeAnyChange() throws Exception {
        prepare(false);
        ObjectId release = p.ref("refs/heads/main");
        Files.writeString(p.work().resolve("CHANGELOG.md"), p.file("CHANGELOG.md") + "\nmy edit\n");

        ReleaseFailure f = assertThrows(ReleaseFailure.class, this::rollback);
        assertTrue(f.getMessage().contains("Changed since the release: CHANGELOG.md"), f.getMessage());
        assertTrue(f.getMessage().contains("nothing was changed"), f.getMessage());
        assertEquals(release, p.ref("refs/heads/main"));
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertTrue(p.file("CHANGELOG.md").endsWith("my edit\n"));
    }

    @Test
    void aPushedReleaseIsNotRevertedWhileTheBranchDiffersFromTheRemote() throws Exception {
        prepare(true);
        p.remote.pushFromAnotherClone(tmp.resolve("other"), List.of("fix: later"), null);
        ObjectId remoteMain = p.remote.ref("refs/heads/main");

        ReleaseFailure f = assertThrows(ReleaseFailure.class, this::rollback);
        assertTrue(f.getMessage().contains("Branch 'main' here (") && f.getMessage().contains("differ: bring them level"), f.getMessage());
        assertEquals(remoteMain, p.remote.ref("refs/heads/main"));
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertNotNull(p.remote.ref("refs/tags/v1.3.0"));
    }

    @Test
    void aDryRunTellsWhatItWouldUndoAndChangesNothing() throws Exception {
        prepare(true);
        ObjectId release = p.ref("refs/heads/main");
        byte[] state = Files.readAllBytes(p.work().resolve(".git/brokle-release/prepare.json"));

        new RollbackWorkflow(RollbackOptions.of(p.options()).withDryRun(true)).execute();
        assertTrue(out().contains("Would commit on main:\nRevert \"chore(release): v1.3.0\""), out());
        assertTrue(out().contains("Would push the revert to main and delete the tag v1.3.0 from origin"), out());
        assertEquals(release, p.ref("refs/heads/main"));
        assertEquals(release, p.remote.ref("refs/heads/main"));
        assertNotNull(p.ref("refs/tags/v1.3.0"));
        assertNotNull(p.remote.ref("refs/tags/v1.3.0"));
        assertTrue(p.file("web/package.json").contains("1.3.0"));
        assertEquals(new String(state), Files.readString(p.work().resolve(".git/brokle-release/prepare.json")));
    }

    @Test
    void withoutAPrepareThereIsNothingToRollBack() {
        ReleaseFailure f = assertThrows(ReleaseFailure.class, this::rollback);
        assertTrue(f.getMessage().startsWith("Nothing to roll back"), f.getMessage());
        p.assertUntouched("v1.3.0");
    }
}
