package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare on a repository whose JavaScript SDK is versioned by change files (versioning: changesets) beside a component versioned by commits. */
class ChangesetPrepareTest {
    private static final String CONFIG = "components:\n"
            + "  python:\n    path: sdk/python\n    tagPrefix: python-v\n    versionFiles:\n      - path: sdk/python/brokle/version.py\n"
            + "  js:\n    path: sdk/js\n    tagPrefix: js-v\n    versioning: changesets\n    versionFiles:\n"
            + "      - path: sdk/js/src/version.ts\n        pattern: 'export const VERSION = \"{{version}}\";'\n";

    @TempDir
    Path tmp;
    private TestRepo repo;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void create() {
        repo = TestRepo.init(tmp.resolve("work"));
        repo.write(".brokle-release.yml", CONFIG);
        repo.write("sdk/python/brokle/version.py", "__version__ = \"0.2.9\"\n");
        repo.write("sdk/js/package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
        repo.write("sdk/js/src/version.ts", "export const VERSION = \"0.5.0\";\n");
        repo.write("sdk/js/.changeset/config.json", "{\"fixed\": [[\"brokle\", \"brokle-openai\"]], \"baseBranch\": \"main\"}\n");
        repo.write("sdk/js/packages/brokle/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.5.0\"\n}\n");
        repo.write("sdk/js/packages/openai/package.json", "{\n  \"name\": \"brokle-openai\",\n  \"version\": \"0.5.0\",\n"
                + "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }\n}\n");
        repo.commitAll("chore(release): python-v0.2.9, js-v0.5.0");
        repo.annotatedTag("python-v0.2.9");
        repo.annotatedTag("js-v0.5.0");
        repo.commitFile("sdk/js/.changeset/brave-cats-dance.md", "---\n\"brokle\": minor\n---\n\nAdd streaming support\n", "feat: streaming");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private void prepare(ReleaseOptions options) {
        new PrepareWorkflow(PrepareOptions.of(options.withLog(log).withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1790000000")))
                .withPush(false)).execute();
    }

    private String file(String path) throws Exception {
        return Files.readString(repo.dir().resolve(path));
    }

    private RevCommit head(RevWalk walk) throws Exception {
        return walk.parseCommit(repo.git().getRepository().exactRef("refs/heads/main").getObjectId());
    }

    @Test
    void theWorkspaceIsVersionedFromItsChangeFilesInTheReleaseCommit() throws Exception {
        prepare(ReleaseOptions.of(repo.dir()).withComponent("js"));
        try (RevWalk walk = new RevWalk(repo.git().getRepository())) {
            RevCommit commit = head(walk);
            assertEquals("chore(release): js-v0.6.0", commit.getShortMessage());
            assertEquals(Set.of("sdk/js/.changeset/brave-cats-dance.md", "sdk/js/packages/brokle/CHANGELOG.md", "sdk/js/packages/brokle/package.json",
                    "sdk/js/packages/openai/CHANGELOG.md", "sdk/js/packages/openai/package.json", "sdk/js/src/version.ts"), repo.changedBy(commit));
            Ref tag = repo.git().getRepository().exactRef("refs/tags/js-v0.6.0");
            RevTag annotated = walk.parseTag(tag.getObjectId());
            assertEquals(commit, annotated.getObject());
            assertTrue(annotated.getFullMessage().contains("# brokle\n\n## 0.6.0\n\n### Minor Changes\n\n- "), annotated.getFullMessage());
            assertTrue(annotated.getFullMessage().contains(": Add streaming support"), annotated.getFullMessage());
        }
        assertTrue(file("sdk/js/packages/openai/package.json").contains("\"version\": \"0.6.0\""));
        assertTrue(file("sdk/js/packages/openai/package.json").contains("\"brokle\": \"^0.6.0\""));
        assertEquals("export const VERSION = \"0.6.0\";\n", file("sdk/js/src/version.ts"), "other version files take the component's version");
        assertFalse(Files.exists(repo.dir().resolve("sdk/js/.changeset/brave-cats-dance.md")), "the consumed change file is gone from the work tree");
        assertTrue(repo.git().status().call().isClean(), "the work tree holds the release commit");
        assertNull(repo.git().getRepository().exactRef("refs/tags/python-v0.2.10"), "python had no change");
    }

    @Test
    void inPreModeTheTagIsAPreReleaseAndTheChangeFilesStay() throws Exception {
        new ChangesetWorkflow(ReleaseOptions.of(repo.dir().resolve("sdk/js"))).preEnter("alpha");
        repo.commitAll("chore: enter pre mode");
        prepare(ReleaseOptions.of(repo.dir()));
        assertTrue(repo.git().getRepository().exactRef("refs/tags/js-v0.6.0-alpha.0") != null, log.toString());
        assertTrue(Files.exists(repo.dir().resolve("sdk/js/.changeset/brave-cats-dance.md")));
        assertTrue(file("sdk/js/.changeset/pre.json").contains("\"brave-cats-dance\""));
        assertTrue(file("sdk/js/packages/brokle/package.json").contains("\"version\": \"0.6.0-alpha.0\""));
    }

    private JsonNode nextVersion(Path plan) throws Exception {
        new NextVersionWorkflow(ReleaseOptions.of(repo.dir()).withComponent("js").withPlanFile(plan).withLog(log)).execute();
        return new ObjectMapper().readTree(plan.toFile()).get("components").get(0);
    }

    @Test
    void nextVersionAnswersWhatPrepareDoesFromTheChangeFilesAndThePreMode() throws Exception {
        // a patch change file beside a feat commit: the commits alone would say 0.6.0, Changesets says 0.5.1
        repo.commitFile("sdk/js/.changeset/brave-cats-dance.md", "---\n\"brokle\": patch\n---\n\nFix the retry delay\n", "feat: retries");
        JsonNode stable = nextVersion(tmp.resolve("stable.json"));
        assertEquals("0.5.1", stable.get("nextVersion").asText(), log.toString());
        assertEquals("js-v0.5.1", stable.get("tag").asText());
        assertTrue(log.lines().contains("  decided by      : 1 change file in .changeset/: brokle 0.5.0 -> 0.5.1 (patch),"
                + " brokle-openai 0.5.0 -> 0.5.1 (patch)"), log.toString());

        new ChangesetWorkflow(ReleaseOptions.of(repo.dir().resolve("sdk/js"))).preEnter("alpha");
        repo.commitAll("chore: enter pre mode");
        JsonNode alpha = nextVersion(tmp.resolve("alpha.json"));
        assertEquals("0.5.1-alpha.0", alpha.get("nextVersion").asText(), log.toString());
        assertTrue(alpha.get("prerelease").asBoolean());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("  decided by      : 1 change file in .changeset/, pre-release mode 'alpha'")),
                log.toString());

        prepare(ReleaseOptions.of(repo.dir()).withComponent("js"));
        assertTrue(repo.git().getRepository().exactRef("refs/tags/" + alpha.get("tag").asText()) != null, "prepare makes the tag next-version named");
        assertTrue(file("sdk/js/packages/brokle/package.json").contains("\"version\": \"0.5.1-alpha.0\""));
    }

    @Test
    void statusCountsOnlyTheFilesChangedFilePatternsName() throws Exception {
        repo.commitFile("sdk/js/.changeset/config.json", "{\"fixed\": [[\"brokle\", \"brokle-openai\"]], \"baseBranch\": \"main\","
                + " \"changedFilePatterns\": [\"src/**\"]}\n", "chore: changesets config");
        repo.git().checkout().setCreateBranch(true).setName("feature").call();
        repo.commitFile("sdk/js/packages/openai/README.md", "# brokle-openai\n", "docs: readme");
        ChangesetWorkflow status = new ChangesetWorkflow(ReleaseOptions.of(repo.dir().resolve("sdk/js")).withLog(log));
        status.status();
        assertFalse(log.everything().contains("Changed since main: brokle-openai"), "a README is outside src/**: " + log.everything());

        repo.commitFile("sdk/js/packages/openai/src/index.ts", "export {};\n", "feat: index");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, status::status);
        assertTrue(e.getMessage().contains("Package \"brokle-openai\" changed since main but no change file names it"), e.getMessage());
    }

