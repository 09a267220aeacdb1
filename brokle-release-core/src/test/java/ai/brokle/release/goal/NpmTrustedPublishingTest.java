package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.NpmOidcStandIn;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.testing.Verdaccio;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish-npm through npm Trusted Publishing: in GitHub Actions without a token, the npm CLI asks
 * the job's OIDC endpoint for a token, exchanges it at the registry and publishes with what it gets;
 * both ends are a local stand-in in front of a real verdaccio, which records what npm asked.
 */
class NpmTrustedPublishingTest {
    private static final String REQUEST_TOKEN = "actions-oidc-request-token-0123456789abcdef";

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private static String manifest(String repository) {
        return "{\n  \"name\": \"brokle\",\n  \"version\": \"0.5.0\",\n  \"main\": \"index.js\"" + (repository == null ? ""
                : ",\n  \"repository\": {\"type\": \"git\", \"url\": \"" + repository + "\"}") + "\n}\n";
    }

    private TestRepo sdk(String registry, String repository) {
        return sdk(registry, repository, false);
    }

    private TestRepo sdk(String registry, String repository, boolean pnpm) {
        TestRepo repo = TestRepo.init(tmp.resolve("js-" + System.nanoTime()));
        if (pnpm) {
            repo.write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n  excludeLinksFromLockfile: false\n\n"
                    + "importers:\n\n  .: {}\n");
        }
        repo.write(".gitignore", "node_modules/\n");
        repo.write(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: v\n    npm:\n      registry: " + registry
                + "\n      access: public\n");
        repo.write("package.json", manifest(repository));
        repo.write("index.js", "module.exports = 'brokle';\n");
        repo.commitAll("chore(release): v0.5.0");
        repo.annotatedTag("v0.5.0");
        return repo;
    }

    private Map<String, String> actions(NpmOidcStandIn standIn, boolean idToken) {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_REF", "refs/tags/v0.5.0", "GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY",
                "brokle-ai/brokle-js"));
        if (idToken) {
            env.put("ACTIONS_ID_TOKEN_REQUEST_URL", standIn.idTokenUrl());
            env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
        }
        return env;
    }

    @Test
    void withoutATokenTheNpmCliExchangesTheJobsOidcTokenAndPublishes() throws Exception {
        publishedThroughTheExchange(false);
    }

    /** The JavaScript SDK's own case: pnpm publishes, the npm CLI under it exchanges; setup-node@v4's token stand-in is no token. */
    @Test
    void aPnpmPackagePublishedByPnpmGoesThroughTheSameExchange() throws Exception {
        publishedThroughTheExchange(true);
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("published brokle@0.5.0 under latest with pnpm publish")), log.lines().toString());
    }

    private void publishedThroughTheExchange(boolean pnpm) throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio"));
                NpmOidcStandIn standIn = NpmOidcStandIn.start(registry.url(), REQUEST_TOKEN, registry.token());
                TestRepo repo = sdk(standIn.registry(), "git+https://github.com/brokle-ai/brokle-js.git", pnpm)) {
            Map<String, String> env = actions(standIn, true);
            if (pnpm) {
                env.put("PATH", PublishPnpmTest.pnpmBin() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
                env.put("NODE_AUTH_TOKEN", "XXXXX-XXXXX-XXXXX-XXXXX");
            }
            new PublishNpmWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir()).withEnvironment(env).withLog(log))).execute();

            Process view = new ProcessBuilder("npm", "view", "brokle", "dist-tags", "--json", "--registry", registry.url().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(view.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(view.waitFor(60, TimeUnit.SECONDS));
            JsonNode tags = new ObjectMapper().readTree(out);
            assertEquals("0.5.0", tags.path("latest").asText(), out);

            List<NpmOidcStandIn.Request> asked = standIn.requests();
            NpmOidcStandIn.Request idRequest = asked.stream().filter(r -> r.target().startsWith("/_apis/oidc/token")).findFirst().orElseThrow();
            assertEquals("GET", idRequest.method());
            assertTrue(idRequest.target().contains("audience=npm%3A127.0.0.1"), "the audience npm asks for: " + idRequest.target());
            assertEquals("Bearer " + REQUEST_TOKEN, idRequest.authorization());
            NpmOidcStandIn.Request exchange = asked.stream().filter(r -> r.target().startsWith("/-/npm/v1/oidc/token/exchange/")).findFirst()
                    .orElseThrow();
            assertEquals("POST", exchange.method());
            assertEquals("/-/npm/v1/oidc/token/exchange/package/brokle", exchange.target());
            assertEquals("Bearer " + standIn.idToken(), exchange.authorization(), "the OIDC token, exchanged");
            NpmOidcStandIn.Request publish = asked.stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
            assertEquals("Bearer " + registry.token(), publish.authorization(), "published with the exchanged token");
            assertFalse(log.everything().contains(REQUEST_TOKEN) || log.everything().contains(registry.token()));
        }
    }

    @Test
    void aJobWithoutIdTokenOrAPackageNamingAnotherRepositoryIsRefusedBeforeAnythingIsPublished() throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio"));
                NpmOidcStandIn standIn = NpmOidcStandIn.start(registry.url(), REQUEST_TOKEN, registry.token())) {
            try (TestRepo repo = sdk(standIn.registry(), "git+https://github.com/brokle-ai/brokle-js.git")) {
                ReleaseFailure noIdToken = assertThrows(ReleaseFailure.class, () -> new PublishNpmWorkflow(PerformOptions.of(
                        ReleaseOptions.of(repo.dir()).withEnvironment(actions(standIn, false)).withLog(log))).execute());
                assertTrue(noIdToken.getMessage().contains("give the publishing job 'permissions: id-token: write' for npm Trusted Publishing"),
                        noIdToken.getMessage());
            }
            try (TestRepo repo = sdk(standIn.registry(), "https://github.com/someone/fork.git")) {
                ReleaseFailure other = assertThrows(ReleaseFailure.class, () -> new PublishNpmWorkflow(PerformOptions.of(
                        ReleaseOptions.of(repo.dir()).withEnvironment(actions(standIn, true)).withLog(log))).execute());
                assertTrue(other.getMessage().contains("brokle: npm Trusted Publishing requires package.json's \"repository\" to be this repository:"
                        + " set it to {\"type\": \"git\", \"url\": \"git+https://github.com/brokle-ai/brokle-js.git\"} (it names someone/fork)"),
                        other.getMessage());
            }
            assertTrue(standIn.requests().stream().noneMatch(r -> r.method().equals("PUT")), "nothing was published");
        }
    }
}
