package ai.brokle.release.publish.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.UnknownOutcome;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub.Fault;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The GitHub client against the in-process fake: what it sends, and how it retries and gives up. */
class GitHubClientTest {
    private static final String TOKEN = "ghp_faketoken0123456789abcdefghijklmnopq";
    private final FakeGitHub github = FakeGitHub.start(TOKEN);
    private final List<Duration> slept = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();

    private GitHubClient client(String token) {
        return new GitHubClient(github.apiUrl(), token, new Retry(4, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMillis(700)), slept::add, log);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private static GitHubRelease.Fields release(String tag) {
        return new GitHubRelease.Fields(tag, tag, "notes", false);
    }

    @Test
    void createsADraftUploadsAnAssetAndPublishes() {
        GitHubClient client = client(TOKEN);
        GitHubRelease created = client.createDraft("brokle-ai/brokle", release("v3.2.1"));
        long id = created.id();
        assertTrue(created.draft());
        client.uploadAsset(created, "brokle-linux-amd64", "binary".getBytes(StandardCharsets.UTF_8));
        client.publish("brokle-ai/brokle", id, true);

        assertEquals(1, github.releases().size());
        assertFalse(github.releases().get(0).path("draft").asBoolean());
        List<GitHubRelease.Asset> assets = client.assets("brokle-ai/brokle", id);
        assertEquals("sha256:" + FakeGitHub.sha256("binary".getBytes(StandardCharsets.UTF_8)), assets.get(0).digest());
        FakeGitHub.Request upload = github.requests().stream().filter(r -> r.path().startsWith("/uploads/")).findFirst().orElseThrow();
        assertEquals("name=brokle-linux-amd64", upload.query());
        assertEquals("application/octet-stream", upload.headers().get("Content-type").get(0));
        assertEquals("Bearer " + TOKEN, upload.headers().get("Authorization").get(0));
        assertTrue(client.findRelease("brokle-ai/brokle", "v3.2.1").isPresent(), "drafts and published releases are found by tag");
    }

    @Test
    void aCreateThatWentThroughBeforeIsFoundInsteadOfDuplicated() {
        GitHubClient client = client(TOKEN);
        GitHubRelease first = client.createDraft("brokle-ai/brokle", release("v3.2.1"));
        // the create answers 422 already_exists when the release appeared between the look-up and the create
        github.inject(Fault.status("GET /repos/.*/releases$", 200, Map.of()));
        GitHubRelease second = client.createDraft("brokle-ai/brokle", release("v3.2.1"));
        assertEquals(first.id(), second.id());
        assertEquals(1, github.releases().size());
    }

    @Test
    void rateLimitsAreRetriedAfterTheTimeGitHubAsksFor() {
        github.inject(Fault.status("GET /repos/.*/releases", 403, Map.of("Retry-After", "7", "X-RateLimit-Remaining", "0")));
        github.inject(Fault.status("GET /repos/.*/releases", 429, Map.of("Retry-After", "3")));
        assertTrue(client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0").isEmpty());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(3)), slept);
    }

    @Test
    void serverErrorsResetsAndTimeoutsAreRetriedWithBackoff() {
        // (a reset GET is tried once more by the JDK client itself, so a status stands in for it here)
        github.inject(Fault.status("GET /repos/.*/releases", 502, Map.of()));
        github.inject(Fault.stall("GET /repos/.*/releases", 1500));
        github.inject(Fault.status("GET /repos/.*/releases", 503, Map.of()));
        assertTrue(client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0").isEmpty());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
        assertEquals(4, github.requests().size());
    }

    @Test
    void aDispatchIsSentAgainOnlyWhenItSurelyWasNotCarriedOut() {
        ObjectNode payload = GitHubClient.object();
        payload.put("sdk", "python");
        github.inject(Fault.status("POST /repos/.*/dispatches", 429, Map.of("Retry-After", "2")));
        client(TOKEN).dispatch("brokle-ai/brokle", "sdk-released", payload);
        assertEquals(List.of(Duration.ofSeconds(2)), slept, "a rate limit says it was not carried out: sent again");
        assertEquals(1, github.dispatches().size());
        assertEquals("sdk-released", github.dispatches().get(0).path("event_type").asText());
        assertEquals("python", github.dispatches().get(0).path("client_payload").path("sdk").asText());

        for (Fault lost : List.of(Fault.answerLost("POST /repos/.*/dispatches", 502), Fault.answerLost("POST /repos/.*/dispatches", 0),
                Fault.status("POST /repos/.*/dispatches", 500, Map.of()))) {
            github.inject(lost);
            UnknownOutcome e = assertThrows(UnknownOutcome.class, () -> client(TOKEN).dispatch("brokle-ai/brokle", "sdk-released", payload));
            assertTrue(e.getMessage().contains("it may have been carried out"), e.getMessage());
        }
        assertEquals(1, slept.size(), "no wait, no second attempt after an answer that may hide an event");
        assertEquals(3, github.dispatches().size(), "the first event and the two whose answers were lost; never a repeat");
    }

    @Test
    void retriesAreBoundedAndTheMessageNeverHoldsTheToken() {
        for (int i = 0; i < 4; i++) {
            github.inject(Fault.status("GET /repos/", 503, Map.of()));
        }
        GitHubException e = assertThrows(GitHubException.class, () -> client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0"));
        assertTrue(e.getMessage().contains("GET /repos/brokle-ai/brokle/releases failed after 4 attempts; the last: server error 503"),
                e.getMessage());
        assertEquals(3, slept.size());
        assertFalse(e.getMessage().contains(TOKEN) || log.everything().contains(TOKEN));
    }

    @Test
    void aRateLimitLongerThanTheBoundFailsAtOnceSayingSo() {
        github.inject(Fault.status("GET /repos/", 403, Map.of("X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(java.time.Instant.now().getEpochSecond() + 3600))));
        GitHubException e = assertThrows(GitHubException.class, () -> client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0"));
        assertTrue(e.getMessage().contains("is rate limited for") && e.getMessage().contains("run it again later"), e.getMessage());
        assertTrue(slept.isEmpty());
    }

    @Test
    void aRefusedTokenSaysWhereTokensComeFromWithoutShowingIt() {
        String wrong = "ghp_wrongtoken9876543210zyxwvutsrqponmlk";
        GitHubException e = assertThrows(GitHubException.class, () -> client(wrong).findRelease("brokle-ai/brokle", "v1.0.0"));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("answered 401 (Bad credentials): the token was refused; set GITHUB_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertTrue(slept.isEmpty(), "a refusal is not retried");
    }

    @Test
    void aRedirectToAnotherHostIsRefusedAndNoTokenGoesThere() {
        try (FakeGitHub elsewhere = FakeGitHub.start("not-the-token")) {
            github.inject(Fault.status("GET /repos/.*/releases$", 307, Map.of("Location", elsewhere.apiUrl() + "repos/brokle-ai/brokle/releases")));
            GitHubException e = assertThrows(GitHubException.class, () -> client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0"));
            assertTrue(e.getMessage().contains("was redirected (307) to http://127.0.0.1:" + elsewhere.apiUrl().getPort()
                    + ", another host than http://127.0.0.1:" + github.apiUrl().getPort() + ": not followed"), e.getMessage());
            assertTrue(elsewhere.requests().isEmpty(), "nothing, and no token, reached the other host: " + elsewhere.requests());
            assertFalse(e.getMessage().contains(TOKEN));
        }
    }

    @Test
    void aRedirectOnTheSameHostIsFollowedWithTheRequest() {
        client(TOKEN).createDraft("brokle-ai/brokle", release("v3.2.1"));
        // a renamed repository answers with the address of its new name, on the same API
        github.inject(Fault.status("GET /repos/brokle-ai/old-name/releases$", 301, Map.of("Location", "/repos/brokle-ai/brokle/releases?per_page=100&page=1")));
        assertTrue(client(TOKEN).findRelease("brokle-ai/old-name", "v3.2.1").isPresent());
        assertEquals("Bearer " + TOKEN, github.requests().get(github.requests().size() - 1).headers().get("Authorization").get(0));
    }

    @Test
    void aMalformedRateLimitResetIsTreatedAsAbsent() {
        github.inject(Fault.status("GET /repos/.*/releases", 403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "soon")));
        GitHubException e = assertThrows(GitHubException.class, () -> client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0"));
        assertTrue(e.getMessage().contains("is rate limited for ") && e.getMessage().contains("longer than the 30 s this run waits"), e.getMessage());
    }

    @Test
    void aHostThatDoesNotAnswerCostsAtMostTwoTimeoutsAndIsNamed() {
        for (int i = 0; i < 4; i++) {
            github.inject(Fault.stall("GET /repos/.*/releases", 1500));
        }
        long start = System.nanoTime();
        GitHubException e = assertThrows(GitHubException.class, () -> client(TOKEN).findRelease("brokle-ai/brokle", "v1.0.0"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("127.0.0.1:" + github.apiUrl().getPort() + " did not answer within 1.4 s (2 attempts of at most 700 ms)"),
                e.getMessage());
        assertTrue(millis < 4 * 700, "bounded by two timeouts, not by four attempts: " + millis + " ms");
    }
}
