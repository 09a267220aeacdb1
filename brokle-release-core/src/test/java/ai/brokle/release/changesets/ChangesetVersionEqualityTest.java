package ai.brokle.release.changesets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.goal.ChangesetWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.testing.ChangesetsCli;
import ai.brokle.release.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code changeset-version} against {@code changeset version} of the real CLI: each scenario is
 * committed once, copied twice with its git history (so change files have the same commits), versioned
 * by each tool, and every file of the two copies compared byte for byte.
 */
class ChangesetVersionEqualityTest {
    private static final String CONFIG = "{\n  \"$schema\": \"https://unpkg.com/@changesets/config@3.1.1/schema.json\",\n"
            + "  \"changelog\": \"@changesets/cli/changelog\",\n  \"commit\": false,\n  \"fixed\": %s,\n  \"linked\": %s,\n"
            + "  \"access\": \"restricted\",\n  \"baseBranch\": \"main\",\n  \"updateInternalDependencies\": \"%s\",\n  \"ignore\": %s\n}\n";

    @TempDir
    Path tmp;
    private int copies;

    private Path workspace(String fixed, String linked, String update, String ignore, Map<String, String> files) {
        Path root = tmp.resolve("base");
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".changeset/config.json", String.format(CONFIG, fixed, linked, update, ignore));
            repo.write(".changeset/README.md", "# Changesets\n");
            files.forEach(repo::write);
            repo.commitAll("chore: workspace");
        }
        return root;
    }

    private static String pkg(String name, String version, String deps) {
        return "{\n  \"name\": \"" + name + "\",\n  \"version\": \"" + version + "\"" + (deps.isEmpty() ? "" : ",\n" + deps) + "\n}\n";
    }

    private static final String NPM_ROOT = "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\n    \"packages/*\"\n  ]\n}\n";

    /** Adds change files to the base and commits them. */
    private void change(Path base, String id, String frontMatter, String summary) {
        try (TestRepo repo = TestRepo.open(base)) {
            repo.write(".changeset/" + id + ".md", "---\n" + frontMatter + "---\n\n" + summary + "\n");
            repo.commitAll("docs(changeset): " + id);
        }
    }

    /** Runs the CLI with {@code cli} on one copy of {@code base} and {@code ours} on another, asserts the copies are equal, and commits ours as the new base. */
    private Path both(Path base, List<String> cli, Consumer<ChangesetWorkflow> ours, String message) {
        Path theirCopy = copy(base);
        Path ourCopy = copy(base);
        ChangesetsCli.run(theirCopy, cli.toArray(String[]::new));
        ours.accept(new ChangesetWorkflow(ReleaseOptions.of(ourCopy)));
        assertEquals(files(theirCopy), files(ourCopy));
        try (TestRepo repo = TestRepo.open(ourCopy)) {
            repo.commitAll(message);
        }
        return ourCopy;
    }

    /** Versions a copy of {@code base} with each tool, asserts the copies are equal, and commits ours as the new base. */
    private Path versionBoth(Path base) {
        return both(base, List.of("version"), w -> w.version(ai.brokle.release.plan.Mode.EXECUTE), "chore(release): version packages");
    }

    @Test
    void singlePackage() {
        Path base = workspace("[]", "[]", "patch", "[]", Map.of("package.json", pkg("brokle", "1.2.0", "")));
        change(base, "brave-cats-dance", "\"brokle\": minor\n", "Add streaming support\n\nTokens arrive as they are generated:\n\n"
                + "- token by token\n- with back-pressure");
        change(base, "calm-owls-sing", "\"brokle\": patch\n", "Retry on 429 \"Too Many Requests\"");
        change(base, "clever-bats-glow", "\"brokle\": minor\n", "Add batching\nof spans");
        base = versionBoth(base);
        assertTrue(read(base, "package.json").contains("\"version\": \"1.3.0\""));
        assertTrue(read(base, "CHANGELOG.md").startsWith("# brokle\n\n## 1.3.0\n\n### Minor Changes\n\n- "), read(base, "CHANGELOG.md"));

        // a second release goes on top of the first section
        change(base, "eager-foxes-jump", "\"brokle\": major\n", "Drop the deprecated `trace()` helper");
        change(base, "fair-geese-nap", "\"brokle\": patch\n", "Fix the default timeout");
        base = versionBoth(base);
        String changelog = read(base, "CHANGELOG.md");
        assertTrue(changelog.indexOf("## 2.0.0") < changelog.indexOf("## 1.3.0"), changelog);
        assertFalse(Files.exists(base.resolve(".changeset/eager-foxes-jump.md")), "consumed change files are deleted");
    }

    @Test
    void fixedGroup() {
        Path base = workspace("[[\"brokle\", \"brokle-openai\", \"brokle-anthropic\", \"brokle-langchain\"]]", "[]", "patch", "[]", Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", "0.5.0", ""),
                "packages/openai/package.json", pkg("brokle-openai", "0.5.0", "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }"),
                "packages/anthropic/package.json", pkg("brokle-anthropic", "0.5.0", "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }"),
                "packages/langchain/package.json", pkg("brokle-langchain", "0.5.0", "  \"peerDependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }")));
        change(base, "quick-stars-glow", "\"brokle-openai\": minor\n", "Stream OpenAI responses");
        base = versionBoth(base);
        // the minor of brokle-openai moves the whole group; brokle's minor is a major for the peer dependent, and so for the group
        for (String dir : new String[] {"brokle", "openai", "anthropic", "langchain"}) {
            assertTrue(read(base, "packages/" + dir + "/package.json").contains("\"version\": \"1.0.0\""), dir);
        }
    }

    @Test
    void linkedGroup() {
        Path base = workspace("[]", "[[\"brokle\", \"brokle-openai\"]]", "patch", "[]", Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", "1.2.0", ""),
                "packages/openai/package.json", pkg("brokle-openai", "1.0.3", "  \"dependencies\": {\n    \"brokle\": \"^1.2.0\"\n  }"),
                "packages/langchain/package.json", pkg("brokle-langchain", "0.4.0", "")));
        change(base, "rich-pans-hop", "\"brokle\": minor\n\"brokle-openai\": patch\n", "Add evaluations");
        base = versionBoth(base);
        assertTrue(read(base, "packages/openai/package.json").contains("\"version\": \"1.3.0\""), "linked packages share the highest version");
        assertTrue(read(base, "packages/langchain/package.json").contains("\"version\": \"0.4.0\""));
    }

    @Test
    void internalDependentsWithEveryKindOfRange() {
        Path base = workspace("[]", "[]", "patch", "[]", Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", "0.5.0", ""),
                "packages/openai/package.json", pkg("brokle-openai", "0.5.0", "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }"),
                "packages/anthropic/package.json", pkg("brokle-anthropic", "0.5.2", "  \"dependencies\": {\n    \"brokle\": \"workspace:^\"\n  }"),
                "packages/langchain/package.json", pkg("brokle-langchain", "0.3.0", "  \"peerDependencies\": {\n    \"brokle\": \"^0.5.0\"\n  },\n"
                        + "  \"devDependencies\": {\n    \"brokle\": \"0.5.0\"\n  }"),
                "packages/examples/package.json", pkg("brokle-examples", "0.1.0", "  \"devDependencies\": {\n    \"brokle-openai\": \"~0.5.0\"\n  }")));
        change(base, "swift-moles-wave", "\"brokle\": minor\n", "Add the datasets API\n\nBREAKING CHANGE for 0.x: `Client.trace` returns a span");
        base = versionBoth(base);
        assertTrue(read(base, "packages/openai/CHANGELOG.md").contains("- Updated dependencies ["), read(base, "packages/openai/CHANGELOG.md"));
        assertTrue(read(base, "packages/langchain/package.json").contains("\"version\": \"1.0.0\""), "a peer dependency's minor is a major");

        // a patch inside every range, with updateInternalDependencies: minor, moves no range
        Path minor = tmp.resolve("minor");
        try (TestRepo repo = TestRepo.init(minor)) {
            repo.write(".changeset/config.json", String.format(CONFIG, "[]", "[]", "minor", "[]"));
            repo.write("package.json", NPM_ROOT);
            repo.write("packages/brokle/package.json", pkg("brokle", "0.5.0", ""));
            repo.write("packages/openai/package.json", pkg("brokle-openai", "0.5.0", "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }"));
            repo.write(".changeset/tidy-bees-hum.md", "---\n\"brokle\": patch\n\"brokle-openai\": patch\n---\n\nFix retries\n");
            repo.commitAll("chore: workspace");
        }
        minor = versionBoth(minor);
        assertTrue(read(minor, "packages/openai/package.json").contains("\"brokle\": \"^0.5.0\""), read(minor, "packages/openai/package.json"));
    }

    @Test
    void preModeEnterVersionsAndExit() {
        Path base = workspace("[[\"brokle\", \"brokle-openai\"]]", "[]", "patch", "[]", Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", "0.5.0", ""),
                "packages/openai/package.json", pkg("brokle-openai", "0.5.0", "  \"dependencies\": {\n    \"brokle\": \"^0.5.0\"\n  }"),
                "packages/langchain/package.json", pkg("brokle-langchain", "0.2.0", "")));
        base = preEnterBoth(base, "alpha");

        change(base, "young-seals-bake", "\"brokle\": minor\n", "Stream responses");
        base = versionBoth(base);
        assertTrue(read(base, "packages/brokle/package.json").contains("\"version\": \"0.6.0-alpha.0\""));
        assertTrue(Files.exists(base.resolve(".changeset/young-seals-bake.md")), "pre mode keeps its change files");

        change(base, "lucky-keys-clap", "\"brokle-openai\": patch\n\"brokle-langchain\": minor\n", "Fix streaming of tool calls");
        base = versionBoth(base);
        assertTrue(read(base, "packages/openai/package.json").contains("\"version\": \"0.6.0-alpha.1\""));
        assertTrue(read(base, "packages/langchain/package.json").contains("\"version\": \"0.3.0-alpha.0\""), "outside the group, its own count");

        base = versionBoth(both(base, List.of("pre", "exit"), ChangesetWorkflow::preExit, "chore: exit pre mode"));
        assertTrue(read(base, "packages/brokle/package.json").contains("\"version\": \"0.6.0\""));
        assertTrue(read(base, "packages/langchain/package.json").contains("\"version\": \"0.3.0\""));
        assertFalse(Files.exists(base.resolve(".changeset/pre.json")));
        assertFalse(Files.exists(base.resolve(".changeset/young-seals-bake.md")));

        // entering again after an exit works
        new ChangesetWorkflow(ReleaseOptions.of(base)).preEnter("beta");
        change(base, "odd-lamps-rest", "\"brokle\": patch\n", "Fix a typo");
        base = versionBoth(base);
        assertTrue(read(base, "packages/brokle/package.json").contains("\"version\": \"0.6.1-beta.0\""), read(base, "packages/brokle/package.json"));
    }

    /** The real JavaScript SDK's workspace as it was when it used Changesets (its committed config.json and package files). */
    private Path realWorkspace() {
        Path root = tmp.resolve("real");
        Path source = Path.of("src/test/resources/real-js-workspace");
        try (TestRepo repo = TestRepo.init(root); Stream<Path> all = Files.walk(source)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                repo.write(source.relativize(f).toString(), Files.readString(f));
            }
            repo.commitAll("feat(release): add Changesets and complete CI/CD automation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** A workspace whose config.json is {@code config}, committed. */
    private Path workspace(String config, Map<String, String> files) {
        Path root = tmp.resolve("base-" + (++copies));
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write(".changeset/config.json", config);
            files.forEach(repo::write);
            repo.commitAll("chore: workspace");
        }
        return root;
    }

    /** Enters pre mode with each tool, compares, and commits ours as the new base. */
    private Path preEnterBoth(Path base, String tag) {
        return both(base, List.of("pre", "enter", tag), w -> w.preEnter(tag), "chore: enter pre mode");
    }

    @Test
    void theRealWorkspaceWithItsLinkedGroupAndPeerRangesThroughPreMode() {
        Path base = realWorkspace();
        change(base, "brave-cats-dance", "\"brokle\": minor\n", "Add evaluation quick start");
        change(base, "calm-owls-sing", "\"brokle-openai\": patch\n", "Trace streamed tool calls");
        base = versionBoth(base);
        // peers on brokle are workspace:* (brokle's exact version), so a minor of brokle leaves their range: each peer dependent is
        // a major, and the linked group takes the highest bump, brokle included
        assertTrue(read(base, "packages/brokle/package.json").contains("\"version\": \"1.0.0\""), read(base, "packages/brokle/package.json"));

        // pre.json lists initialVersions by package directory (brokle before brokle-anthropic), as the CLI does
        base = preEnterBoth(base, "beta");
        String pre = read(base, ".changeset/pre.json");
        assertTrue(pre.indexOf("\"brokle\":") < pre.indexOf("\"brokle-anthropic\":"), pre);
        change(base, "eager-foxes-jump", "\"brokle-langchain\": patch\n", "Fix callback names");
        base = versionBoth(base);
        change(base, "fair-geese-nap", "\"brokle\": patch\n", "Fix the default timeout");
        versionBoth(base);
    }

    private static final String REAL_PEERS = "{\n  \"changelog\": \"@changesets/cli/changelog\",\n  \"baseBranch\": \"main\",\n%s}\n";

    private Map<String, String> peerWorkspace(String brokle) {
        return Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", brokle, ""),
                "packages/openai/package.json", pkg("brokle-openai", "1.0.0", "  \"peerDependencies\": {\n    \"brokle\": \"^1.0.0\"\n  }"),
                "packages/anthropic/package.json", pkg("brokle-anthropic", "1.0.0", "  \"dependencies\": {\n    \"brokle\": \"^1.0.0\"\n  }"),
                "packages/langchain/package.json", pkg("brokle-langchain", "1.0.0", "  \"dependencies\": {\n    \"brokle\": \"workspace:^1.0.0\"\n  }"));
    }

    /** The peer workspace's config with one key of the experimental options. */
    private static String experimental(String entry) {
        return String.format(REAL_PEERS, "  \"___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH\": {\n    " + entry + "\n  }\n");
    }

    @Test
    void onlyUpdatePeerDependentsWhenOutOfRange() {
        String config = experimental("\"onlyUpdatePeerDependentsWhenOutOfRange\": true");
        Path base = workspace(config, peerWorkspace("1.0.0"));
        change(base, "rich-pans-hop", "\"brokle\": minor\n", "Add datasets");
        base = versionBoth(base);
        // in range (^1.0.0 holds 1.1.0): the peer dependent is not made a major, and its range stays
        assertTrue(read(base, "packages/openai/package.json").contains("\"version\": \"1.0.0\""), read(base, "packages/openai/package.json"));
        assertTrue(read(base, "packages/openai/package.json").contains("\"brokle\": \"^1.0.0\""));
        change(base, "odd-lamps-rest", "\"brokle\": major\n", "Drop trace()");
        base = versionBoth(base);
        assertTrue(read(base, "packages/openai/package.json").contains("\"version\": \"2.0.0\""), "out of range: a major");
    }

    @Test
    void updateInternalDependentsAlways() {
        String config = experimental("\"updateInternalDependents\": \"always\"");
        Path base = workspace(config, peerWorkspace("1.0.0"));
        change(base, "tidy-bees-hum", "\"brokle\": patch\n", "Fix retries");
        base = versionBoth(base);
        // ^1.0.0 holds 1.0.1, yet every dependent is released
        assertTrue(read(base, "packages/anthropic/package.json").contains("\"version\": \"1.0.1\""), read(base, "packages/anthropic/package.json"));
    }

    @Test
    void bumpVersionsWithWorkspaceProtocolOnly() {
        String config = String.format(REAL_PEERS, "  \"bumpVersionsWithWorkspaceProtocolOnly\": true\n");
        Path base = workspace(config, peerWorkspace("1.0.0"));
        change(base, "swift-moles-wave", "\"brokle\": minor\n\"brokle-anthropic\": patch\n\"brokle-langchain\": patch\n", "Add datasets");
        base = versionBoth(base);
        assertTrue(read(base, "packages/anthropic/package.json").contains("\"brokle\": \"^1.0.0\""), "a plain range is left");
        assertTrue(read(base, "packages/langchain/package.json").contains("\"brokle\": \"workspace:^1.1.0\""),
                read(base, "packages/langchain/package.json"));
    }

    @Test
    void aPublishedDependentOfAnIgnoredPackageIsRefusedByBoth() {
        String config = String.format(REAL_PEERS, "  \"ignore\": [\"brokle\"]\n");
        Path base = workspace(config, peerWorkspace("1.0.0"));
        change(base, "lucky-keys-clap", "\"brokle-openai\": patch\n", "Fix streaming");
        AssertionError theirs = assertThrows(AssertionError.class, () -> ChangesetsCli.run(copy(base), "version"));
        assertTrue(theirs.getMessage().contains("depends on the skipped package \"brokle\""), theirs.getMessage());
        ChangesetException ours = assertThrows(ChangesetException.class,
                () -> new ChangesetWorkflow(ReleaseOptions.of(copy(base))).version(ai.brokle.release.plan.Mode.EXECUTE));
        assertTrue(ours.getMessage().contains("the package \"brokle-anthropic\" depends on the skipped package \"brokle\""), ours.getMessage());
    }

    @Test
    void privatePackagesNotVersionedAndNoChangelog() {
        String config = String.format(REAL_PEERS, "  \"privatePackages\": {\"version\": false},\n  \"commit\": false\n")
                .replace("\"@changesets/cli/changelog\"", "false");
        Path base = workspace(config, Map.of(
                "package.json", NPM_ROOT,
                "packages/brokle/package.json", pkg("brokle", "1.0.0", ""),
                "packages/examples/package.json", "{\n  \"name\": \"brokle-examples\",\n  \"version\": \"0.1.0\",\n  \"private\": true,\n"
                        + "  \"dependencies\": {\n    \"brokle\": \"^1.0.0\"\n  }\n}\n"));
        change(base, "young-seals-bake", "\"brokle\": major\n", "Drop trace()");
        base = versionBoth(base);
        assertTrue(read(base, "packages/examples/package.json").contains("\"version\": \"0.1.0\""), read(base, "packages/examples/package.json"));
        assertFalse(Files.exists(base.resolve("packages/brokle/CHANGELOG.md")), "changelog: false writes none");
    }

    private Path copy(Path from) {
        return TestRepo.copyTree(from, tmp.resolve("copy-" + (++copies)));
    }

    /** Every file outside .git, path → text. */
    private static String files(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".git")).forEach(p -> out.put(
                    root.relativize(p).toString(), read(root, root.relativize(p).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder text = new StringBuilder();
        out.forEach((path, content) -> text.append("=== ").append(path).append('\n').append(content));
        return text.toString();
    }

    private static String read(Path root, String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
