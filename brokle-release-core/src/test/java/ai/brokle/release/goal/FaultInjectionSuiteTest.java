package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseException;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.http.Retry;
import ai.brokle.release.plan.PrepareState;
import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.PlatformRepo;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault-injection suite: {@code prepare}, {@code rollback} and {@code perform} run in processes
 * of their own ({@link KillableRun}) and are killed at each step boundary (before each message they
 * log) and during their ref update; each is then run again, and the final state (local and remote
 * refs, files, commit count, the release journal, what the GitHub fake received) is compared with a
 * run without faults. Then hostile inputs, each of which must end in an error naming what to fix,
 * with nothing changed. Every output of every run is searched for the secrets the runs held. The
 * figures are printed and written to {@code target/fault-injection.txt}; every fault must be survived,
 * every input handled, no secret leaked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionSuiteTest {
    private static final String TOKEN = "ghp_faultsuite0123456789abcdefghijklmnop";
    private static final String SOURCE_DATE_EPOCH = "1790000000";
    private static final int CHILD_TIMEOUT_SECONDS = 120;

    private static int faults;
    private static int survived;
    private static int inputs;
    private static int handled;
    private static int leaked;
    private static final List<String> failures = new ArrayList<>();
    /** Everything every run printed or logged, searched for secrets at the end. */
    private static final StringBuilder outputs = new StringBuilder();

    @TempDir
    Path tmp;
    private final java.util.concurrent.atomic.AtomicInteger dirs = new java.util.concurrent.atomic.AtomicInteger();

    private Path fresh(String name) {
        return tmp.resolve(name + "-" + dirs.incrementAndGet());
    }

    /** A scenario of the suite; they run two at a time (each in its own directories, with its own servers). */
    @FunctionalInterface
    private interface Scenario {
        void run() throws Exception;
    }

    private static void inParallel(List<Scenario> scenarios) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (Scenario s : scenarios) {
                running.add(pool.submit(() -> {
                    s.run();
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- running a goal in a process of its own -------------------------------------------------------

    private record Child(int exit, String output) {
        int messages() {
            return output.lines().filter(l -> l.startsWith("MESSAGES ")).map(l -> Integer.parseInt(l.substring(9).trim())).findFirst()
                    .orElseThrow(() -> new AssertionError("the run did not end of itself:\n" + output));
        }

        List<String> logged() {
            return output.lines().filter(l -> l.startsWith("INFO ") || l.startsWith("WARN ")).toList();
        }
    }

    private Child child(String goal, Path dir, int killAt, int lockAt, String lockRefs, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a short-lived run: the quick compiler and the serial collector start it fastest
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                KillableRun.class.getName(), goal,
                dir.toString(), String.valueOf(killAt), String.valueOf(lockAt), lockRefs).redirectErrorStream(true);
        // only what the goal is given: nothing of this machine's CI reaches the child
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", tmp.toString());
        builder.environment().put("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH);
        builder.environment().putAll(env);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(goal + " did not end within " + CHILD_TIMEOUT_SECONDS + " s");
        }
        reader.join(10_000);
        String output = out.toString(StandardCharsets.UTF_8);
        synchronized (outputs) {
            outputs.append(output).append('\n');
        }
        return new Child(process.exitValue(), output);
    }

    private static synchronized void record(String fault, String expected, String actual) {
        faults++;
        if (expected.equals(actual)) {
            survived++;
        } else {
            failures.add(fault + ":\n--- without faults\n" + expected + "\n--- after the fault and a re-run\n" + actual);
        }
    }

    private static synchronized void recordFailure(String fault, Exception e) {
        faults++;
        failures.add(fault + ": the re-run failed: " + e);
    }

    private static int indexOf(List<String> logged, String start) {
        for (int i = 0; i < logged.size(); i++) {
            if (logged.get(i).substring(5).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no message starting with '" + start + "' in " + logged);
    }

    // ---- the state a run leaves ----------------------------------------------------------------------

    /** Refs (peeled to trees and first lines, so that commit times do not count), the commit count, the work tree, the journal, lock files. */
    private static String snapshot(Path work, Path remote) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Git local = Git.open(work.toFile())) {
            out.append("local:\n").append(refs(local.getRepository()));
            out.append("clean: ").append(local.status().call().isClean()).append('\n');
            int commits = 0;
            for (RevCommit ignored : local.log().call()) {
                commits++;
            }
            out.append("commits on HEAD: ").append(commits).append('\n');
        }
        try (Git bare = Git.open(remote.toFile())) {
            out.append("remote:\n").append(refs(bare.getRepository()));
        }
        PrepareState.read(work.resolve(".git")).ifPresentOrElse(s -> out.append("journal: done ").append(s.done).append(" tags ")
                .append(s.tags.keySet()).append(" versions ").append(s.versions).append(" rollback ").append(s.rollback)
                .append(" movingRefs ").append(s.movingRefs).append('\n'), () -> out.append("journal: none\n"));
        try (Stream<Path> files = Files.walk(work.resolve(".git"))) {
            files.filter(p -> p.getFileName().toString().endsWith(".lock") && !p.getFileName().toString().equals("run.lock"))
                    .forEach(p -> out.append("lock file ").append(work.relativize(p)).append('\n'));
        }
        return out.toString();
    }

    private static String refs(Repository repository) throws IOException {
        Map<String, String> described = new TreeMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefs()) {
                String name = ref.getName();
                if (name.startsWith(Constants.R_REMOTES) || name.startsWith(PublicationRecord.REMOTE_COPY_PREFIX) || name.equals(Constants.HEAD)
                        || name.startsWith(PublicationRecord.REF_PREFIX)) {
                    continue;
                }
                described.put(name, describe(walk, walk.parseAny(ref.getObjectId())));
            }
        }
        StringBuilder out = new StringBuilder();
        described.forEach((name, what) -> out.append("  ").append(name).append(" = ").append(what).append('\n'));
        return out.toString();
    }

    private static String describe(RevWalk walk, RevObject object) throws IOException {
        if (object instanceof RevTag tag) {
            return "tag(" + tag.getFullMessage().strip().replace('\n', '|') + ") -> " + describe(walk, walk.parseAny(tag.getObject()));
        }
        RevCommit commit = walk.parseCommit(object);
        List<String> chain = new ArrayList<>();
        for (RevCommit c = commit; c != null; c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0))) {
            chain.add(c.getShortMessage() + " [" + c.getTree().name().substring(0, 10) + "]");
        }
        return String.join(" <- ", chain);
    }

    // ---- prepare --------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void prepareKilledAtEachStepBoundaryAndDuringItsRefUpdate() throws Exception {
        Path baseDir = fresh("prepare");
        String expected;
        List<String> logged;
        try (PlatformRepo platform = PlatformRepo.create(baseDir)) {
            Child clean = child("prepare", platform.work(), 0, 0, "-", Map.of());
            assertEquals(0, clean.exit(), clean.output());
            logged = clean.logged();
            expected = snapshot(platform.work(), baseDir.resolve("remote.git"));
        }
        assertTrue(expected.contains("refs/tags/v1.3.0 = tag("), expected);
        List<Scenario> scenarios = new ArrayList<>();
        for (int k = 1; k <= logged.size(); k++) {
            int at = k;
            scenarios.add(() -> killAndCompare("prepare killed before '" + logged.get(at - 1) + "'", "prepare", at, 0, "-", expected));
        }
        scenarios.add(() -> killAndCompare("prepare killed during its ref update", "prepare", 0, indexOf(logged, "Releasing"),
                "refs/heads/main,refs/tags/v1.3.0,packed-refs", expected));
        inParallel(scenarios);
    }

    private void killAndCompare(String fault, String goal, int killAt, int lockAt, String lockRefs, String expected) throws Exception {
        Path dir = fresh(goal);
        try (PlatformRepo platform = PlatformRepo.create(dir)) {
            Child killed = child(goal, platform.work(), killAt, lockAt, lockRefs, Map.of());
            assertEquals(137, killed.exit(), fault + ": the run was to be killed:\n" + killed.output());
            try {
                new PrepareWorkflow(PrepareOptions.of(options(platform))).execute();
                new PrepareWorkflow(PrepareOptions.of(options(platform))).execute();
            } catch (ReleaseException e) {
                recordFailure(fault, e);
                return;
            }
            record(fault, expected, snapshot(platform.work(), dir.resolve("remote.git")));
        }
    }

    private static ai.brokle.release.goal.ReleaseOptions options(PlatformRepo platform) {
        RecordingLog log = new RecordingLog();
        return platform.options().withLog(new ai.brokle.release.ReleaseLog() {
            @Override
            public void info(String message) {
                log.info(message);
                keep(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
                keep(message);
            }

            @Override
            public void debug(String message) {
                keep(message);
            }
        });
    }

    private static void keep(String message) {
        synchronized (outputs) {
            outputs.append(message).append('\n');
        }
    }

    // ---- rollback -------------------------------------------------------------------------------------

    /** A release prepared and pushed, to be rolled back (by a revert: it reached the remote). */
    private PlatformRepo released(Path dir) {
        PlatformRepo platform = PlatformRepo.create(dir);
        new PrepareWorkflow(PrepareOptions.of(options(platform))).execute();
        return platform;
    }

    @Test
    @Order(2)
    void rollbackKilledAtEachStepBoundaryAndDuringItsRefUpdate() throws Exception {
        Path baseDir = fresh("rollback");
        String expected;
        List<String> logged;
        try (PlatformRepo platform = released(baseDir)) {
            Child clean = child("rollback", platform.work(), 0, 0, "-", Map.of());
            assertEquals(0, clean.exit(), clean.output());
            logged = clean.logged();
            expected = snapshot(platform.work(), baseDir.resolve("remote.git"));
        }
        assertTrue(expected.contains("Revert"), expected);
        List<Scenario> scenarios = new ArrayList<>();
        for (int k = 1; k <= logged.size(); k++) {
            int at = k;
            scenarios.add(() -> rollbackKilled("rollback killed before '" + logged.get(at - 1) + "'", at, 0, "-", expected));
        }
        scenarios.add(() -> rollbackKilled("rollback killed during its ref update", 0, indexOf(logged, "Rolling back"),
                "refs/heads/main,refs/tags/v1.3.0", expected));
        inParallel(scenarios);
    }

    private void rollbackKilled(String fault, int killAt, int lockAt, String lockRefs, String expected) throws Exception {
        Path dir = fresh("rollback");
        try (PlatformRepo platform = released(dir)) {
            Child killed = child("rollback", platform.work(), killAt, lockAt, lockRefs, Map.of());
            assertEquals(137, killed.exit(), fault + ": the run was to be killed:\n" + killed.output());
            try {
                new RollbackWorkflow(RollbackOptions.of(options(platform))).execute();
            } catch (ReleaseFailure e) {
                // killed after its last step: the journal is gone and there is nothing left to do
                if (!e.getMessage().startsWith("Nothing to roll back")) {
                    recordFailure(fault, e);
                    return;
                }
            } catch (ReleaseException e) {
                recordFailure(fault, e);
                return;
            }
            record(fault, expected, snapshot(platform.work(), dir.resolve("remote.git")));
        }
    }

    // ---- perform --------------------------------------------------------------------------------------

    /** The platform tagged v3.2.1 with a built binary, on a remote that keeps the publication record. */
    private static Path tagged(Path dir, FakeGitHub github, BareRemote[] remote) {
        try (TestRepo repo = TestRepo.init(dir.resolve("work"))) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n"
                    + "components:\n  platform:\n    path: .\n    tagPrefix: v\n    githubRelease:\n      assets: ['dist/brokle-*']\n"
                    + "    dispatch:\n      - repository: brokle-ai/brokle-docs\n        eventType: platform-released\n"
                    + "        payload: {version: '{{version}}'}\n    notify: [slack]\n");
            repo.write(".gitignore", "dist/\n");
            repo.commitAll("chore(release): v3.2.0");
            repo.annotatedTag("v3.2.0");
            repo.commitIn("api", "feat(api): usage dashboard");
            repo.annotatedTag("v3.2.1");
            repo.write("dist/brokle-linux-amd64", "linux binary\n");
            remote[0] = BareRemote.create(dir.resolve("remote.git"));
            remote[0].connect(repo);
        }
        return dir.resolve("work");
    }

    private static Map<String, String> performEnv(FakeGitHub github) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("GITHUB_REF", "refs/tags/v3.2.1");
        env.put("SLACK_WEBHOOK_URL", github.slackWebhook());
        return env;
    }

    private static PerformWorkflow.Result performHere(Path work, FakeGitHub github) {
        ReleaseOptions release = ReleaseOptions.of(work).withEnvironment(performEnv(github)).withLog(new ai.brokle.release.ReleaseLog() {
            @Override
            public void info(String message) {
                keep(message);
            }

            @Override
            public void warn(String message) {
                keep(message);
            }

            @Override
            public void debug(String message) {
                keep(message);
            }
        });
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        try {
            return new PerformWorkflow(PerformOptions.of(release).withRetry(new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5),
                    Duration.ofSeconds(5))), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
        } finally {
            keep(stdout.toString(StandardCharsets.UTF_8));
        }
    }

    /** What GitHub received, and what the remote's publication record says went out (the steps, without times). */
    private static String performState(Path work, FakeGitHub github) {
        // each scenario has its own GitHub fake, whose address is in the configuration: commit ids differ, nothing else may
        StringBuilder out = new StringBuilder(github.state().replaceAll("\\b[0-9a-f]{40}\\b", "<commit>").replaceAll("\\b[0-9a-f]{7}\\b", "<short>"));
        try (GitRepository git = GitRepository.open(work)) {
            out.append("record: ").append(new TreeMap<>(PublicationRecord.states(git, "v3.2.1"))).append('\n');
        }
        return out.toString();
    }

    @Test
    @Order(3)
    void performKilledAtEachStepBoundary() throws Exception {
        String expected;
        List<String> logged;
        try (FakeGitHub github = FakeGitHub.start(TOKEN)) {
            BareRemote[] remote = new BareRemote[1];
            Path baseDir = fresh("perform");
            try {
                Path work = tagged(baseDir, github, remote);
                Child clean = child("perform", work, 0, 0, "-", performEnv(github));
                assertEquals(0, clean.exit(), clean.output());
                logged = clean.logged();
                performHere(work, github);
                expected = performState(work, github);
            } finally {
                remote[0].close();
            }
            assertTrue(expected.contains("dispatch {") && expected.contains("slack {"), expected);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int k = 1; k <= logged.size(); k++) {
            int at = k;
            scenarios.add(() -> performKilled("perform killed before '" + logged.get(at - 1) + "'", at, expected));
        }
        inParallel(scenarios);
    }

    /**
     * Runs perform twice after a fault and records whether it ended where a fault-free run ends (a
     * notice or an event claimed but unanswered stays unsent: at most once, never twice).
     */
    private static void rerunAndCompare(String fault, Path work, FakeGitHub github, String expected) throws IOException {
        try {
            performHere(work, github);
            performHere(work, github);
        } catch (ReleaseException e) {
            recordFailure(fault, e);
            return;
        }
        keepGitFiles(work);
        String state = performState(work, github);
        record(fault, withoutUnconfirmed(expected, state), state);
    }

    /** One kill of perform, against a GitHub fake and a remote of its own. */
    private void performKilled(String fault, int killAt, String expected) throws Exception {
        BareRemote[] remote = new BareRemote[1];
        try (FakeGitHub github = FakeGitHub.start(TOKEN)) {
            Path work = tagged(fresh("perform"), github, remote);
            Child killed = child("perform", work, killAt, 0, "-", performEnv(github));
            assertEquals(137, killed.exit(), fault + ": the run was to be killed:\n" + killed.output());
            rerunAndCompare(fault, work, github, expected);
        } finally {
            if (remote[0] != null) {
                remote[0].close();
            }
        }
    }

    /** Faults of the services perform talks to, each armed for one run; the run after it must end where a fault-free run ends. */
    static List<Map.Entry<String, List<FakeGitHub.Fault>>> serviceFaults() {
        return List.of(
                Map.entry("GitHub lists releases: 500, twice", List.of(FakeGitHub.Fault.status("GET /repos/.*/releases", 500, Map.of()),
                        FakeGitHub.Fault.status("GET /repos/.*/releases", 500, Map.of()))),
                Map.entry("the release is created: 502, twice", List.of(FakeGitHub.Fault.status("POST /repos/[^/]+/[^/]+/releases$", 502, Map.of()),
                        FakeGitHub.Fault.status("POST /repos/[^/]+/[^/]+/releases$", 502, Map.of()))),
                Map.entry("the release is created: reset, twice", List.of(FakeGitHub.Fault.reset("POST /repos/[^/]+/[^/]+/releases$"),
                        FakeGitHub.Fault.reset("POST /repos/[^/]+/[^/]+/releases$"))),
                Map.entry("an asset upload: reset, twice", List.of(FakeGitHub.Fault.reset("POST /uploads/"), FakeGitHub.Fault.reset("POST /uploads/"))),
                Map.entry("the release is published: 502, twice", List.of(FakeGitHub.Fault.status("PATCH /repos/", 502, Map.of()),
                        FakeGitHub.Fault.status("PATCH /repos/", 502, Map.of()))),
                Map.entry("the release is published: rate limited with a bad reset time", List.of(FakeGitHub.Fault.status("PATCH /repos/", 403,
                        Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "soon")))),
                Map.entry("the dispatch is taken and its answer lost (500)", List.of(FakeGitHub.Fault.answerLost("POST /repos/.*/dispatches", 500))),
                Map.entry("the dispatch is taken and the connection reset", List.of(FakeGitHub.Fault.answerLost("POST /repos/.*/dispatches", 0))),
                Map.entry("the dispatch answers 503", List.of(FakeGitHub.Fault.status("POST /repos/.*/dispatches", 503, Map.of()))),
                Map.entry("the dispatch is rate limited, twice", List.of(FakeGitHub.Fault.status("POST /repos/.*/dispatches", 429,
                        Map.of("Retry-After", "0")), FakeGitHub.Fault.status("POST /repos/.*/dispatches", 429, Map.of("Retry-After", "0")))),
                Map.entry("the dispatch is refused (422)", List.of(FakeGitHub.Fault.status("POST /repos/.*/dispatches", 422, Map.of()))),
                Map.entry("the Slack notice is taken and its answer lost", List.of(FakeGitHub.Fault.answerLost("POST /hooks/slack", 0))),
                Map.entry("the Slack notice is rate limited, twice", List.of(FakeGitHub.Fault.status("POST /hooks/slack", 429, Map.of("Retry-After",
                        "0")), FakeGitHub.Fault.status("POST /hooks/slack", 429, Map.of("Retry-After", "0")))));
    }

    @Test
    @Order(4)
    void performAfterEachServiceFaultAndAFailedRecordPush() throws Exception {
        String expected;
        try (FakeGitHub github = FakeGitHub.start(TOKEN)) {
            BareRemote[] remote = new BareRemote[1];
            try {
                Path work = tagged(fresh("perform"), github, remote);
                performHere(work, github);
                expected = performState(work, github);
            } finally {
                remote[0].close();
            }
        }
        List<Map.Entry<String, List<FakeGitHub.Fault>>> cases = new ArrayList<>(serviceFaults());
        cases.add(Map.entry("the remote refuses the publication record", List.of()));
        List<Scenario> scenarios = new ArrayList<>();
        cases.forEach(fault -> scenarios.add(() -> performAfter(fault.getKey(), fault.getValue(), expected)));
        inParallel(scenarios);
    }

    /** One run of perform with {@code faults} armed (none: the remote refuses the record), then two without; against servers of its own. */
    private void performAfter(String fault, List<FakeGitHub.Fault> faults, String expected) throws Exception {
        BareRemote[] remote = new BareRemote[1];
        try (FakeGitHub github = FakeGitHub.start(TOKEN)) {
            Path work = tagged(fresh("perform"), github, remote);
            boolean refuseRecord = faults.isEmpty();
            if (refuseRecord) {
                remote[0].refusePushes("refs/brokle-release/* are protected");
            }
            faults.forEach(github::inject);
            try {
                performHere(work, github);
            } catch (ReleaseException expectedFailure) {
                // the step failed: the next run finishes the release
            }
            if (refuseRecord) {
                remote[0].acceptPushes();
            }
            rerunAndCompare(fault, work, github, expected);
        } finally {
            if (remote[0] != null) {
                remote[0].close();
            }
        }
    }

    @Test
    @Order(5)
    void prepareAndRollbackAfterTheRemoteRefusedTheirPush() throws Exception {
        String released;
        String rolledBack;
        Path baseDir = fresh("refused");
        try (PlatformRepo platform = released(baseDir)) {
            released = snapshot(platform.work(), baseDir.resolve("remote.git"));
            new RollbackWorkflow(RollbackOptions.of(options(platform))).execute();
            rolledBack = snapshot(platform.work(), baseDir.resolve("remote.git"));
        }
        Path dir = fresh("refused");
        try (PlatformRepo platform = PlatformRepo.create(dir)) {
            platform.remote.refusePushes("releases are frozen");
            try {
                new PrepareWorkflow(PrepareOptions.of(options(platform))).execute();
            } catch (ReleaseException expectedFailure) {
                // kept locally; the next run pushes it
            }
            platform.remote.acceptPushes();
            try {
                new PrepareWorkflow(PrepareOptions.of(options(platform))).execute();
                record("prepare's push refused by the remote", released, snapshot(platform.work(), dir.resolve("remote.git")));
            } catch (ReleaseException e) {
                recordFailure("prepare's push refused by the remote", e);
            }
            platform.remote.refusePushes("no reverts today");
            try {
                new RollbackWorkflow(RollbackOptions.of(options(platform))).execute();
            } catch (ReleaseException expectedFailure) {
                // the revert is kept locally; the next run pushes it
            }
            platform.remote.acceptPushes();
            try {
                new RollbackWorkflow(RollbackOptions.of(options(platform))).execute();
                record("rollback's push refused by the remote", rolledBack, snapshot(platform.work(), dir.resolve("remote.git")));
            } catch (ReleaseException e) {
                recordFailure("rollback's push refused by the remote", e);
            }
        }
    }

    /**
     * The fault-free state as a kill may rightly change it: a notice or an event claimed by the killed
     * run and left without an answer is not sent again (at most once), so the record says it was
     * started, and it went out once, or not at all when the kill came between the claim and the
     * sending (the re-run warns about it). Anything sent twice still differs.
     */
    private static String withoutUnconfirmed(String expected, String actual) {
        String result = expected;
        for (String step : List.of("dispatch:brokle-ai/brokle-docs:platform-released", "slack")) {
            if (actual.contains(step + "=started")) {
                result = result.replace(step + "=done", step + "=started");
                String line = step.equals("slack") ? "slack {" : "dispatch {";
                if (actual.lines().noneMatch(l -> l.startsWith(line))) {
                    result = result.lines().filter(l -> !l.startsWith(line)).reduce("", (a, b) -> a + b + "\n");
                }
            }
        }
        return result;
    }

    /** The files a run leaves in .git, searched for secrets with the rest. */
    private static void keepGitFiles(Path work) throws IOException {
        try (Stream<Path> files = Files.walk(work.resolve(".git"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && Files.size(p) < 1_000_000) {
                    keep(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
    }

    // ---- hostile input --------------------------------------------------------------------------------

    /** A hostile or mistaken input: what to do to a fresh platform repository, and what the error must name. */
    private record Input(String name, Function<PlatformRepo, Runnable> setUp, String named) {
    }

    private static Runnable prepareRun(PlatformRepo p) {
        return () -> new PrepareWorkflow(PrepareOptions.of(options(p))).execute();
    }

    private static Runnable validateRun(PlatformRepo p) {
        return () -> new ValidateWorkflow(options(p)).execute();
    }

    /** Commits what the set-up changed and pushes it, as the starting point of the run. */
    private static void publish(PlatformRepo p, String message) {
        p.repo.commitAll(message);
        p.markBase();
        try {
            p.repo.git().push().setRemote("origin").call();
            p.repo.git().fetch().setRemote("origin").call();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Function<PlatformRepo, Runnable> config(String yaml, boolean prepare) {
        return p -> {
            p.repo.write(".brokle-release.yml", yaml);
            publish(p, "chore: configuration");
            return prepare ? prepareRun(p) : validateRun(p);
        };
    }

    private static Function<PlatformRepo, Runnable> file(String path, byte[] content) {
        return p -> {
            try {
                Files.write(p.work().resolve(path), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            publish(p, "chore: " + path);
            return prepareRun(p);
        };
    }

    private static final String HEAD = "repositoryUrl: https://github.com/brokle-ai/brokle\ncomponents:\n  platform:\n    path: .\n";

    static List<Input> hostileInputs() {
        return List.of(
                new Input("a scalar alias", config("x: &p py-v\n" + HEAD + "    tagPrefix: *p\n", true), ".brokle-release.yml"),
                new Input("repeated path segments leaving the repository", config(HEAD + "    tagPrefix: v\n    versionFiles:\n"
                        + "      - path: web//..//..//outside/./VERSION.ts\n        pattern: 'v{{version}}'\n", true), "versionFiles"),
                new Input("a changelog outside the repository", config(HEAD + "    tagPrefix: v\n    changelog: ../../CHANGELOG.md\n", true),
                        "changelog"),
                new Input("an unknown key", config(HEAD + "    tagPrefix: v\n    tagPrefx: w\n", false), "tagPrefx"),
                new Input("a key given twice", config(HEAD + "    tagPrefix: v\n    tagPrefix: w\n", false), "tagPrefix"),
                new Input("a configuration that is a list", config("- components\n- platform\n", false), ".brokle-release.yml"),
                new Input("no component", config("components: {}\n", false), "components"),
                new Input("a release branch that is no branch name", config("releaseBranch: 'main..x'\n" + HEAD + "    tagPrefix: v\n", false),
                        "releaseBranch"),
                new Input("a repository URL holding a token", config("repositoryUrl: https://x-access-token:ghs_abc@github.com/brokle-ai/brokle\n"
                        + "components:\n  platform:\n    path: .\n    tagPrefix: v\n", false), "repositoryUrl"),
                new Input("an unknown chat service", config(HEAD + "    tagPrefix: v\n    notify: [teams]\n", false), "notify"),
                new Input("a dispatch without an event type", config(HEAD + "    tagPrefix: v\n    dispatch:\n      - repository: a/b\n", false),
                        "eventType"),
                new Input("a tag prefix with a space", config(HEAD + "    tagPrefix: 'v '\n", false), "tagPrefix"),
                new Input("a pattern without {{version}}", config(HEAD + "    tagPrefix: v\n    versionFiles:\n      - path: web/package.json\n"
                        + "        pattern: 'version'\n", false), "pattern"),
                new Input("a configuration of 2 MB", config(HEAD + "    tagPrefix: 'v'\n# " + "x".repeat(2_000_000) + "\n", true),
                        ".brokle-release.yml"),
                new Input("a configuration that is not UTF-8", p -> {
                    p.repo.write(".brokle-release.yml", PlatformRepo.CONFIG);
                    try {
                        Files.write(p.work().resolve(".brokle-release.yml"), (PlatformRepo.CONFIG + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    publish(p, "chore: latin-1");
                    return prepareRun(p);
                }, "not UTF-8"),
                new Input("a version file that is not UTF-8", file("web/src/constants/VERSION.ts",
                        "// g\u00e9n\u00e9r\u00e9\nexport const VERSION = \"v1.2.0\";\n".getBytes(StandardCharsets.ISO_8859_1)), "VERSION.ts"),
                new Input("a changelog that is not UTF-8", file("CHANGELOG.md", (PlatformRepo.CHANGELOG + "caf\u00e9\n")
                        .getBytes(StandardCharsets.ISO_8859_1)), "CHANGELOG.md"),
                new Input("a version file that is a link", p -> {
                    try {
                        Files.move(p.work().resolve("web/package.json"), p.work().resolve("web/real.json"));
                        Files.createSymbolicLink(p.work().resolve("web/package.json"), Path.of("real.json"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    publish(p, "chore: link");
                    return prepareRun(p);
                }, "web/package.json: is a symbolic link"),
                new Input("a pom module outside the repository", p -> {
                    p.repo.write("pom.xml", "<project><version>1.2.0</version><modules><module>../../outside</module></modules></project>\n");
                    p.repo.write(".brokle-release.yml", PlatformRepo.CONFIG + "      - path: pom.xml\n");
                    publish(p, "build: pom");
                    return prepareRun(p);
                }, "outside the repository"),
                new Input("another process's lock file", p -> {
                    KillableRun.plantLock(p.work(), "refs/heads/main");
                    return prepareRun(p);
                }, "rm -f .git/refs/heads/main.lock"),
                new Input("a remote with commits the clone lacks", p -> {
                    BareRemote.pushFromAnotherClone(p.remote.url(), p.work().resolveSibling("teammate"), List.of("fix: theirs"), null);
                    return prepareRun(p);
                }, "git pull --rebase origin main"),
                new Input("a dispatch payload that is not an object", p -> () -> new DispatchWorkflow(PerformOptions.of(options(p)),
                        System.out).send("brokle-ai/brokle-docs", "released", "[1, 2]"), "brokle.payload"),
                new Input("a dispatch payload of 20 MB", p -> () -> new DispatchWorkflow(PerformOptions.of(options(p)), System.out)
                        .send("brokle-ai/brokle-docs", "released", "{\"a\": \"" + "x".repeat(20_000_000) + "\"}"), "brokle.payload"),
                new Input("a receiving repository that is not owner/name", p -> () -> new DispatchWorkflow(PerformOptions.of(options(p)),
                        System.out).send("../../etc/passwd", "released", "{}"), "brokle.repository"),
                new Input("a bump that is not one", p -> () -> new PrepareWorkflow(PrepareOptions.of(options(p).withBump("huge"))).execute(),
                        "brokle.bump"),
                new Input("a release version that is not SemVer", p -> () -> new PrepareWorkflow(PrepareOptions.of(options(p)
                        .withReleaseVersion("1.3"))).execute(), "brokle.releaseVersion"));
    }

    @Test
    @Order(6)
    void hostileInputsEndInAnErrorNamingWhatToFixWithNothingChanged() throws Exception {
        for (Input input : hostileInputs()) {
            inputs++;
            Path dir = fresh("input");
            try (PlatformRepo platform = PlatformRepo.create(dir)) {
                Runnable run = input.setUp().apply(platform);
                String before = snapshot(platform.work(), dir.resolve("remote.git"));
                String problem = null;
                try {
                    run.run();
                    problem = "no error";
                } catch (ReleaseFailure e) {
                    if (!e.getMessage().contains(input.named())) {
                        problem = "the error does not name '" + input.named() + "': " + e.getMessage();
                    }
                } catch (RuntimeException e) {
                    problem = "not a clear error: " + e;
                }
                String after = snapshot(platform.work(), dir.resolve("remote.git"));
                if (problem == null && !before.equals(after)) {
                    problem = "something changed:\n" + before + "\n---\n" + after;
                }
                if (problem == null) {
                    handled++;
                } else {
                    failures.add("input '" + input.name() + "': " + problem);
                }
            }
        }
    }

    @AfterAll
    static void report() throws IOException {
        String everything;
        synchronized (outputs) {
            everything = outputs.toString();
        }
        for (String secret : List.of(TOKEN, "secretslackpath")) {
            int at = everything.indexOf(secret);
            while (at >= 0) {
                leaked++;
                at = everything.indexOf(secret, at + 1);
            }
        }
        String figures = "Fault injection: " + faults + " faults injected, " + survived + " survived; " + inputs + " hostile inputs tried, "
                + handled + " handled; " + leaked + " secrets leaked";
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fault-injection.txt"), figures + "\n" + String.join("\n\n", failures) + "\n");
        assertTrue(failures.isEmpty() && leaked == 0, figures + "\n\n" + String.join("\n\n", failures));
    }
}
