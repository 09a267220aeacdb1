package ai.brokle.release.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.config.ChangelogConfig;
import ai.brokle.release.git.RawCommit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChangeCollectorTest {
    private static final ReleaseChanges.Release RELEASE = new ReleaseChanges.Release("platform", "Brokle", "1.3.0", "v1.3.0", "1.2.0",
            "v1.2.0", "2025-01-15", "v1.3.0", null, List.of());

    /** Commits given oldest first, as a reader thinks of them; ids are made from their position. */
    private static ReleaseChanges collect(ChangelogRules rules, RepositoryLinks links, String... messages) {
        List<RawCommit> commits = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            commits.add(raw(i, messages[i], 1, "Ann", "ann@example.com"));
        }
        return collect(rules, links, commits);
    }

    private static ReleaseChanges collect(ChangelogRules rules, RepositoryLinks links, List<RawCommit> oldestFirst) {
        ChangeCollector collector = new ChangeCollector(rules, links, new ConventionalCommitParser());
        for (int i = oldestFirst.size() - 1; i >= 0; i--) {
            collector.add(oldestFirst.get(i));
        }
        return collector.build(RELEASE, List::of);
    }

    static String hash(int i) {
        return String.format("%07x", 0xa1b2c30 + i) + "f".repeat(33);
    }

    static RawCommit raw(int i, String message, int parents, String name, String email) {
        return new RawCommit(hash(i), message, parents, name, email, 1_700_000_000L + i);
    }

    private static List<String> subjects(List<ChangeEntry> entries) {
        return entries == null ? List.of() : entries.stream().map(ChangeEntry::subject).toList();
    }

    private static Map<String, List<String>> sections(ReleaseChanges changes) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        changes.sections().forEach(g -> map.put(g.title(), subjects(g.entries())));
        return map;
    }

    @Test
    void mapsTypesToKeepAChangelogSectionsInItsOrder() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null,
                "fix: null parent", "feat: traces", "perf: faster batches", "refactor: split ingest", "deprecate: old exporter",
                "remove: v0 client", "security: rotate keys", "fix(security): escape names", "docs: quickstart", "chore: tidy",
                "test: more", "ci: cache", "build: go 1.23", "style: fmt");
        assertEquals(Map.of(
                "Added", List.of("traces"),
                "Changed", List.of("faster batches", "split ingest"),
                "Deprecated", List.of("old exporter"),
                "Removed", List.of("v0 client"),
                "Fixed", List.of("null parent"),
                "Security", List.of("rotate keys", "escape names")), sections(changes));
        assertEquals(List.of("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"),
                changes.sections().stream().map(ChangeGroup::title).toList());
        assertEquals(14, changes.entries().size(), "every kept commit is an entry, also those no section lists");
    }

    @Test
    void breakingChangesAreListedOnlyUnderBreakingWithTheirMigrationNote() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null,
                "feat(api)!: drop v1 routes\n\nBREAKING CHANGE: call /v2/traces instead;\nthe payload is unchanged.",
                "fix!: stricter parsing",
                "feat: plain feature");
        assertEquals(List.of("drop v1 routes", "stricter parsing"), subjects(changes.breakingChanges()));
        assertEquals(List.of("call /v2/traces instead; the payload is unchanged.", "stricter parsing"),
                changes.breakingChanges().stream().map(ChangeEntry::migration).toList());
        assertEquals(Map.of("Added", List.of("plain feature")), sections(changes));
        assertEquals(List.of("plain feature"), subjects(changes.features()));
        assertNull(changes.fixes());
    }

    @Test
    void deprecatedAndRemovedFootersAddEntriesBesideTheCommitsOwn() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null,
                "feat: v2 exporter\n\nDEPRECATED: the v1 exporter goes in 4.0",
                "fix: config loading\n\nREMOVED: the --legacy flag");
        assertEquals(Map.of("Added", List.of("v2 exporter"), "Deprecated", List.of("the v1 exporter goes in 4.0"),
                "Removed", List.of("the --legacy flag"), "Fixed", List.of("config loading")), sections(changes));
        assertEquals(List.of("the v1 exporter goes in 4.0", "the --legacy flag"), subjects(changes.deprecations()));
    }

    @Test
    void leavesOutReleaseCommitsMergesAndNonConventionalCommits() {
        List<RawCommit> commits = List.of(
                raw(0, "chore(release): 1.2.0", 1, "Bot", "bot@example.com"),
                raw(1, "chore: release v1.2.1", 1, "Bot", "bot@example.com"),
                raw(2, "chore: bump version to 1.2.2", 1, "Bot", "bot@example.com"),
                raw(3, "Merge pull request #7 from x/y\n\nfeat: merged", 2, "Bot", "bot@example.com"),
                raw(4, "Update README", 1, "Bob", "bob@example.com"),
                raw(5, "chore(deps): bump jackson", 1, "Bot", "bot@example.com"),
                raw(6, "feat: kept", 1, "Ann", "ann@example.com"));
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null, commits);
        assertEquals(List.of("bump jackson", "kept"), subjects(changes.entries()));
        assertEquals(5, changes.leftOut());
        assertEquals(List.of(new Author("Bot", "bot@example.com"), new Author("Ann", "ann@example.com")), changes.authors());
    }

    @Test
    void configurationExcludesByTypeScopeAndMessagePattern() {
        ChangelogRules rules = ChangelogRules.of(new ChangelogConfig("CHANGELOG.md", null, List.of("chore"), List.of("deps", "web"),
                List.of(Pattern.compile("^fix: typo"), Pattern.compile("\\[skip changelog\\]"))));
        ReleaseChanges changes = collect(rules, null, "chore: tidy", "feat(deps): new dep", "fix(web): button", "fix: typo in docs",
                "feat: search [skip changelog]", "feat(api): kept", "fix: kept too");
        assertEquals(List.of("kept", "kept too"), subjects(changes.entries()));
        assertEquals(5, changes.leftOut());
    }

    @Test
    void aConfiguredSectionMapReplacesTheDefaultOne() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("feat", "Features");
        map.put("docs", "Documentation");
        map.put("fix", "Fixed");
        ChangelogRules rules = ChangelogRules.of(new ChangelogConfig(null, map, List.of(), List.of(), List.of()));
        ReleaseChanges changes = collect(rules, null, "docs: guide", "feat: a", "fix: b", "perf: c");
        assertEquals(List.of("Fixed", "Features", "Documentation"), changes.sections().stream().map(ChangeGroup::title).toList(),
                "standard titles keep Keep a Changelog's order, others follow in the configured order");
        assertEquals(List.of("c"), subjects(changes.internal()), "perf has no section now but stays in the notes' internal group");
    }

    @Test
    void aRevertCancelsTheRevertedCommitWhenBothAreInTheRange() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null,
                "feat: experiment",
                "fix: real fix",
                "Revert \"feat: experiment\"\n\nThis reverts commit " + hash(0) + ".",
                "Revert \"feat: older thing\"\n\nThis reverts commit " + hash(99) + ".");
        assertEquals(2, changes.entries().size());
        assertEquals(List.of("real fix", "Revert \"feat: older thing\""), subjects(changes.entries()),
                "a revert of a commit outside the range is a change of its own, shown as a revert (as conventional-changelog does)");
        assertEquals(List.of("Revert \"feat: older thing\""), subjects(changes.section("Changed")));
        assertEquals(2, changes.leftOut());
    }

    @Test
    void revertingARevertBringsTheChangeBack() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null,
                "feat: comeback",
                "Revert \"feat: comeback\"\n\nThis reverts commit " + hash(0).substring(0, 12) + ".",
                "Revert \"Revert \"feat: comeback\"\"\n\nThis reverts commit " + hash(1) + ".");
        assertEquals(List.of("comeback"), subjects(changes.entries()));
    }

    @Test
    void entriesCarryScopeSubjectShortHashAndLinks() {
        RepositoryLinks links = RepositoryLinks.of("https://github.com/brokle-ai/brokle");
        ReleaseChanges changes = collect(ChangelogRules.defaults(), links, "feat(billing): model pricing (#124)", "fix: span links");
        ChangeEntry first = changes.entries().get(0);
        assertEquals("billing", first.scope());
        assertEquals("model pricing", first.subject());
        assertEquals(hash(0).substring(0, 7), first.shortHash());
        assertEquals(124, first.pullRequest());
        assertEquals("**billing:** model pricing ([#124](https://github.com/brokle-ai/brokle/pull/124)) ([" + first.shortHash()
                + "](https://github.com/brokle-ai/brokle/commit/" + hash(0) + "))", first.text());
        ReleaseChanges unlinked = collect(ChangelogRules.defaults(), null, "feat(billing): model pricing (#124)");
        assertEquals("**billing:** model pricing (#124) (" + hash(0).substring(0, 7) + ")", unlinked.entries().get(0).text());
        assertNull(unlinked.entries().get(0).commitUrl());
    }

    @Test
    void highlightsComeFromFooters() {
        ReleaseChanges changes = collect(ChangelogRules.defaults(), null, "feat: otlp\n\nHighlight: OpenTelemetry-native ingestion", "fix: x");
        assertEquals(List.of("OpenTelemetry-native ingestion"), changes.highlights());
        assertTrue(collect(ChangelogRules.defaults(), null, "fix: y").highlights() == null);
    }

    @Test
    void controlCharactersOfACommitNeverReachTheChangelog() {
        assertEquals("add the feature", ChangeCollector.printable("add the\u0000 feature\u0007"));
        String plain = "fix: a plain subject\twith a tab";
        assertEquals(plain, ChangeCollector.printable(plain));
    }
}
