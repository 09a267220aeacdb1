package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.testing.PlatformRepo;
import ai.brokle.release.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote moves while a release is made: validate and prepare look at the remote as it is, and
 * an unpushed release has one way out, whatever the user did meanwhile.
 */
class MovingRemoteTest {
    @TempDir
    Path tmp;
    private PlatformRepo platform;

    @AfterEach
    void close() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A teammate pushes a fix to main from their own clone; returns their commit. */
    private ObjectId teammatePushes() throws Exception {
        Path other = tmp.resolve("teammate");
        try (Git clone = Git.cloneRepository().setURI(platform.remote.url()).setDirectory(other.toFile()).call();
                TestRepo repo = TestRepo.open(other)) {
            RevCommit fix = repo.commitFile("api/hotfix.txt", "hot\n", "fix(api): hotfix");
            clone.push().call();
            return fix.copy();
        }
    }

    private PrepareOptions options() {
        return PrepareOptions.of(platform.options());
    }

    @Test
    void validateAndPrepareRefuseWhenTheRemoteHasCommitsTheCloneLacks() throws Exception {
        platform = PlatformRepo.create(tmp);
        ObjectId theirs = teammatePushes();
        ObjectId before = platform.ref("refs/heads/main");
        // origin/main in this clone still says the remote is where this clone is: only the remote itself can tell
        assertEquals(before, platform.ref("refs/remotes/origin/main"));

        ReleaseFailure validate = assertThrows(ReleaseFailure.class, () -> new ValidateWorkflow(platform.options()).execute());
        String said = "Remote origin (" + platform.remote.url() + ") has commits on 'main' that this clone lacks (it is at "
                + theirs.name().substring(0, 7) + "): someone pushed since this clone last fetched. Bring them in first ('git pull --rebase"
                + " origin main'), then run again";
        assertTrue(validate.getMessage().contains(said), validate.getMessage());
        ReleaseFailure prepare = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(options()).execute());
        assertTrue(prepare.getMessage().contains(said) && prepare.getMessage().contains("nothing was changed"), prepare.getMessage());
        assertEquals(before, platform.ref("refs/heads/main"));
        assertNull(platform.ref("refs/tags/v1.3.0"));
        assertEquals(theirs, platform.remote.ref("refs/heads/main"));
        assertFalse(platform.stateExists());
    }

    @Test
    void prepareAgainMakesTheUnpushedReleaseAgainOnTopOfTheRemotesCommits() throws Exception {
        platform = PlatformRepo.create(tmp);
        new PrepareWorkflow(options().withPush(false)).execute();
        ObjectId firstTry = platform.ref("refs/heads/main");
        ObjectId theirs = teammatePushes();

        new PrepareWorkflow(options()).execute();
        assertTrue(platform.log.everything().contains("has new commits on main (" + theirs.name().substring(0, 7) + "): the unpushed"
                + " release v1.3.0 is dropped and made again on top of them"), platform.log.everything());
        assertReleasedOn(theirs, firstTry);
    }

    @Test
    void afterAPullRebaseRollbackDropsTheCopiedReleaseAndPrepareMakesItAgain() throws Exception {
        platform = PlatformRepo.create(tmp);
        new PrepareWorkflow(options().withPush(false)).execute();
        ObjectId firstTry = platform.ref("refs/heads/main");
        ObjectId theirs = teammatePushes();
        platform.repo.git().pull().setRebase(true).call();
        assertEquals(theirs, parentOf(platform.ref("refs/heads/main")), "the release commit was copied onto the teammate's");

        ReleaseFailure stuck = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(options()).execute());
        assertTrue(stuck.getMessage().contains("v1.3.0 is the unpushed release an earlier prepare made, whose commit is no longer the"
                + " branch's tip (after 'git pull --rebase'?): drop it with 'mvn brokle-release:rollback', then prepare again"),
                stuck.getMessage());

        new RollbackWorkflow(RollbackOptions.of(platform.options())).execute();
        assertEquals(theirs, platform.ref("refs/heads/main"), "back to the teammate's commit, which stays");
        assertNull(platform.ref("refs/tags/v1.3.0"));
        assertEquals("hot\n", Files.readString(platform.work().resolve("api/hotfix.txt")));
        assertEquals(PlatformRepo.PACKAGE_JSON, platform.file("web/package.json"));

        new PrepareWorkflow(options()).execute();
        assertReleasedOn(theirs, firstTry);
    }

    /** One release commit on {@code theirs}, tagged, pushed; the first, unpushed try gone. */
    private void assertReleasedOn(ObjectId theirs, ObjectId firstTry) throws Exception {
        ObjectId head = platform.ref("refs/heads/main");
        assertEquals(theirs, parentOf(head));
        assertEquals(head, platform.remote.ref("refs/heads/main"));
        try (RevWalk walk = new RevWalk(platform.repo.git().getRepository())) {
            assertEquals(head, walk.parseTag(platform.ref("refs/tags/v1.3.0")).getObject());
            assertEquals("chore(release): v1.3.0", walk.parseCommit(head).getShortMessage());
        }
        assertEquals(platform.ref("refs/tags/v1.3.0"), platform.remote.ref("refs/tags/v1.3.0"));
        assertTrue(!head.equals(firstTry));
        assertEquals(PlatformRepo.PACKAGE_JSON.replace("1.2.0", "1.3.0"), platform.file("web/package.json"));
        assertTrue(platform.file("CHANGELOG.md").contains("hotfix"), "the teammate's fix is part of the release notes");
        assertEquals("hot\n", Files.readString(platform.work().resolve("api/hotfix.txt")));
        assertTrue(platform.repo.git().status().call().isClean());
        assertEquals(List.of("commit-and-tag", "work-tree", "push"), PrepareState.read(platform.work().resolve(".git")).orElseThrow().done);
    }

    private ObjectId parentOf(ObjectId commit) throws Exception {
        try (RevWalk walk = new RevWalk(platform.repo.git().getRepository())) {
            return walk.parseCommit(commit).getParent(0).copy();
        }
    }
}
