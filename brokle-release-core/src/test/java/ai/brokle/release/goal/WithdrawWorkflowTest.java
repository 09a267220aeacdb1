package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.FakePackageIndex;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRegistry;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.testing.Verdaccio;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rollback-published against real local servers: the floating image tags move back by digest in
 * the OCI registry, the npm dist-tags move back and the bad version is deprecated on verdaccio, the
 * GitHub fake shows the previous release as the latest and the bad one with a warning; the record
 * makes re-runs do nothing and the publishing goals refuse the tag.
 */
class WithdrawWorkflowTest {
    private static final Retry FAST = new Retry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(20));
    private static final String TOKEN = "ghs_withdraw_token_0123456789";

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** The registry's login, as a settings.xml server named after its host gives it. */
    private Credentials login = Credentials.none();

    private void withdraw(Path dir, String tag, String reason, boolean dryRun, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
        new WithdrawWorkflow(WithdrawOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log).withCredentials(login)).withTag(tag)
                .withReason(reason)
                .withDryRun(dryRun).withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
    }

    private static void releaseImage(TestRepo repo, String version) {
        for (String arch : List.of("amd64", "arm64")) {
            repo.write("bin/linux-" + arch + "/brokle-server", "brokle-server " + version + " for " + arch);
        }
        repo.commitAll("chore(release): v" + version);
        repo.annotatedTag("v" + version);
    }

    private void images(Path dir, String tag) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REF", "refs/tags/" + tag);
        env.put("DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
        new PublishImagesWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)
                .withCredentials(login))).execute();
    }

    @Test
    void floatingImageTagsGoBackByDigestAndTheTagIsNotPublishedAgain() throws Exception {
        String password = "registry-password-0123456789";
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry"), "ci", password);
                TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            login = Credentials.none().withServers(id -> id.equals(registry.host()) ? Optional.of(new Login("ci", password)) : Optional.empty());
            String repository = "brokle/brokle-server";
            repo.write(".brokle-release.yml", "registries:\n  \"" + registry.host() + "\": {insecure: true}\ncomponents:\n  platform:\n"
                    + "    path: .\n    tagPrefix: v\n    images:\n      - repositories: [" + registry.host() + "/" + repository + "]\n"
                    + "        layers:\n          - {from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server, mode: 755}\n"
                    + "        entrypoint: [/app/brokle-server]\n");
            repo.write(".gitignore", "target/\n");
            for (String version : List.of("3.1.4", "3.2.0", "3.3.0")) {
                releaseImage(repo, version);
                images(repo.dir(), "v" + version);
            }
            String v314 = registry.manifest(repository, "3.1.4").digest();
            String v320 = registry.manifest(repository, "3.2.0").digest();
            String v330 = registry.manifest(repository, "3.3.0").digest();
            assertEquals(v330, registry.manifest(repository, "latest").digest());
            int uploads = registry.blobUploadsStarted(repository);

            withdraw(repo.dir(), "v3.3.0", "crashes on start with an empty config", true, Map.of());
            String said = String.join("\n", log.lines());
            assertTrue(said.contains("would move " + registry.host() + "/" + repository + ":3 from 3.3.0 (" + v330 + ") back to 3.2.0 (" + v320
                    + ")"), said);
            assertTrue(said.contains("would move " + registry.host() + "/" + repository + ":latest from 3.3.0"), said);
            assertTrue(said.contains(registry.host() + "/" + repository + ":3.3 stays at 3.3.0 (" + v330 + "): no earlier release holds that tag"),
                    said);
            assertEquals(v330, registry.manifest(repository, "latest").digest(), "a dry run moves nothing");

            withdraw(repo.dir(), "v3.3.0", "crashes on start with an empty config", false, Map.of());
            assertEquals(v320, registry.manifest(repository, "latest").digest());
            assertEquals(v320, registry.manifest(repository, "3").digest());
            assertEquals(v330, registry.manifest(repository, "3.3").digest(), "no earlier 3.3 release: it stays");
            assertEquals(v330, registry.manifest(repository, "3.3.0").digest(), "the bad release's own tag stays");

            log.lines().clear();
            withdraw(repo.dir(), "v3.3.0", "crashes on start with an empty config", false, Map.of());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("rollback-images") && l.contains("already done")), log.lines().toString());
            assertEquals(v320, registry.manifest(repository, "latest").digest());

            repo.git().checkout().setName("v3.3.0").call();
            ReleaseFailure again = assertThrows(ReleaseFailure.class, () -> images(repo.dir(), "v3.3.0"));
            assertTrue(again.getMessage().contains("v3.3.0 was rolled back (crashes on start with an empty config), so it is not published again"),
                    again.getMessage());

            // the next rollback skips the release rolled back before: latest and 3 go to 3.1.4, 3.2 has no earlier release
            withdraw(repo.dir(), "v3.2.0", "leaks connections", false, Map.of());
            assertEquals(v314, registry.manifest(repository, "latest").digest());
            assertEquals(v314, registry.manifest(repository, "3").digest());
            assertEquals(v320, registry.manifest(repository, "3.2").digest());
            assertEquals(uploads, registry.blobUploadsStarted(repository), "nothing was uploaded: tags moved by digest");
            assertFalse(log.everything().contains(password));
        }
    }

    @Test
    void npmDistTagsAndTheLatestGitHubReleaseGoBackAndTheBadVersionIsDeprecated() throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio")); FakeGitHub github = FakeGitHub.start(TOKEN);
                TestRepo repo = TestRepo.init(tmp.resolve("js"))) {
            repo.write(".gitignore", "node_modules/\n");
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle-js\n  apiUrl: " + github.apiUrl() + "\ncomponents:\n"
                    + "  js:\n    path: .\n    tagPrefix: v\n    npm:\n      registry: " + registry.url() + "\n      access: public\n"
                    + "    dispatch:\n      - repository: brokle-ai/brokle\n        eventType: sdk-released\n");
            Map<String, String> env = new HashMap<>(Map.of("GITHUB_TOKEN", TOKEN, "NPM_TOKEN", registry.token()));
            for (String version : List.of("0.4.0", "0.5.0-beta.0", "0.4.1")) {
                repo.write("package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"" + version + "\",\n  \"main\": \"index.js\"\n}\n");
                repo.write("index.js", "module.exports = '" + version + "';\n");
                repo.commitAll("fix: release " + version);
                repo.annotatedTag("v" + version);
                Map<String, String> perform = new HashMap<>(env);
                perform.put("GITHUB_REF", "refs/tags/v" + version);
                new PerformWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir()).withEnvironment(perform).withLog(log)).withRetry(FAST),
                        new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
            }
            assertEquals("0.4.1", registry.view("brokle", "dist-tags").path("latest").asText());
            assertEquals("v0.4.1", github.latestTag());

            ReleaseFailure noReason = assertThrows(ReleaseFailure.class, () -> withdraw(repo.dir(), "v0.4.1", " ", false, env));
            assertTrue(noReason.getMessage().contains("No reason given: -Dbrokle.reason=\"...\""), noReason.getMessage());

            withdraw(repo.dir(), "v0.4.1", "drops spans under load", true, env);
            String said = String.join("\n", log.lines());
            assertTrue(said.contains("[rollback-npm] would move brokle's dist-tag latest from 0.4.1 back to 0.4.0"), said);
            assertTrue(said.contains("[rollback-npm] would deprecate brokle@0.4.1: \"v0.4.1 was rolled back: drops spans under load; use v0.4.0"
                    + " instead\""), said);
            assertTrue(said.contains("[rollback-github-release] would make v0.4.0 the latest release again, instead of v0.4.1"), said);
            assertEquals("0.4.1", registry.view("brokle", "dist-tags").path("latest").asText(), "a dry run changes nothing");

            withdraw(repo.dir(), "v0.4.1", "drops spans under load", false, env);
            JsonNode tags = registry.view("brokle", "dist-tags");
            assertEquals("0.4.0", tags.path("latest").asText());
            assertEquals("0.5.0-beta.0", tags.path("beta").asText(), "the channel the bad release did not take is left alone");
            assertEquals("v0.4.1 was rolled back: drops spans under load; use v0.4.0 instead", registry.view("brokle@0.4.1", "deprecated").asText());
            assertFalse(registry.view("brokle@0.4.0", "deprecated").isTextual(), "the good version is not deprecated");
            assertEquals("v0.4.0", github.latestTag());
            JsonNode bad = github.releases().stream().filter(r -> r.path("tag_name").asText().equals("v0.4.1")).findFirst().orElseThrow();
            assertTrue(bad.path("body").asText().startsWith("> [!WARNING]\n> **Rolled back:** drops spans under load. Use [v0.4.0]("), bad.path("body")
                    .asText());

            long edits = github.requests().stream().filter(r -> r.method().equals("PATCH")).count();
            withdraw(repo.dir(), "v0.4.1", "drops spans under load", false, env);
            assertEquals(edits, github.requests().stream().filter(r -> r.method().equals("PATCH")).count(), "a re-run edits nothing");
            assertEquals(1, bad.path("body").asText().split("Rolled back", -1).length - 1, "one warning");

            Map<String, String> perform = new HashMap<>(env);
            perform.put("GITHUB_REF", "refs/tags/v0.4.1");
            ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> new PerformWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir())
                    .withEnvironment(perform).withLog(log)).withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute());
            assertTrue(refused.getMessage().contains("v0.4.1 was rolled back (drops spans under load), so it is not published again"),
                    refused.getMessage());
            int dispatches = github.dispatches().size();
            ReleaseFailure noDispatch = assertThrows(ReleaseFailure.class, () -> new DispatchWorkflow(PerformOptions.of(ReleaseOptions.of(
                    repo.dir()).withEnvironment(perform).withLog(log)).withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8))
                    .send(null, null, null));
            assertTrue(noDispatch.getMessage().contains("v0.4.1 was rolled back"), noDispatch.getMessage());
            assertEquals(dispatches, github.dispatches().size(), "the platform is not told of a withdrawn SDK release");
            assertFalse(log.everything().contains(registry.token()) || log.everything().contains(TOKEN));
        }
    }

    @Test
    void pypiGetsExactYankInstructionsAndTheRollbackEndsWhenTheIndexShowsItYanked() throws Exception {
        try (FakePackageIndex index = FakePackageIndex.start("pypi-token-0123456789"); TestRepo repo = TestRepo.init(tmp.resolve("python"))) {
            repo.write(".gitignore", "dist/\n");
            repo.write(".brokle-release.yml", "components:\n  python:\n    path: .\n    tagPrefix: python-v\n    pypi:\n"
                    + "      dist: ['dist/*.whl']\n      repository: " + index.uploadUrl() + "\n      simple: " + index.simpleUrl() + "\n"
                    + "      testRepository: " + index.uploadUrl() + "\n      testSimple: " + index.simpleUrl() + "\n");
            Map<String, String> env = new HashMap<>(Map.of("PYPI_TOKEN", "pypi-token-0123456789"));
            for (String version : List.of("0.4.0", "0.4.1")) {
                repo.write("pyproject.toml", "[project]\nname = \"brokle\"\nversion = \"" + version + "\"\n");
                repo.commitAll("fix: release " + version);
                repo.annotatedTag("python-v" + version);
                FakePackageIndex.wheel(repo.dir().resolve("dist"), "brokle", version);
                Map<String, String> publish = new HashMap<>(env);
                publish.put("GITHUB_REF", "refs/tags/python-v" + version);
                new PublishPypiWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir()).withEnvironment(publish).withLog(log)).withRetry(FAST),
                        new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
                java.nio.file.Files.delete(repo.dir().resolve("dist/brokle-" + version + "-py3-none-any.whl"));
            }

            withdraw(repo.dir(), "python-v0.4.1", "breaks imports on Python 3.9", false, env);
            String said = String.join("\n", log.lines());
            assertTrue(said.contains("[rollback-pypi] PyPI has no API to yank a release: an owner of brokle yanks it by hand. Open http://127.0.0.1:"
                    + index.base().getPort() + "/manage/project/brokle/release/0.4.1/, choose Options → Yank, and give the reason"
                    + " \"python-v0.4.1 was rolled back: breaks imports on Python 3.9; use python-v0.4.0 instead\""), said);
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("rollback-pypi") && !l.contains("done")), "not done until yanked: " + said);

            index.yank("0.4.1", "breaks imports on Python 3.9");
            log.lines().clear();
            withdraw(repo.dir(), "python-v0.4.1", "breaks imports on Python 3.9", false, env);
            assertTrue(log.lines().contains("[rollback-pypi] brokle 0.4.1 is yanked on " + index.simpleUrl()), log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("rollback-pypi") && l.contains("already done")), log.lines().toString());

            Map<String, String> publish = new HashMap<>(env);
            publish.put("GITHUB_REF", "refs/tags/python-v0.4.1");
            ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> new PublishPypiWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir())
                    .withEnvironment(publish).withLog(log)).withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute());
            assertTrue(refused.getMessage().contains("python-v0.4.1 was rolled back"), refused.getMessage());
        }
    }
}
