package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseException;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.testing.PlatformRepo;
import ai.brokle.release.testing.RecordingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an interrupted or a concurrent run leaves in a clone: git's lock files, and a second prepare at the same time. */
class LocalStateFaultsTest {
    @TempDir
    Path tmp;
    private PlatformRepo platform;

    @AfterEach
    void close() {
        if (platform != null) {
            platform.close();
        }
    }

    private PrepareOptions options(RecordingLog log) {
        return PrepareOptions.of(platform.options().withLog(log));
    }

    /** A lock file as a process killed an hour ago while updating {@code ref} leaves it. */
    private Path staleLock(String ref) throws Exception {
        Path lock = platform.work().resolve(".git").resolve(ref + ".lock");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "0123456789012345678901234567890123456789\n");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));
        return lock;
    }

    @Test
    void aLockFileOfAnotherProcessIsReportedWithTheCommandThatRemovesIt() throws Exception {
        platform = PlatformRepo.create(tmp);
        Path lock = staleLock("refs/heads/main");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(options(platform.log)).execute());
        assertTrue(e.getMessage().contains(".git/refs/heads/main.lock exists (since ") && e.getMessage().contains("s ago)"), e.getMessage());
        assertTrue(e.getMessage().contains("When no git command is running in this clone, remove it and run prepare again: rm -f"
                + " .git/refs/heads/main.lock"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        platform.assertUntouched("v1.3.0");
        assertTrue(Files.exists(lock), "not ours to remove");

        Files.delete(lock);
        new PrepareWorkflow(options(platform.log)).execute();
        assertNotNull(platform.ref("refs/tags/v1.3.0"));
    }

    @Test
    void theLockFilesOfItsOwnInterruptedRefUpdateAreRemovedByTheNextRun() throws Exception {
        platform = PlatformRepo.create(tmp);
        // the lock files appear after the checks, as if the run were killed while git held them: the ref update fails and leaves the state
        AtomicBoolean placed = new AtomicBoolean();
        RecordingLog interrupted = new RecordingLog() {
            @Override
            public void info(String message) {
                if (!placed.getAndSet(true)) {
                    try {
                        staleLock("refs/heads/main");
                        staleLock("refs/tags/v1.3.0");
                        staleLock("packed-refs");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                super.info(message);
            }
        };
        assertThrows(ReleaseException.class, () -> new PrepareWorkflow(options(interrupted)).execute());
        PrepareState left = PrepareState.read(platform.work().resolve(".git")).orElseThrow();
        assertNotNull(left.commit, "the run got as far as the ref update");
        assertFalse(left.isDone(PrepareState.COMMIT_STEP));

        RecordingLog log = new RecordingLog();
        new PrepareWorkflow(options(log)).execute();
        for (String removed : List.of(".git/refs/heads/main.lock", ".git/refs/tags/v1.3.0.lock", ".git/packed-refs.lock")) {
            assertTrue(log.everything().contains("Removed " + removed + " (since "), log.everything());
            assertFalse(Files.exists(platform.work().resolve(removed)));
        }
        assertNotNull(platform.ref("refs/tags/v1.3.0"));
        assertEquals(platform.ref("refs/heads/main"), platform.remote.ref("refs/heads/main"));
        PrepareState state = PrepareState.read(platform.work().resolve(".git")).orElseThrow();
        assertEquals(List.of("v1.3.0"), List.copyOf(state.tags.keySet()));
        assertEquals(List.of("commit-and-tag", "work-tree", "push"), state.done);
    }

    @Test
    void aLockLeftBeforeAFinishedPrepareIsNotTakenForOneOfItsOwn() throws Exception {
        platform = PlatformRepo.create(tmp);
        new PrepareWorkflow(options(platform.log).withPush(false)).execute();
        Path lock = staleLock("refs/heads/main");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new RollbackWorkflow(RollbackOptions.of(platform.options())).execute());
        assertTrue(e.getMessage().contains("run rollback again: rm -f .git/refs/heads/main.lock"), e.getMessage());
        assertTrue(Files.exists(lock), "the prepare ended cleanly: the lock is not its leftover");
        assertNotNull(platform.ref("refs/tags/v1.3.0"), "nothing rolled back");
        Files.delete(lock);
        new RollbackWorkflow(RollbackOptions.of(platform.options())).execute();
        assertEquals(null, platform.ref("refs/tags/v1.3.0"));
    }

    @Test
    void aVersionFileOrChangelogReachedThroughALinkIsRefusedBeforeAnythingChanges() throws Exception {
        platform = PlatformRepo.create(tmp);
        Path outside = Files.writeString(tmp.resolve("outside-changelog.md"), "# Someone else's file\n");
        Path work = platform.work();
        Files.move(work.resolve("web/package.json"), work.resolve("web/package.real.json"));
        Files.createSymbolicLink(work.resolve("web/package.json"), Path.of("package.real.json"));
        Files.delete(work.resolve("CHANGELOG.md"));
        Files.createSymbolicLink(work.resolve("CHANGELOG.md"), Path.of("../outside-changelog.md"));
        platform.repo.commitAll("chore: links");
        platform.markBase();
        String realBefore = Files.readString(work.resolve("web/package.real.json"));

        RecordingLog log = new RecordingLog();
        for (boolean dryRun : List.of(true, false)) {
            ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(options(log).withDryRun(dryRun)).execute());
            assertTrue(e.getMessage().contains("web/package.json: is a symbolic link (to package.real.json); the release rewrites this file"
                    + " and follows no link"), e.getMessage());
            assertTrue(e.getMessage().contains("changelog CHANGELOG.md: is a symbolic link (to ../outside-changelog.md)"), e.getMessage());
        }
        assertEquals("# Someone else's file\n", Files.readString(outside));
        assertEquals(realBefore, Files.readString(work.resolve("web/package.real.json")));
        assertTrue(Files.isSymbolicLink(work.resolve("web/package.json")));
        assertEquals(null, platform.ref("refs/tags/v1.3.0"));
        assertFalse(log.everything().contains("Someone else"), "nothing of the outside file is shown");
    }

    @Test
    void aPomModuleOutsideTheRepositoryIsNeitherReadNorShown() throws Exception {
        platform = PlatformRepo.create(tmp);
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/pom.xml"), "<project><artifactId>not-ours</artifactId><version>1.2.0</version>"
                + "<description>outside secret</description></project>\n");
        platform.repo.write("pom.xml", "<project>\n  <groupId>ai.brokle</groupId>\n  <artifactId>platform</artifactId>\n"
                + "  <version>1.2.0</version>\n  <modules>\n    <module>../outside</module>\n  </modules>\n</project>\n");
        platform.repo.write(".brokle-release.yml", PlatformRepo.CONFIG + "      - path: pom.xml\n");
        platform.repo.commitAll("build: pom");
        platform.markBase();
        RecordingLog log = new RecordingLog();
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(options(log).withDryRun(true)).execute());
        assertTrue(e.getMessage().contains("lies outside the repository; a release changes only files inside it"), e.getMessage());
        assertFalse(log.everything().contains("outside secret") || e.getMessage().contains("outside secret"));
    }

    @Test
    void ofTwoPreparesInOneCloneOneWinsAndTheOtherChangesNothing() throws Exception {
        platform = PlatformRepo.create(tmp);
        CountDownLatch firstIsIn = new CountDownLatch(1);
        CountDownLatch secondTried = new CountDownLatch(1);
        RecordingLog slow = new RecordingLog() {
            @Override
            public void info(String message) {
                firstIsIn.countDown();
                try {
                    secondTried.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.info(message);
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> first = pool.submit(() -> new PrepareWorkflow(options(slow)).execute());
        assertTrue(firstIsIn.await(30, TimeUnit.SECONDS));
        Path journal = platform.work().resolve(".git").resolve(PrepareState.FILE);
        byte[] before = Files.exists(journal) ? Files.readAllBytes(journal) : null;
        ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> new PrepareWorkflow(PrepareOptions.of(platform.options()
                .withLog(new RecordingLog()).withBump("major"))).execute());
        byte[] after = Files.exists(journal) ? Files.readAllBytes(journal) : null;
        secondTried.countDown();
        first.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertTrue(refused.getMessage().startsWith("Another brokle-release run is at work in this clone (prepare, process "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("wait until it ends, then run prepare again. Nothing was changed"), refused.getMessage());
        assertTrue(java.util.Arrays.equals(before, after), "the refused run wrote nothing");
        PrepareState state = PrepareState.read(platform.work().resolve(".git")).orElseThrow();
        assertEquals(List.of("v1.3.0"), List.copyOf(state.tags.keySet()), "the journal names the release that landed");
        assertEquals(platform.ref("refs/heads/main").name(), state.commit);
        assertEquals(null, platform.ref("refs/tags/v2.0.0"));
    }
}
