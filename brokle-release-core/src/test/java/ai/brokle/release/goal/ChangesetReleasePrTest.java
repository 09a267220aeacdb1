package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.FakeGitHub;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.testing.Verdaccio;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * release-pr on a Changesets workspace in pre-release mode (alpha): the "Version Packages" pull
 * request proposes 0.5.0-alpha.0 from the change file; merged, the tag is pushed and the package
 * goes to a real registry (verdaccio) under alpha, never latest.
 */
class ChangesetReleasePrTest {
    private static final String TOKEN = "ghp_changesetsreleaseprtoken0123456789ab";

    @TempDir
    Path tmp;

    private static String pkg(String version) {
        return "{\n  \"name\": \"brokle\",\n  \"version\": \"" + version + "\",\n  \"main\": \"index.js\"\n}\n";
    }

    private ReleasePrWorkflow.Result releasePr(Path dir, FakeGitHub github, RecordingLog log) {
        Map<String, String> env = new HashMap<>(Map.of("SOURCE_DATE_EPOCH", "1790000000", "GITHUB_TOKEN", TOKEN, "GITHUB_API_URL",
                github.apiUrl().toString()));
        return new ReleasePrWorkflow(ReleasePrOptions.of(ReleaseOptions.of(dir).withLog(log).withEnvironment(env))
                .withRetry(new Retry(2, Duration.ofMillis(1), Duration.ofSeconds(5), Duration.ofSeconds(5))),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
    }

    private static void publish(Path dir, String tag, Verdaccio registry, RecordingLog log) {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_REF", "refs/tags/" + tag, "NPM_TOKEN", registry.token()));
        new PublishNpmWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log))).execute();
    }

    @Test
    void aPreReleasePullRequestMergedIsTaggedAndPublishedUnderItsChannel() throws Exception {
        RecordingLog log = new RecordingLog();
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio")); FakeGitHub github = FakeGitHub.start(TOKEN);
                BareRemote remote = BareRemote.create(tmp.resolve("remote.git")); TestRepo repo = TestRepo.init(tmp.resolve("js"))) {
            repo.write(".gitignore", "node_modules/\n");
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle-js\ncomponents:\n  js:\n    path: .\n    tagPrefix: v\n"
                    + "    versioning: changesets\n    npm:\n      registry: " + registry.url() + "\n      access: public\n");
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            repo.write("packages/brokle/package.json", pkg("0.4.0"));
            repo.write("packages/brokle/index.js", "module.exports = 'brokle';\n");
            repo.write(".changeset/config.json", "{\n  \"baseBranch\": \"main\",\n  \"access\": \"public\"\n}\n");
            repo.write(".changeset/pre.json", "{\n  \"mode\": \"pre\",\n  \"tag\": \"alpha\",\n  \"initialVersions\": {\n    \"brokle\": \"0.4.0\"\n"
                    + "  },\n  \"changesets\": []\n}\n");
            repo.commitAll("chore(release): v0.4.0");
            repo.annotatedTag("v0.4.0");
            publish(repo.dir(), "v0.4.0", registry, log); // the release before, on the registry as latest
            repo.commitFile(".changeset/brave-cats-dance.md", "---\n\"brokle\": minor\n---\n\nAdd streaming support\n", "feat: streaming");
            remote.connect(repo);

            ReleasePrWorkflow.Result proposed = releasePr(repo.dir(), github, log);
            assertEquals(List.of("v0.5.0-alpha.0"), proposed.tags());
            JsonNode pull = github.pullRequests().get(0);
            assertEquals("chore(release): v0.5.0-alpha.0", pull.path("title").asText());
            assertTrue(pull.path("body").asText().contains("Add streaming support"), pull.toString());
            ObjectId head = remote.ref("refs/heads/brokle-release/main");
            Git git = repo.git();
            git.fetch().setRemote("origin").setRefSpecs("+refs/heads/brokle-release/main:refs/remotes/origin/brokle-release/main").call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
            String packageJson = java.nio.file.Files.readString(repo.dir().resolve("packages/brokle/package.json"));
            assertTrue(packageJson.contains("\"version\": \"0.5.0-alpha.0\""), packageJson);
            assertTrue(java.nio.file.Files.readString(repo.dir().resolve(".changeset/pre.json")).contains("\"brave-cats-dance\""),
                    "pre mode keeps the consumed change file's name");
            assertTrue(java.nio.file.Files.exists(repo.dir().resolve(".changeset/brave-cats-dance.md")), "pre mode keeps the change file");
            git.push().setRemote("origin").add("main").call();
            github.markMerged(1, head.name());

            ReleasePrWorkflow.Result tagged = releasePr(repo.dir(), github, log);
            assertTrue(tagged.releaseCreated());
            assertNotNull(remote.ref("refs/tags/v0.5.0-alpha.0"));
            assertEquals(List.of(ReleasePrOptions.TAGGED), github.labels(1));

            // what perform's npm step does in the workflow that follows: published under alpha, latest untouched
            publish(repo.dir(), "v0.5.0-alpha.0", registry, log);
            Process view = new ProcessBuilder("npm", "view", "brokle", "dist-tags", "--json", "--registry", registry.url().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(view.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(view.waitFor(60, TimeUnit.SECONDS));
            JsonNode tags = new ObjectMapper().readTree(out);
            assertEquals("0.5.0-alpha.0", tags.path("alpha").asText(), out);
            assertEquals("0.4.0", tags.path("latest").asText(), "a pre-release never moves latest: " + out);
        }
    }
}
