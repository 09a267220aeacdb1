package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.FakePackageIndex;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish-pypi and the pypi step of perform, against two test index servers (the index and the test index). */
class PublishPypiTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcpublishtoken0123456789";
    private static final Retry FAST = new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final FakePackageIndex index = FakePackageIndex.start(TOKEN);
    private final FakePackageIndex testIndex = FakePackageIndex.start(TOKEN);
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        index.close();
        testIndex.close();
    }

    /** The Python SDK tagged python-v{version}, with a wheel built at {@code built}. */
    private Path sdk(String version, String built) throws Exception {
        Path dir = tmp.resolve("sdk-" + version);
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".gitignore", "dist/\n");
            repo.write(".brokle-release.yml", "components:\n  python:\n    path: .\n    tagPrefix: python-v\n    pypi:\n"
                    + "      dist: ['dist/*.whl']\n      repository: " + index.uploadUrl() + "\n      simple: " + index.simpleUrl() + "\n"
                    + "      testRepository: " + testIndex.uploadUrl() + "\n      testSimple: " + testIndex.simpleUrl() + "\n");
            repo.commitAll("feat: client");
            repo.annotatedTag("python-v" + version);
        }
        FakePackageIndex.wheel(dir.resolve("dist"), "brokle", built);
        return dir;
    }

    private void publish(Path dir, Map<String, String> env) {
        new PublishPypiWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)).withRetry(FAST),
                new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
    }

    private static Map<String, String> env(String tag) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REF", "refs/tags/" + tag);
        env.put("PYPI_TOKEN", TOKEN);
        return env;
    }

    @Test
    void aPreReleaseGoesToTheTestIndexAndARerunUploadsNothing() throws Exception {
        Path dir = sdk("0.3.0-beta.1", "0.3.0b1");
        publish(dir, env("python-v0.3.0-beta.1"));
        assertEquals(1, testIndex.files().size());
        assertTrue(index.files().isEmpty(), "a pre-release never goes to the index");
        assertArrayEquals(Files.readAllBytes(dir.resolve("dist/brokle-0.3.0b1-py3-none-any.whl")),
                testIndex.files().get("brokle-0.3.0b1-py3-none-any.whl").content());
        long posts = testIndex.requests().stream().filter(r -> r.startsWith("POST")).count();
        publish(dir, env("python-v0.3.0-beta.1"));
        assertEquals(posts, testIndex.requests().stream().filter(r -> r.startsWith("POST")).count(), "a re-run is a no-op");
        assertTrue(log.lines().contains("[pypi] every distribution of python-v0.3.0-beta.1 is on the index already"), log.lines().toString());
    }

    @Test
    void aStableVersionGoesToTheIndexWithATokenMintedByTrustedPublishing() throws Exception {
        Path dir = sdk("0.3.0", "0.3.0");
        Map<String, String> env = env("python-v0.3.0");
        env.remove("PYPI_TOKEN");
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", index.oidcRequestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", FakePackageIndex.REQUEST_TOKEN);
        publish(dir, env);
        assertEquals(1, index.files().size());
        assertTrue(index.requests().containsAll(java.util.List.of("GET /_/oidc/audience", "GET /github-oidc/token", "POST /_/oidc/mint-token")),
                index.requests().toString());
        String out = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("::add-mask::" + FakePackageIndex.MINTED), "the minted token is masked in Actions: " + out);
        String logged = log.everything();
        for (String secret : new String[] {FakePackageIndex.MINTED, FakePackageIndex.REQUEST_TOKEN, FakePackageIndex.OIDC_TOKEN}) {
            assertFalse(logged.contains(secret), secret + " was logged");
        }
    }

    @Test
    void aVersionThatIsNotTheTagsStopsTheUploadBeforeAnyRequest() throws Exception {
        Path dir = sdk("0.3.0", "0.2.9");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> publish(dir, env("python-v0.3.0")));
        assertTrue(e.getMessage().contains("brokle-0.2.9-py3-none-any.whl: the version is 0.2.9 but the release is 0.3.0"), e.getMessage());
        assertTrue(index.requests().isEmpty() && testIndex.requests().isEmpty());
    }

    @Test
    void aFileOnTheIndexWithOtherContentIsAnErrorThatSaysSo() throws Exception {
        Path dir = sdk("0.3.0", "0.3.0");
        publish(dir, env("python-v0.3.0"));
        // the same file name with other bytes: a rebuild after the upload
        try (OutputStream out = Files.newOutputStream(dir.resolve("dist/brokle-0.3.0-py3-none-any.whl")); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("brokle-0.3.0.dist-info/METADATA"));
            zip.write("Metadata-Version: 2.1\nName: brokle\nVersion: 0.3.0\nSummary: Rebuilt\nDescription-Content-Type: text/markdown\n\nx\n"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("brokle-0.3.0.dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> publish(dir, env("python-v0.3.0")));
        assertTrue(e.getMessage().contains("brokle-0.3.0-py3-none-any.whl is on " + index.simpleUrl() + " already with another content"),
                e.getMessage());
    }

    @Test
    void performUploadsBeforeTheGitHubRelease() throws Exception {
        try (FakeGitHub github = FakeGitHub.start("ghp_token")) {
            Path dir = sdk("0.3.0", "0.3.0");
            Files.writeString(dir.resolve(".brokle-release.yml"), Files.readString(dir.resolve(".brokle-release.yml"))
                    + "github:\n  repository: brokle-ai/brokle-python\n  apiUrl: " + github.apiUrl() + "\n");
            Map<String, String> env = env("python-v0.3.0");
            env.put("GITHUB_TOKEN", "ghp_token");
            PerformWorkflow.Result result = new PerformWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log))
                    .withRetry(FAST), new PrintStream(stdout, true, StandardCharsets.UTF_8)).execute();
            assertEquals("pypi", result.outcomes().get(0).step());
            assertEquals("done", result.outcomes().get(0).result());
            assertEquals(1, index.files().size());
            assertEquals(1, github.releases().size());
        }
    }
}
