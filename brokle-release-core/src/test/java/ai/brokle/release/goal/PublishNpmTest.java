package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.testing.Verdaccio;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish-npm against a real verdaccio on 127.0.0.1: a two-package workspace released stable, again, as a pre-release and on an older line. */
class PublishNpmTest {
    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private static String pkg(String name, String version, String deps) {
        return "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version + "\",\n  \"main\": \"index.js\"" + deps + "\n}\n";
    }

    private void release(TestRepo repo, String version) {
        repo.write("packages/brokle/package.json", pkg("brokle", version, ""));
        repo.write("packages/brokle/index.js", "module.exports = '" + version + "';\n");
        repo.write("packages/openai/package.json", pkg("brokle-openai", version, ",\n  \"dependencies\": {\n    \"brokle\": \"^" + version + "\"\n  }"));
        repo.write("packages/openai/index.js", "module.exports = require('brokle');\n");
        repo.commitAll("chore(release): js-v" + version);
        repo.annotatedTag("js-v" + version);
    }

    private void publish(Path dir, String tag, String distTag, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REF", "refs/tags/" + tag);
        env.put("NPM_TOKEN", token);
        new PublishNpmWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)).withDistTag(distTag)).execute();
    }

    @Test
    void stableAgainPreReleaseAndOlderLine() throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio")); TestRepo repo = TestRepo.init(tmp.resolve("js"))) {
            repo.write(".gitignore", "node_modules/\n");
            repo.write(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: js-v\n    npm:\n      registry: " + registry.url()
                    + "\n      access: public\n");
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            release(repo, "0.5.0");
            publish(repo.dir(), "js-v0.5.0", null, registry.token());
            assertEquals("0.5.0", registry.view("brokle", "dist-tags").path("latest").asText());
            assertEquals("0.5.0", registry.view("brokle-openai", "dist-tags").path("latest").asText());
            assertEquals("^0.5.0", registry.view("brokle-openai@0.5.0", "dependencies").path("brokle").asText());
            int brokle = indexOf("published brokle@0.5.0");
            int openai = indexOf("published brokle-openai@0.5.0");
            assertTrue(brokle >= 0 && brokle < openai, "a dependency before its dependents: " + log.lines());

            publish(repo.dir(), "js-v0.5.0", null, registry.token());
            assertTrue(log.lines().contains("[npm] every package of js-v0.5.0 is on the registry already"), log.lines().toString());

            release(repo, "0.6.0-beta.0");
            publish(repo.dir(), "js-v0.6.0-beta.0", null, registry.token());
            JsonNode tags = registry.view("brokle", "dist-tags");
            assertEquals("0.6.0-beta.0", tags.path("beta").asText());
            assertEquals("0.5.0", tags.path("latest").asText(), "a pre-release never moves latest");

            release(repo, "0.4.1");
            publish(repo.dir(), "js-v0.4.1", null, registry.token());
            tags = registry.view("brokle", "dist-tags");
            assertEquals("0.5.0", tags.path("latest").asText(), "a patch of an older line leaves latest");
            assertEquals("0.4.1", tags.path("release-0.4").asText());

            release(repo, "0.5.1");
            ReleaseFailure guard = assertThrows(ReleaseFailure.class, () -> publish(repo.dir(), "js-v0.5.1", "beta", registry.token()));
            assertTrue(guard.getMessage().contains("brokle@0.5.1 is a stable version: it is not published on the pre-release channel 'beta'"),
                    guard.getMessage());
            assertFalse(registry.view("brokle@0.5.1", "version").isTextual(), "nothing was published");
            release(repo, "0.7.0-rc.0");
            ReleaseFailure latest = assertThrows(ReleaseFailure.class, () -> publish(repo.dir(), "js-v0.7.0-rc.0", "latest", registry.token()));
            assertTrue(latest.getMessage().contains("brokle@0.7.0-rc.0 is a pre-release: it is never published as latest"), latest.getMessage());
            repo.annotatedTag("js-v0.7.0");
            ReleaseFailure mismatch = assertThrows(ReleaseFailure.class, () -> publish(repo.dir(), "js-v0.7.0", null, registry.token()));
            assertTrue(mismatch.getMessage().contains("brokle@0.7.0-rc.0 is a pre-release but the release js-v0.7.0 is stable"), mismatch.getMessage());
            assertFalse(String.join("\n", log.lines()).contains(registry.token()));
        }
    }

    private int indexOf(String start) {
        List<String> lines = log.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(start)) {
                return i;
            }
        }
        return -1;
    }
}
