package ai.brokle.release.changesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.ChangesetsCli;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.version.Bump;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Changesets file formats both ways, against the real @changesets/cli: what it writes we read, what we write it reads. */
class ChangesetFormatTest {
    @TempDir
    Path tmp;

    /** A pnpm-free npm workspace of two packages, committed on main, with config.json from 'changeset init'. */
    private Path workspace() throws Exception {
        Path root = tmp.resolve("js");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            repo.write("packages/brokle/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.5.0\"\n}\n");
            repo.write("packages/brokle-openai/package.json", "{\n  \"name\": \"@brokle/openai\",\n  \"version\": \"0.5.0\",\n"
                    + "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }\n}\n");
            ChangesetsCli.run(root, "init");
            repo.commitAll("chore: workspace");
        }
        return root;
    }

    @Test
    void changeFilesWrittenByTheRealCliAreReadAndWrittenBackByteForByte() throws Exception {
        Path root = workspace();
        String id = ChangesetsCli.node(root, "require('@changesets/write').default({summary: 'Add streaming support\\n\\n- token by token\\n"
                + "- with back-pressure', releases: [{name: 'brokle', type: 'minor'}, {name: '@brokle/openai', type: 'patch'}]}, process.cwd())"
                + ".then(id => process.stdout.write(id))").strip();
        String written = Files.readString(root.resolve(".changeset/" + id + ".md"));

        List<Changeset> read = new ChangesetDirectory(root).changesets();
        assertEquals(1, read.size(), "README.md and config.json are not change files");
        Changeset changeset = read.get(0);
        assertEquals(id, changeset.id());
        Map<String, Bump> releases = new LinkedHashMap<>();
        releases.put("brokle", Bump.MINOR);
        releases.put("@brokle/openai", Bump.PATCH);
        assertEquals(releases, changeset.releases());
        assertEquals("Add streaming support\n\n- token by token\n- with back-pressure", changeset.summary());
        assertEquals(written, changeset.write(), "we write what the CLI writes");
    }

    @Test
    void changeFilesWeWriteAreReadByTheRealCli() throws Exception {
        Path root = workspace();
        ChangesetDirectory dir = new ChangesetDirectory(root);
        Map<String, Bump> releases = new LinkedHashMap<>();
        releases.put("brokle", Bump.MINOR);
        String first = dir.add(releases, "Add streaming support\n\nTokens arrive as they are generated.");
        String second = dir.add(Map.of("@brokle/openai", Bump.PATCH), "Retry on 429 \"Too Many Requests\"");
        assertTrue(first.matches("[a-z]+-[a-z]+-[a-z]+"), first);

        ChangesetsCli.run(root, "status", "--output=plan.json");
        JsonNode plan = new ObjectMapper().readTree(root.resolve("plan.json").toFile());
        Map<String, String> summaries = new LinkedHashMap<>();
        plan.get("changesets").forEach(c -> summaries.put(c.get("id").asText(), c.get("summary").asText()));
        assertEquals("Add streaming support\n\nTokens arrive as they are generated.", summaries.get(first));
        assertEquals("Retry on 429 \"Too Many Requests\"", summaries.get(second));
        Map<String, String> versions = new LinkedHashMap<>();
        plan.get("releases").forEach(r -> versions.put(r.get("name").asText(), r.get("type").asText() + " " + r.get("newVersion").asText()));
        assertEquals(Map.of("brokle", "minor 0.6.0", "@brokle/openai", "patch 0.5.1"), versions);
    }

    @Test
    void preJsonBothWays() throws Exception {
        Path root = workspace();
        ChangesetsCli.run(root, "pre", "enter", "alpha");
        String theirs = Files.readString(root.resolve(".changeset/pre.json"));
        PreState state = new ChangesetDirectory(root).preState().orElseThrow();
        assertTrue(state.inPreMode());
        assertEquals("alpha", state.tag());
        assertEquals(Map.of("brokle", "0.5.0", "@brokle/openai", "0.5.0"), state.initialVersions());
        assertEquals(List.of(), state.changesets());
        assertEquals(theirs, state.write(), "we write pre.json as the CLI does");

        // the CLI leaves the pre mode we wrote, keeping what we recorded
        new ChangesetDirectory(root).writePreState(new PreState("pre", "beta", state.initialVersions(), List.of("brave-cats-dance")));
        ChangesetsCli.run(root, "pre", "exit");
        PreState exited = new ChangesetDirectory(root).preState().orElseThrow();
        assertEquals(new PreState("exit", "beta", state.initialVersions(), List.of("brave-cats-dance")), exited);
        assertEquals(Files.readString(root.resolve(".changeset/pre.json")), exited.write());
    }

    @Test
    void configJsonFromInitIsReadWithItsSettings() throws Exception {
        Path root = workspace();
        ChangesetConfig config = new ChangesetDirectory(root).config();
        assertEquals("main", config.baseBranch(), "init writes main, where the default is master");
        assertEquals("patch", config.updateInternalDependencies());
        assertEquals("restricted", config.access());
        assertEquals(List.of(), config.fixed());

        Files.writeString(root.resolve(".changeset/config.json"), "{\"fixed\": [[\"brokle\", \"@brokle/openai\"]], \"linked\": [[\"brokle\"]],"
                + " \"access\": \"open\", \"updateInternalDependencies\": \"major\", \"ignore\": \"x\"}");
        ChangesetException e = assertThrows(ChangesetException.class, () -> new ChangesetDirectory(root).config());
        assertTrue(e.getMessage().contains("access: \"open\" where \"restricted\" or \"public\" belongs"), e.getMessage());
        assertTrue(e.getMessage().contains("updateInternalDependencies: \"major\""), e.getMessage());
        assertTrue(e.getMessage().contains("ignore: \"x\" where an array of package names belongs"), e.getMessage());
        assertTrue(e.getMessage().contains("fixed and linked: brokle can be in one kind of group only"), e.getMessage());
    }

    @Test
    void theRealConfigIsReadWithItsExperimentalKey() throws Exception {
        ChangesetConfig config = ChangesetConfig.parse(Files.readString(Path.of("src/test/resources/real-js-workspace/.changeset/config.json")));
        assertTrue(config.onlyUpdatePeerDependentsWhenOutOfRange());
        assertEquals(List.of(List.of("brokle", "brokle-openai", "brokle-anthropic", "brokle-langchain")), config.linked());
        assertEquals("public", config.access());
        assertTrue(config.changelog());
    }

    @Test
    void keysThatCannotBeHonouredAreRefusedEachByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChangesetConfig.parse("{\"fixd\": [],"
                + " \"commit\": true, \"changelog\": \"@changesets/changelog-github\", \"prettier\": false,"
                + " \"privatePackages\": {\"version\": true, \"tag\": true},"
                + " \"___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH\": {\"updateInternalDependents\": \"sometimes\", \"onlyUpdate\": true},"
                + " \"snapshot\": {\"useCalculatedVersion\": \"yes\"}, \"changedFilePatterns\": \"src\"}"));
        String m = e.getMessage();
        for (String expected : List.of("fixd: not a key of the Changesets configuration", "commit: true is not supported",
                "changelog: \"@changesets/changelog-github\" is a changelog generator this tool cannot run", "prettier: false is not supported",
                "privatePackages.tag: true is not supported", "___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH.updateInternalDependents: \"sometimes\"",
                "___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH.onlyUpdate: not a key", "useCalculatedVersion: \"yes\" where true or false belongs",
                "changedFilePatterns: \"src\" where an array of glob patterns belongs")) {
            assertTrue(m.contains(expected), expected + " in " + m);
        }
        ChangesetConfig accepted = ChangesetConfig.parse("{\"changelog\": [\"@changesets/cli/changelog\", {}], \"commit\": false,"
                + " \"prettier\": true, \"privatePackages\": false, \"changedFilePatterns\": [\"src/**\"],"
                + " \"snapshot\": {\"useCalculatedVersion\": true, \"prereleaseTemplate\": \"{tag}-{datetime}\"}}");
        assertFalse(accepted.versionPrivatePackages());
        assertEquals(List.of("src/**"), accepted.changedFilePatterns());
    }

    @Test
    void changedFilePatternsReadAsMicromatchReadsPlainPaths() {
        assertTrue(ChangedFiles.matches(List.of("**"), "README.md"));
        assertTrue(ChangedFiles.matches(List.of("src/**"), "src/a/b.ts"));
        assertFalse(ChangedFiles.matches(List.of("src/**"), "README.md"));
        assertTrue(ChangedFiles.matches(List.of("**/*.ts"), "index.ts"));
        assertTrue(ChangedFiles.matches(List.of("**/*.ts"), "src/index.ts"));
        assertFalse(ChangedFiles.matches(List.of("*.ts"), "src/index.ts"));
    }

    @Test
    void badChangeFilesAreReportedTogetherNamingEachFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(".changeset"));
        Files.writeString(dir.resolve("no-front-matter.md"), "Just text\n");
        Files.writeString(dir.resolve("bad-type.md"), "---\n\"brokle\": huge\n---\n\nText\n");
        Files.writeString(dir.resolve("good-one-here.md"), "---\n\"brokle\": patch\n---\n\nFine\n");
        ChangesetException e = assertThrows(ChangesetException.class, () -> new ChangesetDirectory(tmp).changesets());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(".changeset/no-front-matter.md has no front matter"), e.getMessage());
        assertTrue(e.getMessage().contains(".changeset/bad-type.md: package \"brokle\" has \"huge\" where major, minor, patch or none belongs"),
                e.getMessage());
    }

    @Test
    void readableNamesDoNotCollide() throws Exception {
        ChangesetDirectory dir = new ChangesetDirectory(tmp, new Random(7));
        String a = dir.add(Map.of("brokle", Bump.PATCH), "one");
        ChangesetDirectory again = new ChangesetDirectory(tmp, new Random(7));
        String b = again.add(Map.of("brokle", Bump.PATCH), "two");
        assertTrue(!a.equals(b), "the same first pick is skipped: " + a + " " + b);
        assertEquals(2, dir.changesets().size());
    }
}
