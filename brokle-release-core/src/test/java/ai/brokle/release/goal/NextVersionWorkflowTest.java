package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NextVersionWorkflowTest {
    @TempDir
    Path tmp;

    @Test
    void writesThePlanFileGithubOutputsAndAReport() throws Exception {
        Path work = tmp.resolve("brokle");
        RevCommit feat;
        try (TestRepo repo = TestRepo.init(work)) {
            repo.write(".brokle-release.yml", "components:\n  platform:\n    tagPrefix: v\n  python:\n    path: sdk/python\n    tagPrefix: python-v\n");
            repo.commitAll("chore: init");
            repo.lightweightTag("v0.3.0");
            repo.commitIn("web", "fix(web): a");
            feat = repo.commitIn("web", "feat(web): add the dashboard");
            repo.commitIn("web", "docs: b");
        }
        Path plan = tmp.resolve("out/plan.json");
        Path outputs = Files.writeString(tmp.resolve("github_output"), "earlier=kept\n");
        RecordingLog recording = new RecordingLog();
        Path summary = tmp.resolve("summary.md");
        new NextVersionWorkflow(ReleaseOptions.of(work).withPlanFile(plan).withEnvironment(Map.of("GITHUB_OUTPUT", outputs.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString())).withLog(recording)).execute();
        assertTrue(Files.readString(summary).contains("| platform | 0.3.0 | 0.4.0 | `v0.4.0` | minor | 3 |"), "the job summary the CI guide promises: "
                + Files.readString(summary));
        List<String> log = recording.lines();

        JsonNode json = new ObjectMapper().readTree(plan.toFile());
        JsonNode platform = json.get("components").get(0);
        assertEquals("platform", platform.get("name").asText());
        assertEquals("0.3.0", platform.get("currentVersion").asText());
        assertEquals("0.4.0", platform.get("nextVersion").asText());
        assertEquals("v0.4.0", platform.get("tag").asText());
        assertEquals("minor", platform.get("bump").asText());
        assertEquals(false, platform.get("prerelease").asBoolean());
        assertEquals(3, platform.get("commits").asInt());
        assertEquals(feat.name(), platform.get("decidingCommit").get("hash").asText());
        JsonNode python = json.get("components").get(1);
        assertTrue(python.get("currentVersion").isNull());
        assertTrue(python.get("nextVersion").isNull());
        assertTrue(python.get("tag").isNull());
        assertEquals(0, python.get("commits").asInt());

        List<String> lines = Files.readAllLines(outputs);
        assertEquals("earlier=kept", lines.get(0));
        assertTrue(lines.contains("releases=true"), lines.toString());
        assertTrue(lines.contains("platform-next-version=0.4.0"), lines.toString());
        assertTrue(lines.contains("platform-tag=v0.4.0"), lines.toString());
        assertTrue(lines.contains("python-release=false"), lines.toString());
        assertTrue(lines.contains("python-next-version="), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("plan={\"components\":[{\"name\":\"platform\"")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("next-version=")), "unprefixed outputs only for one component");

        assertTrue(log.contains("  next version    : 0.4.0"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.equals("  bump            : minor, decided by " + feat.name().substring(0, 10)
                + " feat(web): add the dashboard")), log.toString());
        assertTrue(log.contains("  commits         : 3 since v0.3.0 under ."), log.toString());
    }

    @Test
    void oneComponentAlsoGetsUnprefixedOutputs() throws Exception {
        Path work = tmp.resolve("repo");
        try (TestRepo repo = TestRepo.init(work)) {
            repo.commit("feat: a");
            repo.lightweightTag("v1.0.0");
            repo.commit("fix: b");
        }
        Path outputs = tmp.resolve("out.txt");
        new NextVersionWorkflow(ReleaseOptions.of(work).withPrerelease("rc").withEnvironment(Map.of("GITHUB_OUTPUT", outputs.toString()))).execute();
        List<String> lines = Files.readAllLines(outputs);
        assertTrue(lines.contains("next-version=1.0.1-rc.1"), lines.toString());
        assertTrue(lines.contains("tag=v1.0.1-rc.1"), lines.toString());
        assertTrue(lines.contains("prerelease=true"), lines.toString());
        assertTrue(lines.contains("current-version=1.0.0"), lines.toString());
    }
}
