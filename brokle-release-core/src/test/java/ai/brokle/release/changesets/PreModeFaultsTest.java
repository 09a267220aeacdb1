package ai.brokle.release.changesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.testing.ChangesetsCli;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-release mode where the Changesets CLI is known to go wrong: each test shows the CLI's result
 * on a copy of the same workspace, then ours.
 */
class PreModeFaultsTest {
    @TempDir
    Path tmp;

    private Path workspace(String name, String config, String... packages) {
        Path root = tmp.resolve(name);
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".changeset/config.json", config);
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            for (int i = 0; i < packages.length; i += 2) {
                repo.write("packages/" + packages[i] + "/package.json", "{\n  \"name\": \"" + packages[i] + "\",\n  \"version\": \""
                        + packages[i + 1] + "\"\n}\n");
            }
            repo.commitAll("chore: workspace");
        }
        return root;
    }

    private static ChangesetWorkflow ours(Path root) {
        return new ChangesetWorkflow(ReleaseOptions.of(root));
    }

    /** Enters pre mode, releases a minor of {@code pkg}, and asks to leave: both tools from here on get the same files. */
    private static void preRelease(Path root, String pkg) {
        ours(root).preEnter("alpha");
        write(root, ".changeset/young-seals-bake.md", "---\n\"" + pkg + "\": minor\n---\n\nStream responses\n");
        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        ours(root).preExit();
    }

    @Test
    void leavingPreModeKeepsAPackageThatWasOnAPreReleaseBeforeAndDidNotChange() throws Exception {
        // changesets/changesets#729: every pre-release version is made stable on exit, changed in pre mode or not
        Path root = workspace("w729", "{}", "brokle", "0.5.0", "brokle-openai", "0.1.1-alpha.1");
        preRelease(root, "brokle");
        Path theirs = copy(root, "theirs729");
        ChangesetsCli.run(theirs, "version");
        assertEquals("0.1.1", version(theirs, "brokle-openai"), "the CLI releases the untouched package");

        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        assertEquals("0.6.0", version(root, "brokle"));
        assertEquals("0.1.1-alpha.1", version(root, "brokle-openai"), "untouched in pre mode, so left as it was");
        assertEquals("alpha", DistTags.of(SemVer.parse(version(root, "brokle-openai"))), "a pre-release never goes to latest");
        assertEquals("latest", DistTags.of(SemVer.parse(version(root, "brokle"))));
    }

    @Test
    void leavingPreModeKeepsALinkedPackageThatDidNotChange() throws Exception {
        Path root = workspace("linked", "{\"linked\": [[\"brokle\", \"brokle-openai\"]]}", "brokle", "0.5.0", "brokle-openai", "0.5.0");
        preRelease(root, "brokle");
        assertEquals("0.5.0", version(root, "brokle-openai"), "pre mode moved only brokle");
        Path theirs = copy(root, "theirsLinked");
        ChangesetsCli.run(theirs, "version");
        assertEquals("0.5.1", version(theirs, "brokle-openai"), "the CLI gives the untouched linked package a patch");

        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        assertEquals("0.6.0", version(root, "brokle"));
        assertEquals("0.5.0", version(root, "brokle-openai"));
        assertFalse(Files.exists(root.resolve("packages/brokle-openai/CHANGELOG.md")), "no release, no changelog section");
    }

    @Test
    void leavingPreModeNeverReleasesAnIgnoredPackage() throws Exception {
        // changesets/changesets#1304 and #2092: an ignored package on a pre-release gets a patch on exit
        Path root = workspace("ignored", "{}", "brokle", "0.5.0", "brokle-langchain", "0.2.0");
        preRelease(root, "brokle-langchain");
        assertEquals("0.3.0-alpha.0", version(root, "brokle-langchain"));
        write(root, ".changeset/config.json", "{\"ignore\": [\"brokle-langchain\"]}");
        write(root, ".changeset/calm-owls-sing.md", "---\n\"brokle\": patch\n---\n\nFix retries\n");
        Path theirs = copy(root, "theirsIgnored");
        ChangesetsCli.run(theirs, "version");
        assertEquals("0.3.0", version(theirs, "brokle-langchain"), "the CLI releases the ignored package");

        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        assertEquals("0.5.1", version(root, "brokle"));
        assertEquals("0.3.0-alpha.0", version(root, "brokle-langchain"), "ignored: left alone");
    }

    @Test
    void preJsonRecordsOnlyChangeFilesThatReleasedSomething() throws Exception {
        // changesets/changesets#1050: a change file of an ignored package is recorded as used, so it is never released
        Path root = workspace("recorded", "{\"ignore\": [\"brokle-langchain\"]}", "brokle", "0.5.0", "brokle-langchain", "0.2.0");
        ours(root).preEnter("beta");
        write(root, ".changeset/brave-cats-dance.md", "---\n\"brokle\": patch\n---\n\nFix retries\n");
        write(root, ".changeset/odd-lamps-rest.md", "---\n\"brokle-langchain\": minor\n---\n\nAdd a retriever\n");
        Path theirs = copy(root, "theirsRecorded");
        ChangesetsCli.run(theirs, "version");
        assertTrue(preChangesets(theirs).contains("odd-lamps-rest"), "the CLI records the ignored package's change file");

        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        assertEquals(List.of("brave-cats-dance"), preChangesets(root));
        // once no longer ignored, the change file still releases its package
        write(root, ".changeset/config.json", "{}");
        ours(root).version(ai.brokle.release.plan.Mode.EXECUTE);
        assertEquals("0.3.0-beta.0", version(root, "brokle-langchain"));
    }

    private static List<String> preChangesets(Path root) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        new ObjectMapper().readTree(root.resolve(".changeset/pre.json").toFile()).get("changesets").forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String version(Path root, String pkg) throws IOException {
        return new ObjectMapper().readTree(root.resolve("packages/" + pkg + "/package.json").toFile()).get("version").asText();
    }

    private static void write(Path root, String path, String text) {
        try {
            Files.createDirectories(root.resolve(path).getParent());
            Files.writeString(root.resolve(path), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copy(Path from, String name) {
        return TestRepo.copyTree(from, tmp.resolve(name));
    }
}
