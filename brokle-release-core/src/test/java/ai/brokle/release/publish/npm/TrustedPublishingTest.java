package ai.brokle.release.publish.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What npm Trusted Publishing needs, checked before anything is published. */
class TrustedPublishingTest {
    private static final Map<String, String> ACTIONS = Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "brokle-ai/brokle-js",
            "ACTIONS_ID_TOKEN_REQUEST_URL", "https://token.actions.example/", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "x");
    private static final String GOOD = "{\"name\": \"brokle\", \"repository\": \"github:brokle-ai/brokle-js\"}";

    @Test
    void theNpmCliMustBe11_5_1OrLater() {
        assertTrue(TrustedPublishing.problems("11.5.1", ACTIONS, Map.of("brokle", GOOD)).isEmpty());
        assertTrue(TrustedPublishing.problems("11.19.1\n", ACTIONS, Map.of("brokle", GOOD)).isEmpty());
        List<String> old = TrustedPublishing.problems("10.9.2", ACTIONS, Map.of("brokle", GOOD));
        assertEquals(List.of("npm Trusted Publishing needs npm 11.5.1 or later, and this job has npm 10.9.2: use Node 24 (actions/setup-node with"
                + " node-version: 24), or run 'npm install -g npm@latest' first; or set NPM_TOKEN to publish with a token"), old);
        assertFalse(TrustedPublishing.problems("11.5.0", ACTIONS, Map.of("brokle", GOOD)).isEmpty());
        assertFalse(TrustedPublishing.problems(null, ACTIONS, Map.of("brokle", GOOD)).isEmpty());
    }

    @Test
    void theRepositoryFieldNamesTheJobsRepositoryInEveryFormNpmAccepts() {
        for (String field : List.of("\"github:brokle-ai/brokle-js\"", "\"brokle-ai/brokle-js\"", "\"https://github.com/brokle-ai/brokle-js\"",
                "{\"type\": \"git\", \"url\": \"git+https://github.com/brokle-ai/brokle-js.git\"}", "{\"url\": \"git@github.com:brokle-ai/brokle-js.git\"}")) {
            assertEquals(Optional.of("brokle-ai/brokle-js"), TrustedPublishing.repository("{\"repository\": " + field + "}"), field);
        }
        assertEquals(Optional.empty(), TrustedPublishing.repository("{\"name\": \"brokle\"}"));
        assertEquals(Optional.empty(), TrustedPublishing.repository("{\"repository\": \"https://gitlab.com/brokle-ai/brokle-js\"}"));
        List<String> missing = TrustedPublishing.problems("11.6.0", ACTIONS, Map.of("brokle", "{\"name\": \"brokle\"}"));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).startsWith("brokle: npm Trusted Publishing requires package.json's \"repository\""), missing.get(0));
    }

    @Test
    void onlyInGitHubActionsWithoutAToken() {
        assertTrue(TrustedPublishing.applies(Map.of("GITHUB_ACTIONS", "true"), false));
        assertFalse(TrustedPublishing.applies(Map.of("GITHUB_ACTIONS", "true"), true), "a token is used as given");
        assertFalse(TrustedPublishing.applies(Map.of(), false), "elsewhere a token is needed");
    }
}
