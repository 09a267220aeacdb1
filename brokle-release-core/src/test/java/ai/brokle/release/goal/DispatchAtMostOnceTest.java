package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.UnknownOutcome;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.http.Retry;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.FakeGitHub.Fault;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository dispatch goes out at most once per release and receiver: when its answer is lost,
 * when the run dies right after sending it, when the remote refuses the publication record, and when
 * two runs race on the same tag. The publication record travels through a real git daemon.
 */
class DispatchAtMostOnceTest {
    private static final String TOKEN = "ghp_dispatchonce0123456789abcdefghijklm";
    private static final Retry FAST = new Retry(3, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofMillis(800));

    @TempDir
    Path tmp;
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private BareRemote remote;
    private int clones;

    @AfterEach
    void stop() {
        github.close();
        if (remote != null) {
            remote.close();
        }
    }

    /** The platform tagged v3.2.1 and pushed to a remote; returns the first clone. */
    private Path released() {
        Path dir = tmp.resolve("work");
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n"
                    + "components:\n  platform:\n    path: .\n    tagPrefix: v\n"
                    + "    dispatch:\n      - repository: brokle-ai/brokle-docs\n        eventType: platform-released\n"
                    + "        payload: {version: '{{version}}'}\n    notify: [slack]\n");
            repo.commitAll("chore(release): v3.2.0");
            repo.annotatedTag("v3.2.0");
            repo.commitIn("api", "feat(api): usage dashboard");
            repo.annotatedTag("v3.2.1");
            remote = BareRemote.create(tmp.resolve("remote.git"));
            remote.connect(repo);
        }
        return dir;
    }

    /** A fresh clone of the remote, as a CI job has. */
    private Path freshClone() throws Exception {
        Path dir = tmp.resolve("clone" + (++clones));
        Git.cloneRepository().setURI(remote.url()).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    private PerformWorkflow.Result perform(Path dir, RecordingLog log) {
        ReleaseOptions release = ReleaseOptions.of(dir).withEnvironment(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REF", "refs/tags/v3.2.1",
                "SLACK_WEBHOOK_URL", github.slackWebhook())).withLog(log);
        return new PerformWorkflow(PerformOptions.of(release).withRetry(FAST), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).execute();
    }

    private static String outcome(PerformWorkflow.Result result, String step) {
        return result.outcomes().stream().filter(o -> o.step().startsWith(step)).map(Plan.Outcome::result).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "answer lost as {0}")
    @ValueSource(ints = {500, 502, 0})
    void aDispatchWhoseAnswerWasLostIsNeverSentAgain(int answer) throws Exception {
        Path dir = released();
        github.inject(Fault.answerLost("POST /repos/.*/dispatches", answer));
        RecordingLog log = new RecordingLog();
        UnknownOutcome lost = assertThrows(UnknownOutcome.class, () -> perform(dir, log));
        assertEquals(1, github.dispatches().size(), "GitHub took the event");
        assertTrue(lost.getMessage().contains("it may have been carried out") && lost.getMessage().contains("No run sends it again")
                && lost.getMessage().contains("send it by hand: mvn brokle-release:dispatch -Dbrokle.repository=brokle-ai/brokle-docs"
                        + " -Dbrokle.eventType=platform-released -Dbrokle.payload='{\"version\":\"3.2.1\"}'"), lost.getMessage());

        RecordingLog again = new RecordingLog();
        PerformWorkflow.Result rerun = perform(dir, again);
        assertEquals("unconfirmed", outcome(rerun, "dispatch"));
        assertTrue(again.everything().contains("may have arrived, so it is not sent again"), again.everything());
        PerformWorkflow.Result elsewhere = perform(freshClone(), new RecordingLog());
        assertEquals("unconfirmed", outcome(elsewhere, "dispatch"), "a CI job in a fresh clone reads the claim from the remote");
        assertEquals(1, github.dispatches().size(), "one event, whatever was re-run");
        assertEquals(1, github.releases().size());
    }

    @Test
    void aNoticeWhoseAnswerWasLostIsNotPostedAgain() throws Exception {
        Path dir = released();
        github.inject(Fault.answerLost("POST /hooks/slack", 502));
        RecordingLog log = new RecordingLog();
        PerformWorkflow.Result first = perform(dir, log);
        assertEquals("failed (warning)", outcome(first, "slack"), "a notice is a warning: the release goes on");
        assertTrue(log.everything().contains("it may have been carried out") && log.everything().contains("If the channel did not get it,"
                + " post the release's link to the channel yourself"), log.everything());
        assertEquals(1, github.slackMessages().size());
        PerformWorkflow.Result rerun = perform(freshClone(), new RecordingLog());
        assertEquals("unconfirmed", outcome(rerun, "slack"));
        assertEquals(1, github.slackMessages().size(), "posted once");
    }

    @Test
    void aRefusedDispatchIsSentByTheNextRun() throws Exception {
        Path dir = released();
        github.inject(Fault.status("POST /repos/.*/dispatches", 422, Map.of()));
        assertThrows(ReleaseError.class, () -> perform(dir, new RecordingLog()));
        assertEquals(0, github.dispatches().size());
        PerformWorkflow.Result rerun = perform(freshClone(), new RecordingLog());
        assertEquals("done", outcome(rerun, "dispatch"), "a refusal is an answer: the event surely did not arrive");
        assertEquals(1, github.dispatches().size());
        PerformWorkflow.Result third = perform(dir, new RecordingLog());
        assertEquals("already done", outcome(third, "dispatch"));
        assertEquals(1, github.dispatches().size());
    }

    @Test
    void aRunThatDiesRightAfterSendingLeavesAClaimThatNoRunSendsAgain() throws Exception {
        Path dir = released();
        RecordingLog dying = new RecordingLog() {
            @Override
            public void info(String message) {
                if (message.startsWith("[dispatch:") && message.endsWith("] sent")) {
                    throw new Killed();
                }
                super.info(message);
            }
        };
        assertThrows(Killed.class, () -> perform(dir, dying));
        assertEquals(1, github.dispatches().size());
        PerformWorkflow.Result rerun = perform(freshClone(), new RecordingLog());
        assertEquals("unconfirmed", outcome(rerun, "dispatch"));
        assertEquals(1, github.dispatches().size());
    }

    @Test
    void whenTheRemoteRefusesTheRecordTheEventIsNotSentAtAll() throws Exception {
        Path dir = released();
        remote.refusePushes("refs/brokle-release/* are protected");
        RecordingLog log = new RecordingLog();
        ReleaseError refused = assertThrows(ReleaseError.class, () -> perform(dir, log));
        assertTrue(refused.getMessage().contains("Cannot record on the remote that dispatch:brokle-ai/brokle-docs:platform-released is going"
                + " out") && refused.getMessage().contains("so it was not sent"), refused.getMessage());
        assertThrows(ReleaseError.class, () -> perform(freshClone(), new RecordingLog()));
        assertEquals(0, github.dispatches().size(), "without a shared claim, no run sends it: each would send its own");

        remote.acceptPushes();
        perform(freshClone(), new RecordingLog());
        perform(dir, new RecordingLog());
        assertEquals(1, github.dispatches().size());
    }

    @Test
    void ofTwoRunsRacingOnTheSameTagOneSendsTheEvent() throws Exception {
        released();
        for (int round = 0; round < 3; round++) {
            github.reset();
            remote.ref(PublicationRecord.refName("v3.2.1"));
            deleteRecord();
            List<Path> dirs = List.of(freshClone(), freshClone(), freshClone());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(dirs.size());
            List<Future<String>> runs = new ArrayList<>();
            for (Path d : dirs) {
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        return outcome(perform(d, new RecordingLog()), "dispatch");
                    } catch (ReleaseError e) {
                        return "failed: " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> run : runs) {
                outcomes.add(run.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertEquals(1, github.dispatches().size(), "round " + round + ": " + outcomes);
            assertEquals(1, Collections.frequency(outcomes, "done"), outcomes.toString());
        }
    }

    @Test
    void aNewerLocalRecordIsJoinedWithTheRemotesNotWrittenOver() throws Exception {
        Path dir = released();
        Path other = freshClone();
        remote.refusePushes("down for maintenance");
        assertThrows(ReleaseError.class, () -> perform(dir, new RecordingLog()));
        remote.acceptPushes();
        // the clone recorded the GitHub release but could not share it; another clone now records a dispatch
        perform(other, new RecordingLog());
        assertEquals(1, github.dispatches().size());
        PerformWorkflow.Result joined = perform(dir, new RecordingLog());
        assertEquals("already done", outcome(joined, "dispatch"));
        try (GitRepository git = GitRepository.open(dir)) {
            assertNotNull(PublicationRecord.states(git, "v3.2.1").get("github-release"));
            assertEquals(PublicationRecord.Entry.DONE, PublicationRecord.states(git, "v3.2.1").get("dispatch:brokle-ai/brokle-docs:platform-released"));
        }
        Path check = freshClone();
        try (Git g = Git.open(check.toFile())) {
            g.fetch().setRefSpecs(new RefSpec("+refs/brokle-release/*:refs/brokle-release/*")).call();
        }
        try (GitRepository remoteRepo = GitRepository.open(check)) {
            assertEquals(PublicationRecord.Entry.DONE, PublicationRecord.states(remoteRepo, "v3.2.1").get("github-release"),
                    "this clone's entry reached the remote alongside the other's");
        }
        assertEquals(1, github.dispatches().size());
    }

    private void deleteRecord() throws Exception {
        try (Git bare = Git.open(tmp.resolve("remote.git").toFile())) {
            var update = bare.getRepository().updateRef(PublicationRecord.refName("v3.2.1"));
            update.setForceUpdate(true);
            update.delete();
            assertNull(bare.getRepository().exactRef(PublicationRecord.refName("v3.2.1")));
        }
    }

    /** Stands for the process being killed: not a ReleaseException, so nothing in the plan handles it. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }
}
