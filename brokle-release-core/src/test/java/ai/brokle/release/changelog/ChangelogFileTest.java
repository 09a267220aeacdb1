package ai.brokle.release.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangelogFileTest {
    private static final RepositoryLinks LINKS = RepositoryLinks.of("https://github.com/brokle-ai/brokle");

    private static ChangelogSection section(String version, String previousTag, String... addedLines) {
        return new ChangelogSection(version, "2025-01-15", "v" + version, previousTag,
                List.of(new ChangelogSection.Subsection("Added", List.of(addedLines))));
    }

    private static ChangelogSection fixed(String version, String previousTag, String line) {
        return new ChangelogSection(version, "2025-01-15", "v" + version, previousTag,
                List.of(new ChangelogSection.Subsection("Fixed", List.of(line))));
    }

    @Test
    void newReleaseGoesUnderUnreleasedTakingItsLinesAndUpdatingTheLinks() {
        String before = """
                # Changelog

                All notable changes to this project will be documented in this file.

                ## [Unreleased]

                Some words about the next release.

                ### Changed

                - Hand-written: the dashboard loads faster

                ### Added

                - Hand-written: CSV export

                ## [1.2.0] - 2024-12-20

                ### Fixed

                - A bug.

                [Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.2.0...HEAD
                [1.2.0]: https://github.com/brokle-ai/brokle/compare/v1.1.0...v1.2.0
                """;
        ChangelogFile.Result result = ChangelogFile.merge(before, List.of(section("1.3.0", "v1.2.0", "- OTLP ingestion (abc1234)")), LINKS);
        assertEquals("""
                # Changelog

                All notable changes to this project will be documented in this file.

                ## [Unreleased]

                ## [1.3.0] - 2025-01-15

                Some words about the next release.

                ### Added

                - Hand-written: CSV export
                - OTLP ingestion (abc1234)

                ### Changed

                - Hand-written: the dashboard loads faster

                ## [1.2.0] - 2024-12-20

                ### Fixed

                - A bug.

                [Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.3.0...HEAD
                [1.3.0]: https://github.com/brokle-ai/brokle/compare/v1.2.0...v1.3.0
                [1.2.0]: https://github.com/brokle-ai/brokle/compare/v1.1.0...v1.2.0
                """, result.text());
        assertEquals(List.of("1.3.0"), result.added());
    }

    @Test
    void anEmptyUnreleasedStaysAndTheRestIsByteForByteTheSame() {
        String before = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2024-12-20\n\n### Fixed\n\n- A bug.\n";
        String after = ChangelogFile.merge(before, List.of(fixed("1.2.1", "v1.2.0", "- Another (abc1234)")), null).text();
        assertEquals("# Changelog\n\n## [Unreleased]\n\n## [1.2.1] - 2025-01-15\n\n### Fixed\n\n- Another (abc1234)\n\n"
                + "## [1.2.0] - 2024-12-20\n\n### Fixed\n\n- A bug.\n", after);
        assertTrue(after.endsWith(before.substring(before.indexOf("## [1.2.0]"))));
    }

    @Test
    void linkReferencesAreAddedWhenTheFileHasNone() {
        String before = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2024-12-20\n\n- A bug.\n";
        String after = ChangelogFile.merge(before, List.of(fixed("1.2.1", "v1.2.0", "- Another")), LINKS).text();
        assertEquals("# Changelog\n\n## [Unreleased]\n\n## [1.2.1] - 2025-01-15\n\n### Fixed\n\n- Another\n\n"
                + "## [1.2.0] - 2024-12-20\n\n- A bug.\n\n"
                + "[Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.2.1...HEAD\n"
                + "[1.2.1]: https://github.com/brokle-ai/brokle/compare/v1.2.0...v1.2.1\n", after);
    }

    @Test
    void withoutUnreleasedTheSectionGoesAboveTheNewestRelease() {
        String before = "# brokle\n\nRelease history of the Python SDK.\n\n## 0.4.0 (2024-11-02)\n\n* Streaming.\n\n## 0.3.0\n\n* First.\n";
        String after = ChangelogFile.merge(before, List.of(section("0.5.0", "python-v0.4.0", "- Async client")), null).text();
        assertEquals("# brokle\n\nRelease history of the Python SDK.\n\n## [0.5.0] - 2025-01-15\n\n### Added\n\n- Async client\n\n"
                + "## 0.4.0 (2024-11-02)\n\n* Streaming.\n\n## 0.3.0\n\n* First.\n", after);
    }

    @Test
    void aChangesetsStyleFileGetsTheSectionAtTheTopOfItsReleases() {
        String before = "# brokle\n\n## 0.5.0\n\n### Minor Changes\n\n- abc123f: Add streaming support\n";
        String after = ChangelogFile.merge(before, List.of(section("0.6.0", "js-v0.5.0", "- Tools")), null).text();
        assertEquals("# brokle\n\n## [0.6.0] - 2025-01-15\n\n### Added\n\n- Tools\n\n## 0.5.0\n\n### Minor Changes\n\n"
                + "- abc123f: Add streaming support\n", after);
    }

    @Test
    void aFileWithNoReleasesYetGetsTheSectionAfterItsText() {
        String before = "Notes kept by hand.\nNo headings at all.";
        String after = ChangelogFile.merge(before, List.of(section("1.0.0", null, "- First")), LINKS).text();
        assertEquals("Notes kept by hand.\nNo headings at all.\n\n## [1.0.0] - 2025-01-15\n\n### Added\n\n- First\n\n"
                + "[1.0.0]: https://github.com/brokle-ai/brokle/releases/tag/v1.0.0\n", after);
    }

    @Test
    void aMissingFileStartsWithTheKeepAChangelogHeader() {
        String after = ChangelogFile.merge(null, List.of(section("1.0.0", null, "- First")), LINKS).text();
        assertEquals(ChangelogFile.HEADER + "\n## [1.0.0] - 2025-01-15\n\n### Added\n\n- First\n\n"
                + "[Unreleased]: https://github.com/brokle-ai/brokle/compare/v1.0.0...HEAD\n"
                + "[1.0.0]: https://github.com/brokle-ai/brokle/releases/tag/v1.0.0\n", after);
    }

    @Test
    void windowsLineEndsArePreservedAndUsedForNewLines() {
        String before = "# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.0.0] - 2024-01-01\r\n\r\n- First\r\n";
        String after = ChangelogFile.merge(before, List.of(fixed("1.0.1", "v1.0.0", "- Fix")), null).text();
        assertEquals("# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.0.1] - 2025-01-15\r\n\r\n### Fixed\r\n\r\n- Fix\r\n\r\n"
                + "## [1.0.0] - 2024-01-01\r\n\r\n- First\r\n", after);
        assertFalse(after.replace("\r\n", "").contains("\n"));
    }

    @Test
    void aVersionAlreadyThereIsLeftAsItIs() {
        String before = "# Changelog\n\n## [Unreleased]\n\n- pending\n\n## [1.0.1] - 2024-02-02\n\n- Edited by hand\n";
        ChangelogFile.Result result = ChangelogFile.merge(before, List.of(fixed("1.0.1", "v1.0.0", "- Fix")), LINKS);
        assertEquals(before, result.text());
        assertFalse(result.changed());
        assertEquals(List.of("1.0.1"), result.alreadyPresent());
    }

    @Test
    void olderVersionsGoBetweenTheReleasesAroundThemAndKeepUnreleasedWhereItIs() {
        String before = "# Changelog\n\n## [Unreleased]\n\n- pending\n\n## [2.0.0] - 2024-06-01\n\n- Big\n\n## [1.0.0] - 2024-01-01\n\n- First\n\n"
                + "[Unreleased]: https://github.com/brokle-ai/brokle/compare/v2.0.0...HEAD\n"
                + "[2.0.0]: https://github.com/brokle-ai/brokle/compare/v1.0.0...v2.0.0\n"
                + "[1.0.0]: https://github.com/brokle-ai/brokle/releases/tag/v1.0.0\n";
        ChangelogFile.Result result = ChangelogFile.merge(before, List.of(fixed("1.1.0", "v1.0.0", "- Middle"), fixed("0.9.0", null, "- Early")),
                LINKS);
        assertEquals("# Changelog\n\n## [Unreleased]\n\n- pending\n\n## [2.0.0] - 2024-06-01\n\n- Big\n\n"
                + "## [1.1.0] - 2025-01-15\n\n### Fixed\n\n- Middle\n\n## [1.0.0] - 2024-01-01\n\n- First\n\n"
                + "## [0.9.0] - 2025-01-15\n\n### Fixed\n\n- Early\n\n"
                + "[Unreleased]: https://github.com/brokle-ai/brokle/compare/v2.0.0...HEAD\n"
                + "[2.0.0]: https://github.com/brokle-ai/brokle/compare/v1.0.0...v2.0.0\n"
                + "[1.1.0]: https://github.com/brokle-ai/brokle/compare/v1.0.0...v1.1.0\n"
                + "[1.0.0]: https://github.com/brokle-ai/brokle/releases/tag/v1.0.0\n"
                + "[0.9.0]: https://github.com/brokle-ai/brokle/releases/tag/v0.9.0\n", result.text());
    }

    @Test
    void headingsInsideCodeBlocksAreNotReleases() {
        String before = "# Changelog\n\n```markdown\n## [9.9.9] - example\n```\n\n## [1.0.0] - 2024-01-01\n\n- First\n";
        String after = ChangelogFile.merge(before, List.of(fixed("1.0.1", "v1.0.0", "- Fix")), null).text();
        assertEquals("# Changelog\n\n```markdown\n## [9.9.9] - example\n```\n\n## [1.0.1] - 2025-01-15\n\n### Fixed\n\n- Fix\n\n"
                + "## [1.0.0] - 2024-01-01\n\n- First\n", after);
    }

    @Test
    void handWrittenLinesEqualToGeneratedOnesAreNotRepeated() {
        String before = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- Fix\n- Mine\n";
        String after = ChangelogFile.merge(before, List.of(fixed("1.0.1", "v1.0.0", "- Fix")), null).text();
        assertEquals("# Changelog\n\n## [Unreleased]\n\n## [1.0.1] - 2025-01-15\n\n### Fixed\n\n- Fix\n- Mine\n", after);
    }

    @Test
    void tellsWhetherAVersionHasASection() {
        assertTrue(ChangelogFile.hasSection("## [1.2.0] - 2024-01-01\n", "1.2.0"));
        assertTrue(ChangelogFile.hasSection("## v1.2.0\n", "1.2.0"));
        assertFalse(ChangelogFile.hasSection("## [1.2.0-rc.1]\n", "1.2.0"));
    }

    @Test
    void anOlderReleaseGoesAtTheEndOfTheLastReleaseNotAfterTheTrailingSectionsOfTheRealJavaScriptChangelog() throws Exception {
        String real = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/real-changelogs/brokle-js.md"));
        RepositoryLinks js = RepositoryLinks.of("https://github.com/brokle-ai/brokle-js");
        String merged = ChangelogFile.merge(real, List.of(section("0.0.1", null, "- first preview (abc1234)")), js).text();
        int section = merged.indexOf("## [0.0.1]");
        assertTrue(section > merged.indexOf("- Automated npm publishing with provenance"), merged);
        assertTrue(section < merged.indexOf("---\n\n## Version Links"), "above the break that closes the 0.1.0 section: " + merged);
        assertTrue(merged.contains("- Automated npm publishing with provenance\n\n## [0.0.1] - 2025-01-15\n\n### Added\n\n"
                + "- first preview (abc1234)\n\n---\n\n## Version Links"), merged);
        // its link reference joins the others under "Version Links", below 0.1.0's
        assertTrue(merged.contains("[0.1.0]: https://github.com/brokle-ai/brokle-js/releases/tag/v0.1.0\n"
                + "[0.0.1]: https://github.com/brokle-ai/brokle-js/releases/tag/v0.0.1\n"), merged);
        assertEquals(real, merged.replaceFirst("(?s)## \\[0\\.0\\.1\\].*?\n\n---\n", "---\n").replace(
                "[0.0.1]: https://github.com/brokle-ai/brokle-js/releases/tag/v0.0.1\n", ""), "nothing else changes");
        // the example inside the code block of "Changelog Format" is not a release
        assertFalse(ChangelogFile.hasSection(real, "0.2.0"));
    }

    @Test
    void aRefreshedSectionKeepsHandWrittenLinesAndTheBreakAfterIt() {
        String before = "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2025-01-01\n\nWritten by hand.\n\n### Added\n\n"
                + "- old entry ([abc1234](https://github.com/brokle-ai/brokle/commit/abc1234))\n\n---\n\n## [1.0.0] - 2024-12-01\n\n- first\n";
        ChangelogFile.Result r = ChangelogFile.merge(before, List.of(section("1.1.0", "v1.0.0", "- new entry (def5678)")), LINKS, java.util.Set.of("1.1.0"));
        assertEquals(List.of("1.1.0"), r.refreshed());
        assertTrue(r.text().contains("## [1.1.0] - 2025-01-15\n\nWritten by hand.\n\n### Added\n\n- new entry (def5678)\n\n---\n\n## [1.0.0]"),
                r.text());
        assertFalse(r.text().contains("old entry"), "a generated entry no longer in the range goes: " + r.text());
        assertEquals(before, ChangelogFile.merge(before, List.of(section("1.1.0", "v1.0.0", "- new entry (def5678)")), LINKS).text(),
                "a released version's section is left alone");
    }
}