    @Test
    void aSuggestedCommandIsOneThatWorksWhereTheGoalRuns() throws Exception {
        repo.git().checkout().setCreateBranch(true).setName("feature").call();
        repo.commitFile("sdk/js/packages/openai/src/index.ts", "export {};\n", "feat: index");
        ReleaseOptions withoutShortPrefix = ReleaseOptions.of(repo.dir().resolve("sdk/js")).withLog(log)
                .withCommands(ai.brokle.release.GoalCommands.coordinates("ai.brokle", "brokle-release-maven-plugin", "0.2.0"));
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new ChangesetWorkflow(withoutShortPrefix).status());
        assertTrue(e.getMessage().contains("add one with mvn ai.brokle:brokle-release-maven-plugin:0.2.0:changeset -Dbrokle.packages=brokle-openai"),
                e.getMessage());
        e = assertThrows(ReleaseFailure.class, () -> new ChangesetWorkflow(ReleaseOptions.of(repo.dir().resolve("sdk/js")).withLog(log)).status());
        assertTrue(e.getMessage().contains("add one with mvn brokle-release:changeset -Dbrokle.packages=brokle-openai"), e.getMessage());
    }

    @Test
    void nextVersionRefusesAForcedBumpAsPrepareDoes() {
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> new NextVersionWorkflow(ReleaseOptions.of(repo.dir()).withBump("major")
                .withLog(log)).execute());
        assertTrue(e.getMessage().contains("Component 'js' is versioned by its change files (versioning: changesets)"), e.getMessage());
    }

    @Test
    void aForcedBumpIsRefusedForAComponentVersionedByChangeFiles() throws Exception {
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> prepare(ReleaseOptions.of(repo.dir()).withComponent("js").withBump("major")));
        assertTrue(e.getMessage().contains("Component 'js' is versioned by its change files (versioning: changesets): leave out brokle.bump"),
                e.getMessage());
        assertNull(repo.git().getRepository().exactRef("refs/tags/js-v1.0.0"));
    }

    @Test
    void aChangeFileNamingAnUnknownPackageStopsThePrepareBeforeAnyChange() throws Exception {
        repo.commitFile("sdk/js/.changeset/odd-lamps-rest.md", "---\n\"brokle-anthropic\": patch\n---\n\nFix\n", "docs: change file");
        ReleaseFailure e = assertThrows(ReleaseFailure.class, () -> prepare(ReleaseOptions.of(repo.dir())));
        assertTrue(e.getMessage().contains("Component 'js': .changeset/odd-lamps-rest.md names \"brokle-anthropic\", which is not a package"),
                e.getMessage());
        assertTrue(file("sdk/js/packages/brokle/package.json").contains("\"version\": \"0.5.0\""));
    }
}
