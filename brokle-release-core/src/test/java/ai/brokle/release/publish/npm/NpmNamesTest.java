package ai.brokle.release.publish.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.plan.Check;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.version.SemVer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every package name and the dist-tag are checked before the first package is published. */
class NpmNamesTest {
    @TempDir
    Path dir;

    @Test
    void namesAndTagsAsTheRegistryTakesThem() {
        assertEquals(Optional.empty(), NpmNames.nameProblem("brokle"));
        assertEquals(Optional.empty(), NpmNames.nameProblem("@brokle/openai"));
        assertTrue(NpmNames.nameProblem("Brokle").orElseThrow().startsWith("'Brokle' is not an npm package name"));
        assertTrue(NpmNames.nameProblem("_private").isPresent());
        assertTrue(NpmNames.nameProblem("brokle sdk").isPresent());
        assertTrue(NpmNames.nameProblem("node_modules").orElseThrow().contains("reserves"));
        assertTrue(NpmNames.nameProblem("a".repeat(300)).orElseThrow().contains("… (300 characters)"), "a long value is shown shortened");
        assertEquals(Optional.empty(), NpmNames.tagProblem("beta"));
        assertTrue(NpmNames.tagProblem("1.2.3").isPresent(), "a version is not a tag");
        assertTrue(NpmNames.tagProblem("--registry=https://evil.example").isPresent(), "no option smuggled to the npm command line");
    }

    @Test
    void aBadNameInAnyPackageStopsThePublishingBeforeItStarts() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"root\", \"private\": true, \"workspaces\": [\"packages/*\"]}\n");
        for (String[] p : new String[][] {{"core", "brokle"}, {"bad", "Brokle Bad"}}) {
            Files.createDirectories(dir.resolve("packages/" + p[0]));
            Files.writeString(dir.resolve("packages/" + p[0] + "/package.json"), "{\"name\": \"" + p[1] + "\", \"version\": \"0.5.0\"}\n");
        }
        ReleaseConfig config = new ConfigLoader().parse(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: js-v\n"
                + "    npm: {}\n");
        ReleaseTarget target = new ReleaseTarget(config, "js-v0.5.0", config.components().get(0), SemVer.parse("0.5.0"), null, null, null);
        NpmPublication npm = new NpmPublication(dir, target, Map.of(), Credentials.none().withEnvironment(Map.of("NPM_TOKEN", "npm_x")), null,
                ReleaseLog.SILENT);
        List<String> problems = npm.check().stream().filter(c -> !c.realRunOnly()).map(Check::message).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("packages/bad/package.json: 'Brokle Bad' is not an npm package name"), problems.toString());
    }
}
