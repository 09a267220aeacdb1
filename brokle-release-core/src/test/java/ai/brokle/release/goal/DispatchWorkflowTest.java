package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatch goal with an event given on the command line. */
class DispatchWorkflowTest {
    private static final String TOKEN = "ghp_dispatchtoken0123456789abcdefghijkl";
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        github.close();
    }

    private DispatchWorkflow workflow(Map<String, String> env) {
        return new DispatchWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)), new PrintStream(System.out));
    }

    @Test
    void sendsTheEventWithItsPayloadToTheApiOfTheEnvironment() {
        workflow(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl().toString()))
                .send("brokle-ai/brokle", "sdk-released", "{\"sdk\":\"python\",\"version\":\"1.2.3\"}");
        assertEquals(1, github.dispatches().size());
        assertEquals("sdk-released", github.dispatches().get(0).path("event_type").asText());
        assertEquals("{\"sdk\":\"python\",\"version\":\"1.2.3\"}", github.dispatches().get(0).path("client_payload").toString());
        assertEquals("brokle-ai/brokle", github.dispatches().get(0).path("repository").asText());
    }

    @Test
    void theApiOfTheConfigurationComesFirst() throws Exception {
        Files.writeString(dir.resolve(".brokle-release.yml"), "github:\n  apiUrl: " + github.apiUrl() + "\ncomponents:\n  sdk:\n    path: .\n");
        workflow(Map.of("GH_TOKEN", TOKEN, "GITHUB_API_URL", "http://127.0.0.1:9/")).send("brokle-ai/brokle", "sdk-released", null);
        assertEquals(1, github.dispatches().size());
    }

    @Test
    void withoutARepositoryTheTagsConfiguredDispatchesAreSentAndNothingElse() throws Exception {
        try (ai.brokle.release.testing.TestRepo repo = ai.brokle.release.testing.TestRepo.init(dir.resolve("sdk"))) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle-python\n  apiUrl: " + github.apiUrl() + "\n"
                    + "components:\n  python:\n    path: .\n    tagPrefix: python-v\n    githubRelease:\n      assets: ['dist/*.whl']\n"
                    + "    dispatch:\n      - repository: brokle-ai/brokle\n        eventType: sdk-released\n"
                    + "        payload: {sdk: python, version: '{{version}}'}\n");
            repo.commitAll("feat: client");
            repo.annotatedTag("python-v1.2.3");
        }
        new DispatchWorkflow(PerformOptions.of(ReleaseOptions.of(dir.resolve("sdk")).withEnvironment(Map.of("GITHUB_TOKEN", TOKEN,
                "GITHUB_REF", "refs/tags/python-v1.2.3")).withLog(log)), new PrintStream(System.out)).send(null, null, null);
        assertEquals(1, github.dispatches().size(), "the assets (not built here) are not needed for a dispatch");
        assertEquals("{\"sdk\":\"python\",\"version\":\"1.2.3\"}", github.dispatches().get(0).path("client_payload").toString());
        assertTrue(github.releases().isEmpty());
    }

    @Test
    void aComponentThatAlsoPublishesPackagesAndImagesSendsOnlyItsDispatches() throws Exception {
        try (ai.brokle.release.testing.TestRepo repo = ai.brokle.release.testing.TestRepo.init(dir.resolve("sdk"))) {
            // what init writes for the Python SDK, plus npm and an image: none of them has its files or credentials here
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle-python\n  apiUrl: " + github.apiUrl() + "\n"
                    + "components:\n  python:\n    path: .\n    tagPrefix: v\n    pypi: {}\n    npm: {}\n"
                    + "    images:\n      - repositories: [127.0.0.1:9/brokle/sdk]\n        layers: [{from: 'dist/sdk-{os}-{arch}', to: /app/sdk}]\n"
                    + "    githubRelease:\n      assets: ['dist/*.whl']\n"
                    + "    notify: [slack]\n"
                    + "    dispatch:\n      - repository: brokle-ai/brokle\n        eventType: sdk-released\n"
                    + "        payload: {sdk: python, version: '{{version}}'}\n");
            repo.commitAll("feat: client");
            repo.annotatedTag("v0.4.0");
        }
        new DispatchWorkflow(PerformOptions.of(ReleaseOptions.of(dir.resolve("sdk")).withEnvironment(Map.of("GITHUB_TOKEN", TOKEN,
                "SLACK_WEBHOOK_URL", github.slackWebhook())).withLog(log)).withTag("v0.4.0"), new PrintStream(System.out))
                .send(null, null, null);
        assertEquals(1, github.dispatches().size(), github.requests().toString());
        assertEquals("{\"sdk\":\"python\",\"version\":\"0.4.0\"}", github.dispatches().get(0).path("client_payload").toString());
        assertTrue(github.releases().isEmpty(), "no GitHub release");
        assertTrue(github.slackMessages().isEmpty(), "no notification");
        assertTrue(log.lines().stream().noneMatch(l -> l.startsWith("[pypi]") || l.startsWith("[npm]") || l.startsWith("[images]")),
                log.lines().toString());

        new DispatchWorkflow(PerformOptions.of(ReleaseOptions.of(dir.resolve("sdk")).withEnvironment(Map.of("GITHUB_TOKEN", TOKEN))
                .withLog(log)).withTag("v0.4.0"), new PrintStream(System.out)).send(null, null, null);
        assertEquals(1, github.dispatches().size(), "sent once: the publication record holds it");
    }

    @Test
    void badInputIsReportedTogetherAndNothingIsSent() {
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> workflow(Map.of("GITHUB_API_URL", github.apiUrl().toString()))
                .send("brokle", " ", "[1, 2]"));
        assertTrue(e.getMessage().contains("brokle.repository: 'brokle' is not a repository"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.eventType: missing"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.payload: must be a JSON object"), e.getMessage());
        assertTrue(e.getMessage().contains("No GitHub token"), e.getMessage());
        assertTrue(github.requests().isEmpty());
    }

    @Test
    void aHugePayloadOrRepositoryIsRefusedAndEchoedOnlyInPart() {
        String huge = "{\"sdk\": \"" + "x".repeat(20_000_000) + "\"}";
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> workflow(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL",
                github.apiUrl().toString())).send("y".repeat(5000), "sdk-released", huge));
        assertTrue(e.getMessage().contains("brokle.payload: 20000011 characters, more than the 65536 a dispatch payload may hold"), e.getMessage());
        assertTrue(e.getMessage().contains("… (5000 characters)' is not a repository"), e.getMessage());
        assertTrue(e.getMessage().length() < 1_000, "the bad values are not echoed whole: " + e.getMessage().length());
        assertTrue(github.requests().isEmpty());
    }
}
