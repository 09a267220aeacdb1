package ai.brokle.release.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.testing.NpmTool;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.version.VersionRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 40 real releases of the users' repositories that follow an earlier tag
 * (src/test/resources/real-commits/releases.json): their commits are replayed on top of the earlier
 * tag and next-version's answer is compared with semantic-release's (its commit analyzer with the
 * Conventional Commits preset, and the version it would give: semver.inc of the earlier tag).
 */
class RealReleasesParityTest {
    static final String ANALYZER = "@semantic-release/commit-analyzer@13.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Releases where the two answers differ and ours is right, by repo and tag, each with its reason. */
    private static final Map<String, String> EXPECTED = Map.of();

    @TempDir
    Path tmp;

    @Test
    void nextVersionAgreesWithSemanticReleaseOnEveryRealRelease() throws Exception {
        Path home = NpmTool.install("semantic-release-commit-analyzer-13.0.1", "@semantic-release/commit-analyzer/package.json", ANALYZER,
                "conventional-changelog-conventionalcommits@8.0.0", "semver@7.7.3");
        Path commits = copy("commits.json");
        Path releases = copy("releases.json");
        Path script = home.resolve("analyze.mjs");
        Files.writeString(script, """
                import { readFileSync } from 'node:fs';
                import { analyzeCommits } from '@semantic-release/commit-analyzer';
                import semver from 'semver';
                const commits = Object.fromEntries(JSON.parse(readFileSync(process.argv[2], 'utf8')).map(c => [c.hash, c.message]));
                const logger = { log() {}, error() {} };
                const out = [];
                for (const r of JSON.parse(readFileSync(process.argv[3], 'utf8'))) {
                  const list = r.commits.map(h => ({ hash: h, message: commits[h] }));
                  const type = await analyzeCommits({ preset: 'conventionalcommits' }, { commits: list, logger, cwd: process.cwd() });
                  out.push(type ? semver.inc(r.previous.slice(1), type) : null);
                }
                process.stdout.write(JSON.stringify(out));
                """);
        NpmTool.Result r = NpmTool.exec(home, 120, "node", script.toString(), commits.toString(), releases.toString());
        assertEquals(0, r.exit(), r.output());
        JsonNode theirs = JSON.readTree(r.output());

        Map<String, String> messages = new HashMap<>();
        JSON.readTree(commits.toFile()).forEach(c -> messages.put(c.path("hash").asText(), c.path("message").asText()));
        JsonNode all = JSON.readTree(releases.toFile());
        Map<String, String> differences = new LinkedHashMap<>();
        int agreed = 0;
        int asTagged = 0;
        for (int i = 0; i < all.size(); i++) {
            JsonNode release = all.get(i);
            String ours = replay(i, release, messages);
            String reference = theirs.get(i).isNull() ? null : theirs.get(i).asText();
            String name = release.path("repo").asText() + " " + release.path("tag").asText();
            if (Objects.equals(ours, reference)) {
                agreed++;
            } else {
                differences.put(name, "ours " + ours + ", semantic-release " + reference);
            }
            if (release.path("tag").asText().substring(1).equals(ours)) {
                asTagged++;
            }
        }
        System.out.println("next-version against semantic-release on " + all.size() + " real releases: " + agreed + " agree; "
                + asTagged + " are the version the maintainers tagged");
        differences.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        Map<String, String> unexplained = new LinkedHashMap<>(differences);
        EXPECTED.keySet().forEach(unexplained::remove);
        assertTrue(unexplained.isEmpty(), "differences without a reason: " + unexplained);
        assertEquals(EXPECTED.keySet(), differences.keySet(), "every listed difference still exists");
        assertEquals(40, all.size());
    }

    /** next-version on a repository whose history is the earlier tag and then the release's commits, in order. */
    private String replay(int index, JsonNode release, Map<String, String> messages) {
        Path dir = tmp.resolve("r" + index);
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  c:\n    tagPrefix: v\n");
            repo.commitAll("chore: release " + release.path("previous").asText());
            repo.lightweightTag(release.path("previous").asText());
            for (JsonNode hash : release.path("commits")) {
                repo.commit(Objects.requireNonNull(messages.get(hash.asText()), hash.asText()));
            }
        }
        try (GitRepository git = GitRepository.open(dir)) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            ComponentPlan plan = new NextVersionPlanner(git, config).plan(config.components(), VersionRequest.INFER).get(0);
            return plan.nextVersion() == null ? null : plan.nextVersion().toString();
        }
    }

    private Path copy(String name) throws Exception {
        Path target = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/real-commits/" + name)) {
            Files.copy(Objects.requireNonNull(in, "real-commits/" + name), target);
        }
        return target;
    }
}
