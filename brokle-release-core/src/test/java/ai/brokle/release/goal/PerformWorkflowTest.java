package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseException;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub.Fault;
import ai.brokle.release.testing.FakeGitHub;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** perform against the in-process GitHub fake: the release, its assets, dispatch and notifications, re-runs, faults and secrets. */
class PerformWorkflowTest {
    private static final String TOKEN = "ghp_performtoken0123456789abcdefghijklm";
    private static final Retry FAST = new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofMillis(800));

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private int repos;

    @AfterEach
    void stop() {
        github.close();
    }

    private String config() {
        return "github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n"
                + "components:\n  platform:\n    path: .\n    tagPrefix: v\n    releaseNotes:\n      title: Brokle\n"
                + "    githubRelease:\n      assets: ['dist/brokle-*']\n"
                + "    dispatch:\n      - repository: brokle-ai/brokle-docs\n        eventType: platform-released\n"
                + "        payload: {version: '{{version}}', tag: '{{tag}}', meta: {component: '{{component}}'}}\n"
                + "    notify: [slack, discord]\n";
    }

    /** The platform at v3.2.0, a feature and a fix, tagged v3.2.1, with two built binaries. */
    private Path repo() {
        Path dir = tmp.resolve("work" + (++repos));
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", config());
            repo.write(".gitignore", "dist/\n");
            repo.commitAll("chore(release): v3.2.0");
            repo.annotatedTag("v3.2.0");
            repo.commitIn("api", "feat(api): usage dashboard\n\nHighlight: a usage dashboard for every project");
            repo.commitIn("web", "fix(web): retry on 429");
            repo.annotatedTag("v3.2.1");
            repo.write("dist/brokle-linux-amd64", "linux binary\n");
            repo.write("dist/brokle-darwin-arm64", "darwin binary\n");
        }
        return dir;
    }

    private Map<String, String> env(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_TOKEN", TOKEN);
        env.put("GITHUB_REF", "refs/tags/v3.2.1");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output.txt").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("SLACK_WEBHOOK_URL", github.slackWebhook());
        env.put("DISCORD_WEBHOOK_URL", github.discordWebhook());
        return env;
    }

    private PerformWorkflow.Result perform(Path dir, PerformOptions options) {
        return new PerformWorkflow(options, new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
    }

    private PerformWorkflow.Result perform(Path dir) {
        return perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env(dir)).withLog(log)).withRetry(FAST));
    }

    @Test
    void withoutGitHubSettingsTheJobsRepositoryAndServerAreUsed() throws Exception {
        // no github section, a remote that is no GitHub address: as in a job of a GitHub Enterprise server
        Path dir = repo();
        try (TestRepo repo = TestRepo.open(dir)) {
            repo.write(".brokle-release.yml", config().replace("github:\n  repository: brokle-ai/brokle\n  apiUrl: " + github.apiUrl() + "\n", ""));
            repo.commitAll("chore: configuration without github");
            repo.git().tagDelete().setTags("v3.2.1").call();
            repo.annotatedTag("v3.2.1");
        }
        Map<String, String> env = env(dir);
        env.put("GITHUB_REPOSITORY", "brokle-ai/brokle");
        env.put("GITHUB_API_URL", github.apiUrl().toString());
        env.put("GITHUB_SERVER_URL", "https://ghe.example.com");
        PerformWorkflow.Result result = perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)).withRetry(FAST));
        assertEquals(1, github.releases().size(), "the release went to GITHUB_API_URL");
        assertTrue(github.requests().stream().anyMatch(r -> r.method().equals("POST") && r.path().equals("/repos/brokle-ai/brokle/releases")),
                "for GITHUB_REPOSITORY");
        assertTrue(result.releaseUrl() != null && !result.releaseUrl().isBlank(), String.valueOf(result.releaseUrl()));
    }

    @Test
    void publishesTheReleaseThenDispatchesThenNotifies() throws Exception {
        Path dir = repo();
        PerformWorkflow.Result result = perform(dir);

        assertEquals(1, github.releases().size());
        JsonNode release = github.releases().get(0);
        assertEquals("v3.2.1", release.path("tag_name").asText());
        assertFalse(release.path("draft").asBoolean());
        assertFalse(release.path("prerelease").asBoolean());
        assertEquals("true", release.path("make_latest").asText());
        assertTrue(release.path("body").asText().contains("usage dashboard") && release.path("body").asText().contains("retry on 429"),
                release.path("body").asText());
        assertTrue(release.path("body").asText().contains("v3.2.0...v3.2.1") || release.path("body").asText().contains("v3.2.0"),
                "the notes cover v3.2.0..v3.2.1");
        List<String> names = github.assets(release.path("id").asLong()).stream().map(a -> a.path("name").asText()).toList();
        assertEquals(List.of("brokle-darwin-arm64", "brokle-linux-amd64", "SHA256SUMS"), names);
        long sums = github.assets(release.path("id").asLong()).get(2).path("id").asLong();
        assertEquals(FakeGitHub.sha256("darwin binary\n".getBytes(StandardCharsets.UTF_8)) + "  brokle-darwin-arm64\n"
                + FakeGitHub.sha256("linux binary\n".getBytes(StandardCharsets.UTF_8)) + "  brokle-linux-amd64\n",
                new String(github.assetBytes(sums), StandardCharsets.UTF_8));

        // created as a draft, assets uploaded, then published: in that order
        List<String> writes = github.requests().stream().filter(r -> !r.method().equals("GET")).map(r -> r.method() + " " + r.path()).toList();
        assertTrue(writes.get(0).matches("POST /repos/brokle-ai/brokle/releases"), writes.toString());
        assertTrue(github.requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/releases")).findFirst()
                .orElseThrow().json().path("draft").asBoolean(), "created as a draft");
        int publish = writes.indexOf(writes.stream().filter(w -> w.startsWith("PATCH")).findFirst().orElseThrow());
        int lastUpload = writes.lastIndexOf(writes.stream().filter(w -> w.startsWith("POST /uploads")).reduce((a, b) -> b).orElseThrow());
        int dispatch = writes.indexOf("POST /repos/brokle-ai/brokle-docs/dispatches");
        assertTrue(lastUpload < publish && publish < dispatch, writes.toString());

        JsonNode sent = github.dispatches().get(0);
        assertEquals("platform-released", sent.path("event_type").asText());
        assertEquals("3.2.1", sent.path("client_payload").path("version").asText());
        assertEquals("v3.2.1", sent.path("client_payload").path("tag").asText());
        assertEquals("platform", sent.path("client_payload").path("meta").path("component").asText());

        JsonNode slack = github.slackMessages().get(0);
        assertEquals("Brokle v3.2.1 released", slack.path("text").asText());
        assertEquals("header", slack.path("blocks").get(0).path("type").asText());
        assertTrue(slack.toString().contains("a usage dashboard for every project"), "highlights from the Highlight footer: " + slack);
        JsonNode embed = github.discordMessages().get(0).path("embeds").get(0);
        assertEquals("https://github.com/brokle-ai/brokle/releases/tag/v3.2.1", embed.path("url").asText());

        assertEquals("https://github.com/brokle-ai/brokle/releases/tag/v3.2.1", result.releaseUrl());
        String outputs = Files.readString(dir.resolve("output.txt"));
        assertTrue(outputs.contains("tag=v3.2.1\n") && outputs.contains("version=3.2.1\n") && outputs.contains("prerelease=false\n")
                && outputs.contains("release-url=https://github.com/brokle-ai/brokle/releases/tag/v3.2.1\n"), outputs);
        String published = outputs.lines().filter(l -> l.startsWith("published=")).findFirst().orElseThrow();
        assertTrue(published.contains("github-release") && published.contains("dispatch"), "the steps that published: " + published);
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("| github-release | done | brokle-ai/brokle v3.2.1 |"), summary);
        assertTrue(summary.contains("| slack | done | SLACK_WEBHOOK_URL |"), summary);
    }

    @Test
    void aSecondRunFindsEverythingDoneAndSendsNothing() {
        Path dir = repo();
        perform(dir);
        String state = github.state();
        int writes = (int) github.requests().stream().filter(r -> !r.method().equals("GET")).count();
        PerformWorkflow.Result again = perform(dir);
        assertEquals(state, github.state());
        assertEquals(writes, github.requests().stream().filter(r -> !r.method().equals("GET")).count(), "no write on the second run");
        assertTrue(again.outcomes().stream().allMatch(o -> o.result().equals("already done")), again.outcomes().toString());
    }

    /** Each fault makes one step fail (every attempt of its request: two with the retry these tests use; a refusal has one). */
    static Stream<Object[]> faults() {
        return Stream.of(
                new Object[] {"create the release: 502", List.of(Fault.status("POST /repos/[^/]+/[^/]+/releases$", 502, Map.of()),
                        Fault.status("POST /repos/[^/]+/[^/]+/releases$", 502, Map.of()))},
                new Object[] {"upload an asset: connection reset", List.of(Fault.reset("POST /uploads/"), Fault.reset("POST /uploads/"))},
                new Object[] {"publish: timeout", List.of(Fault.stall("PATCH /repos/", 1500), Fault.stall("PATCH /repos/", 1500))},
                // a dispatch is tried again only on an answer that says it was not carried out (DispatchAtMostOnceTest)
                new Object[] {"dispatch: rate limited", List.of(Fault.status("POST /repos/.*/dispatches", 429, Map.of("Retry-After", "0")),
                        Fault.status("POST /repos/.*/dispatches", 429, Map.of("Retry-After", "0")))},
                new Object[] {"slack: rate limited", List.of(Fault.status("POST /hooks/slack", 429, Map.of("Retry-After", "0")),
                        Fault.status("POST /hooks/slack", 429, Map.of("Retry-After", "0")))},
                // a notice whose answer was lost is not posted again (DispatchAtMostOnceTest); a refusal is retried by the next run
                new Object[] {"discord: refused (403)", List.of(Fault.status("POST /hooks/discord", 403, Map.of()))});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aRunAfterAFailedStepEndsAsARunWithoutFaults(String what, List<Fault> faults) {
        perform(repo());
        String clean = github.state();
        github.reset();

        Path dir = repo();
        faults.forEach(github::inject);
        try {
            perform(dir);
        } catch (ReleaseException expected) {
            assertFalse(expected.getMessage().contains(TOKEN));
        }
        assertNotEquals(clean, github.state(), "the fault left the release incomplete: " + what);
        perform(dir);
        assertEquals(clean, github.state(), what);
        assertEquals(1, github.releases().size(), "never a second release");
    }

    @Test
    void aPatchOfAnOlderLineIsNotMadeLatestAndAPreReleaseIsMarkedSo() {
        Path dir = repo();
        try (TestRepo repo = TestRepo.open(dir)) {
            repo.checkoutNewBranch("release/3.3");
            repo.commitIn("api", "feat: next line");
            repo.annotatedTag("v3.3.0");
            repo.commitIn("api", "feat: beta");
            repo.annotatedTag("v3.4.0-beta.1");
            repo.checkout("main");
        }
        perform(dir);
        assertEquals("false", github.releases().get(0).path("make_latest").asText(), "v3.3.0 exists, so v3.2.1 is not the latest");
        Map<String, String> env = env(dir);
        env.put("GITHUB_REF", "refs/tags/v3.4.0-beta.1");
        perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)).withRetry(FAST));
        JsonNode beta = github.releases().stream().filter(r -> r.path("tag_name").asText().equals("v3.4.0-beta.1")).findFirst().orElseThrow();
        assertTrue(beta.path("prerelease").asBoolean());
        assertEquals("false", beta.path("make_latest").asText());
    }

    @Test
    void aDryRunSendsNothingAndSaysWhatItWouldSend() {
        Path dir = repo();
        perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env(dir)).withLog(log)).withRetry(FAST).withDryRun(true));
        assertTrue(github.requests().stream().allMatch(r -> r.method().equals("GET")), "only look-ups: " + github.requests());
        assertTrue(github.slackMessages().isEmpty() && github.discordMessages().isEmpty());
        String out = String.join("\n", log.lines());
        assertTrue(out.contains("[github-release] would create or update the release v3.2.1 of brokle-ai/brokle as a draft"), out);
        assertTrue(out.contains("would send repository_dispatch platform-released to brokle-ai/brokle-docs with client_payload"), out);
        assertTrue(out.contains("[slack] would post to the webhook of SLACK_WEBHOOK_URL"), out);
    }

    @Test
    void imagesArePushedBeforeTheGitHubReleaseAndFoundDoneOnARerun() throws Exception {
        try (ai.brokle.release.testing.TestRegistry registry = ai.brokle.release.testing.TestRegistry.start(tmp.resolve("registry"))) {
            Path dir = repo();
            try (TestRepo repo = TestRepo.open(dir)) {
                repo.write(".brokle-release.yml", config().replace("components:", "registries:\n  \"" + registry.host() + "\": {insecure: true}\n"
                        + "components:") + "    images:\n      - repositories: [" + registry.host() + "/brokle/brokle-server]\n"
                        + "        platforms: [linux/amd64]\n        layers: [{from: 'dist/brokle-{os}-{arch}', to: /app/brokle}]\n");
                repo.commitAll("ci: images");
                repo.git().tagDelete().setTags("v3.2.1").call();
                repo.annotatedTag("v3.2.1");
            }
            Path skippedRun = tmp.resolve("skipped");
            TestRepo.copyTree(dir, skippedRun);
            perform(skippedRun, PerformOptions.of(ReleaseOptions.of(skippedRun).withEnvironment(env(skippedRun)).withLog(log)).withRetry(FAST)
                    .withSkip("images,github-release,dispatch,slack,discord"));
            assertEquals(List.of(), registry.tags("brokle/brokle-server"), "brokle.perform.skipSteps=images pushes no image");

            PerformWorkflow.Result result = perform(dir);
            assertEquals(List.of("images", "github-release"), result.outcomes().stream().map(ai.brokle.release.plan.Plan.Outcome::step).toList().subList(0, 2));
            assertEquals("done", result.outcomes().get(0).result());
            assertEquals(List.of("3", "3.2", "3.2.1", "latest"), registry.tags("brokle/brokle-server"));
            int started = registry.blobUploadsStarted("brokle/brokle-server");

            PerformWorkflow.Result again = perform(dir);
            assertEquals("already done", again.outcomes().get(0).result());
            assertEquals(started, registry.blobUploadsStarted("brokle/brokle-server"));
        }
    }

    @Test
    void skippedStepsAreLeftOut() {
        Path dir = repo();
        perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env(dir)).withLog(log)).withRetry(FAST).withSkip("dispatch,slack"));
        assertEquals(1, github.releases().size());
        assertTrue(github.dispatches().isEmpty());
        assertTrue(github.slackMessages().isEmpty());
        assertEquals(1, github.discordMessages().size());
    }

    @Test
    void everyProblemIsReportedBeforeAnythingIsPublished() throws Exception {
        Path dir = repo();
        Files.delete(dir.resolve("dist/brokle-linux-amd64"));
        Files.delete(dir.resolve("dist/brokle-darwin-arm64"));
        Map<String, String> env = env(dir);
        env.remove("GITHUB_TOKEN");
        env.put("GITHUB_REF", "refs/heads/main");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> perform(dir, PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env)
                .withLog(log)).withSkip("slak")));
        assertTrue(e.getMessage().contains("No release tag: give one with -Dbrokle.tag=v3.2.1"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.perform.skipSteps: 'slak' is not a step of perform"), e.getMessage());
        assertTrue(e.getMessage().contains("No GitHub token: set GITHUB_TOKEN"), e.getMessage());
        assertTrue(github.requests().isEmpty());

        ReleaseFailure assets = assertThrows(ReleaseFailure.class, () -> perform(dir, PerformOptions.of(ReleaseOptions.of(dir)
                .withEnvironment(env(dir)).withLog(log))));
        assertTrue(assets.getMessage().contains("githubRelease.assets: 'dist/brokle-*' matches no file"), assets.getMessage());
        assertTrue(github.requests().isEmpty());
    }

    @Test
    void noSecretAppearsInAnyOutput() throws Exception {
        Path dir = repo();
        github.inject(Fault.status("POST /repos/.*/dispatches", 500, Map.of()));
        github.inject(Fault.status("POST /repos/.*/dispatches", 500, Map.of()));
        github.inject(Fault.status("POST /hooks/slack", 429, Map.of("Retry-After", "0")));
        github.inject(Fault.status("POST /hooks/slack", 429, Map.of("Retry-After", "0")));
        assertThrows(ReleaseException.class, () -> perform(dir));
        perform(dir);
        assertTrue(github.slackMessages().isEmpty(), "the second run's notification failed, as a warning");
        perform(dir);
        String printed = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(printed.lines().anyMatch(l -> l.equals("::add-mask::" + TOKEN)), "the token is masked in Actions before it is used");
        // an add-mask command is read by the runner and never shown; every other line of standard output is the log's
        String shown = String.join("\n", printed.lines().filter(l -> !l.startsWith("::add-mask::")).toList());
        String everything = log.everything() + shown + Files.readString(dir.resolve("summary.md")) + Files.readString(dir.resolve("output.txt"));
        try (Stream<Path> state = Files.walk(dir.resolve(".git"))) {
            for (Path p : (Iterable<Path>) state::iterator) {
                if (Files.isRegularFile(p) && Files.size(p) < 1_000_000) {
                    everything += new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                }
            }
        }
        for (String secret : List.of(TOKEN, "secretslackpath", "secretdiscordpath")) {
            assertFalse(everything.contains(secret), secret + " leaked");
        }
        assertNotNull(github.slackMessages().get(0), "the slack message went out on the third run");
    }
}
