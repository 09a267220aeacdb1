package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.changelog.ChangelogFile;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangelogWorkflowTest {
    /** 2025-01-15T12:00:00Z */
    private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1736942400");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RecordingLog log = new RecordingLog();

    private ChangelogOptions options(Path dir) {
        return options(ReleaseOptions.of(dir));
    }

    private ChangelogOptions options(ReleaseOptions common) {
        return ChangelogOptions.of(common.withEnvironment(ENV).withLog(log), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static void origin(TestRepo repo, String url) throws Exception {
        StoredConfig config = repo.git().getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.save();
    }

    @Test
    void defaultRangeIsTheLatestReleaseToHeadUnderTheNextVersion(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat(api): traces endpoint (#12)");
            repo.commit("fix: parent links");
            origin(repo, "git@github.com:brokle-ai/brokle.git");
            String hash = repo.git().getRepository().resolve("HEAD~1").name();
            String text = new ChangelogWorkflow(options(dir)).execute();
            assertEquals(text, printed.toString(StandardCharsets.UTF_8));
            assertEquals("## [1.1.0] - 2025-01-15\n\n### Added\n\n- **api:** traces endpoint ([#12](https://github.com/brokle-ai/brokle/pull/12))"
                    + " ([" + hash.substring(0, 7) + "](https://github.com/brokle-ai/brokle/commit/" + hash + "))\n\n### Fixed\n\n- parent links (["
                    + repo.git().getRepository().resolve("HEAD").name().substring(0, 7) + "](https://github.com/brokle-ai/brokle/commit/"
                    + repo.git().getRepository().resolve("HEAD").name() + "))\n", text);
            assertTrue(log.lines().contains(dir.getFileName() + " 1.1.0: 2 changes listed since v1.0.0"), log.lines().toString());
        }
    }

    @Test
    void aStableReleaseAfterPreReleasesCoversEverythingSinceTheStableOneBefore(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat: in the rc");
            repo.annotatedTag("v1.1.0-rc.1");
            repo.commit("fix: after the rc");
            String stable = new ChangelogWorkflow(options(dir)).execute();
            assertTrue(stable.startsWith("## [1.1.0] - 2025-01-15\n"), stable);
            assertTrue(stable.contains("- in the rc (") && stable.contains("- after the rc ("), stable);
            String rc = new ChangelogWorkflow(options(dir).withRange(null, null)).execute();
            assertEquals(stable, rc);
            String next = new ChangelogWorkflow(options(ReleaseOptions.of(dir).withPrerelease("rc"))).execute();
            assertTrue(next.startsWith("## [1.1.0-rc.2] - 2025-01-15\n"), next);
            assertFalse(next.contains("in the rc"), "a pre-release follows the release before it, pre-releases included: " + next);
        }
    }

    @Test
    void aRangeEndingAtATagIsThatReleaseWithTheTagsDate(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat: second");
            repo.annotatedTag("v1.1.0");
            repo.commit("feat: third");
            String text = new ChangelogWorkflow(options(dir).withRange(null, "v1.1.0")).execute();
            assertTrue(text.startsWith("## [1.1.0] - 2023-11-14\n"), text);
            assertTrue(text.contains("- second (") && !text.contains("first") && !text.contains("third"), text);
            String explicit = new ChangelogWorkflow(options(dir).withRange("v1.0.0", "HEAD")).execute();
            assertTrue(explicit.startsWith("## [1.2.0] - 2025-01-15\n") && explicit.contains("second") && explicit.contains("third"), explicit);
            repo.git().reset().setRef("v1.1.0").setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).call();
            String atTag = new ChangelogWorkflow(options(dir)).execute();
            assertTrue(atTag.startsWith("## [1.1.0] - 2023-11-14\n") && atTag.contains("second") && !atTag.contains("first"),
                    "HEAD on a release tag renders that release: " + atTag);
        }
    }

    @Test
    void fullRegenerationHasOneSectionPerReleaseAndLinkReferences(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            origin(repo, "https://github.com/brokle-ai/brokle.git");
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat: beta feature");
            repo.annotatedTag("v1.1.0-beta.1");
            repo.commit("fix: before stable");
            repo.lightweightTag("v1.1.0");
            repo.commit("chore: only a chore");
            repo.annotatedTag("v1.1.1");
            repo.commit("feat: next");
            repo.annotatedTag("v1.2.0-rc.1");
            repo.commit("feat: unreleased");
            Path output = dir.resolve("CHANGELOG.md");
            String text = new ChangelogWorkflow(options(dir).withFull(true).withOutput(output)).execute();
            assertEquals(text, Files.readString(output));
            assertEquals("", printed.toString(StandardCharsets.UTF_8));
            String expectedTail = "## [Unreleased]\n\n"
                    + "## [1.2.0-rc.1] - 2023-11-14\n\n### Added\n\n- next (" + link(repo, "v1.2.0-rc.1") + ")\n\n"
                    + "## [1.1.1] - 2023-11-14\n\nNo notable changes.\n\n"
                    + "## [1.1.0] - 2023-11-14\n\n### Added\n\n- beta feature (" + link(repo, "v1.1.0-beta.1") + ")\n\n"
                    + "### Fixed\n\n- before stable (" + link(repo, "v1.1.0") + ")\n\n"
                    + "## [1.0.0] - 2023-11-14\n\n### Added\n\n- first (" + link(repo, "v1.0.0") + ")\n\n"
                    + "[Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.2.0-rc.1...HEAD\n"
                    + "[1.2.0-rc.1]: https://github.com/brokle-ai/brokle/compare/v1.1.1...v1.2.0-rc.1\n"
                    + "[1.1.1]: https://github.com/brokle-ai/brokle/compare/v1.1.0...v1.1.1\n"
                    + "[1.1.0]: https://github.com/brokle-ai/brokle/compare/v1.0.0...v1.1.0\n"
                    + "[1.0.0]: https://github.com/brokle-ai/brokle/releases/tag/v1.0.0\n";
            assertTrue(text.startsWith("# Changelog\n\nAll notable changes"), text);
            assertTrue(text.endsWith(expectedTail), text);
            assertFalse(text.contains("unreleased ("), "commits after the last tag wait for the next release");
            assertEquals(text, new ChangelogWorkflow(options(dir).withFull(true).withOutput(output)).execute(), "a second run changes nothing");
        }
    }

    private static String link(TestRepo repo, String tag) throws Exception {
        String hash = repo.git().getRepository().resolve(tag + "^{commit}").name();
        return "[" + hash.substring(0, 7) + "](https://github.com/brokle-ai/brokle/commit/" + hash + ")";
    }

    @Test
    void aComponentSeesOnlyTheCommitsUnderItsPath(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  platform: {tagPrefix: v}\n  python: {path: sdk/python, tagPrefix: python-v}\n");
            repo.commitAll("chore: config");
            repo.commitIn("sdk/python", "feat: python first");
            repo.annotatedTag("python-v0.1.0");
            repo.commitIn("backend", "feat: platform only");
            repo.commitIn("sdk/python", "fix(sdk): python fix");
            String text = new ChangelogWorkflow(options(ReleaseOptions.of(dir).withComponent("python")).withFormat("changelog")).execute();
            assertTrue(text.startsWith("## [0.1.1] - 2025-01-15\n") && text.contains("python fix") && !text.contains("platform only"), text);
            repo.annotatedTag("python-v0.1.1");
            repo.commitIn("backend", "feat: platform again");
            String full = new ChangelogWorkflow(options(ReleaseOptions.of(dir).withComponent("python")).withFull(true)).execute();
            assertTrue(full.contains("## [0.1.1] - 2023-11-14\n\n### Fixed\n\n- **sdk:** python fix (")
                    && full.contains("## [0.1.0] - 2023-11-14\n\n### Added\n\n- python first (")
                    && !full.contains("platform") && !full.contains("config"), full);
            ReleaseFailure none = assertThrows(ReleaseFailure.class, () -> new ChangelogWorkflow(options(dir)).execute());
            assertTrue(none.getMessage().contains("brokle.component: .brokle-release.yml has 2 components; name the one whose changes to render"
                    + " (platform, python)"), none.getMessage());
        }
    }

    @Test
    void mergesIntoAnExistingChangelogAndLeavesItAloneTheSecondTime(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("fix: a fix");
            String before = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- Hand-written fix note\n\n## [1.0.0] - 2023-11-14\n\n- first\n";
            Path file = dir.resolve("docs/CHANGELOG.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, before);
            new ChangelogWorkflow(options(dir).withOutput(Path.of("docs/CHANGELOG.md"))).execute();
            String after = Files.readString(file);
            assertTrue(after.startsWith("# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2025-01-15\n\n### Fixed\n\n- Hand-written fix note\n- a fix ("),
                    after);
            assertTrue(after.endsWith(")\n\n## [1.0.0] - 2023-11-14\n\n- first\n"), after);
            new ChangelogWorkflow(options(dir).withOutput(file)).execute();
            assertEquals(after, Files.readString(file));
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("already has a section for 1.0.1; left as it is")), log.lines().toString());
        }
    }

    @Test
    void releaseNotesFromTheComponentsTemplateWithFirstTimeContributors(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  platform:\n    releaseNotes: {title: Brokle, template: .github/notes.mustache}\n"
                    + "    images: [ghcr.io/brokle-ai/brokle-server]\n");
            repo.write(".github/notes.mustache", "{{title}} {{tag}} after {{previousTag}}\n{{#features}}* {{subject}} by {{authorName}}\n{{/features}}"
                    + "New: {{#firstTimeContributors}}{{name}} {{/firstTimeContributors}}\n{{#images}}{{.}}\n{{/images}}");
            repo.commitAll("chore: setup");
            repo.commitAs("Ann", "ann@example.com", "feat: early");
            repo.annotatedTag("v1.0.0");
            repo.commitAs("Ann", "ann@example.com", "feat: again");
            repo.commitAs("Zoe", "zoe@example.com", "feat: debut");
            Path notes = dir.resolve("target/notes.md");
            String text = new ChangelogWorkflow(options(dir).withFormat("NOTES").withOutput(notes)).execute();
            assertEquals("Brokle v1.1.0 after v1.0.0\n* again by Ann\n* debut by Zoe\nNew: Zoe \nghcr.io/brokle-ai/brokle-server:1.1.0\n", text);
            assertEquals(text, Files.readString(notes));
        }
    }

    @Test
    void defaultNotesNeedNoConfiguration(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat(x)!: new api\n\nBREAKING CHANGE: call y instead");
            String text = new ChangelogWorkflow(options(dir).withFormat("notes")).execute();
            assertTrue(text.startsWith("## " + dir.getFileName() + " v2.0.0 - 2025-01-15\n\n### ⚠️ Breaking Changes\n\n- **x:** new api ("), text);
            assertTrue(text.contains("  - **Migration**: call y instead\n"), text);
            assertTrue(text.endsWith("Full Changelog: v1.0.0...v2.0.0\n"), text);
        }
    }

    @Test
    void everyProblemIsReportedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  platform:\n    releaseNotes: {template: missing.mustache}\n");
            repo.commitAll("feat: first");
            Path output = dir.resolve("CHANGELOG.md");
            Files.writeString(output, "keep me\n");
            ReleaseFailure f = assertThrows(ReleaseFailure.class, () -> new ChangelogWorkflow(options(dir).withFormat("html").withFull(true)
                    .withRange("v9.9.9", "nope").withOutput(output)).execute());
            String all = String.join("\n", f.problems());
            assertTrue(all.contains("brokle.format: 'html' is not a format; use changelog"), all);
            assertTrue(all.contains("brokle.changelog.full renders every release from its tags; leave out brokle.from and brokle.to"), all);
            assertTrue(all.contains("brokle.from: 'v9.9.9' names no commit in this repository"), all);
            assertTrue(all.contains("brokle.to: 'nope' names no commit in this repository"), all);
            assertEquals(4, f.problems().size(), all);
            ReleaseFailure template = assertThrows(ReleaseFailure.class, () -> new ChangelogWorkflow(
                    options(ReleaseOptions.of(dir).withReleaseVersion("x")).withFormat("notes").withFull(true)).execute());
            String t = String.join("\n", template.problems());
            assertTrue(t.contains("brokle.changelog.full regenerates a whole changelog, so it cannot be combined with brokle.format=notes"), t);
            assertTrue(t.contains("components.platform.releaseNotes.template: missing.mustache does not exist"), t);
            assertTrue(t.contains("brokle.releaseVersion: 'x' is not"), t);
            assertEquals("keep me\n", Files.readString(output));
            assertEquals("", printed.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void withNothingReleasableTheFileGetsOrKeepsItsUnreleasedSection(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("chore: nothing to release");
            Path output = dir.resolve("CHANGELOG.md");
            new ChangelogWorkflow(options(dir).withOutput(output)).execute();
            assertEquals(ChangelogFile.HEADER, Files.readString(output), "a new changelog with its [Unreleased] section");
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("Nothing since v1.0.0 warrants a release")), log.toString());

            String kept = "# Changelog\n\n## [Unreleased]\n\n- hand-written\n\n## [1.0.0] - 2025-01-01\n\n### Added\n\n- first\n";
            Files.writeString(output, kept);
            new ChangelogWorkflow(options(dir).withOutput(output)).execute();
            assertEquals(kept, Files.readString(output));

            Files.writeString(output, "# Changelog\n\n## [1.0.0] - 2025-01-01\n\n- first\n");
            new ChangelogWorkflow(options(dir).withOutput(output)).execute();
            assertEquals("# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2025-01-01\n\n- first\n", Files.readString(output));
            assertEquals("## [Unreleased]\n\nNo notable changes.\n", new ChangelogWorkflow(options(dir)).execute());
        }
    }

    @Test
    void aSectionWrittenEarlyIsRefreshedUntilItsVersionIsReleased(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("feat(api): add search");
            Path output = dir.resolve("CHANGELOG.md");
            new ChangelogWorkflow(options(dir).withOutput(output)).execute();
            String early = Files.readString(output);
            assertTrue(early.contains("## [1.1.0] - 2025-01-15"), early);
            // a hand-written note under the generated section, then more commits
            Files.writeString(output, early.replace("### Added\n\n", "### Added\n\n- The search page, described by hand\n"));
            repo.commit("fix(api): escape queries");
            repo.commit("feat(web): saved searches");
            new ChangelogWorkflow(options(dir).withOutput(output)).execute();
            String later = Files.readString(output);
            assertTrue(later.contains("- **web:** saved searches ("), later);
            assertTrue(later.contains("### Fixed\n\n- **api:** escape queries ("), later);
            assertTrue(later.contains("- The search page, described by hand\n"), "hand-written lines stay: " + later);
            assertEquals(1, later.split("add search", -1).length - 1, "no entry twice: " + later);
            assertEquals(1, later.split("## \\[1.1.0\\]", -1).length - 1, later);
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("the section for 1.1.0 (not released yet) is regenerated")), log.toString());

            // once 1.1.0 is tagged, its section is left alone
            repo.annotatedTag("v1.1.0");
            Files.writeString(output, later.replace("saved searches", "saved searches, edited"));
            new ChangelogWorkflow(options(dir).withOutput(output).withRange("v1.0.0", "v1.1.0")).execute();
            assertTrue(Files.readString(output).contains("saved searches, edited"));
        }
    }

    @Test
    void theLogCountsWhatIsWritten(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: first");
            repo.annotatedTag("v1.0.0");
            repo.commit("fix: one fix");
            for (String header : List.of("docs: a", "chore: b", "test: c", "ci: d", "build: e", "style: f")) {
                repo.commit(header);
            }
            String text = new ChangelogWorkflow(options(dir)).execute();
            assertEquals(1, text.lines().filter(l -> l.startsWith("- ")).count(), text);
            assertTrue(log.lines().stream().anyMatch(l -> l.endsWith(" 1.0.1: 1 change listed since v1.0.0, 6 in no changelog section (their types have none: docs, chore, test, ...)")), String.join("\n", log.lines()));
        }
    }

    @Test
    void tagsUnderPreviousPrefixesBoundTheRangeAndTheFullChangelog(@TempDir Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write(".brokle-release.yml", "components:\n  python:\n    tagPrefix: python-v\n    previousTagPrefixes: [v]\n");
            repo.commitAll("feat: first");
            repo.annotatedTag("v0.3.0");
            repo.commit("feat: context helpers");
            repo.annotatedTag("v0.4.0");
            repo.annotatedTag("python-v0.4.0");
            repo.commit("fix(sdk): align with OTEL GenAI conventions");
            String text = new ChangelogWorkflow(options(dir)).execute();
            assertTrue(text.startsWith("## [0.4.1] - 2025-01-15\n"), text);
            assertFalse(text.contains("context helpers"), "0.4.0 (tagged v0.4.0) bounds the range: " + text);
            String full = new ChangelogWorkflow(options(dir).withFull(true)).execute();
            assertEquals(1, full.split("## \\[0.4.0\\]", -1).length - 1, "one section for 0.4.0, tagged under both prefixes: " + full);
            assertTrue(full.contains("## [0.3.0]"), full);
        }
    }
}
