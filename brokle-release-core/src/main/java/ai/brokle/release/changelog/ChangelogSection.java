package ai.brokle.release.changelog;

import java.util.ArrayList;
import java.util.List;

/**
 * One release's section of a Keep a Changelog file: {@code ## [1.2.0] - 2025-01-15} and its
 * {@code ###} subsections of list items.
 *
 * @param version the version ("1.2.0"), or null for changes not released yet
 * @param date yyyy-MM-dd
 * @param tag the release tag, or null
 * @param previousTag the tag of the release before, or null for the first
 * @param subsections titled lists, breaking changes first
 */
public record ChangelogSection(String version, String date, String tag, String previousTag, List<Subsection> subsections) {
    /** Said under a release that has nothing to list, so the heading is not mistaken for a mistake. */
    static final String NOTHING = "No notable changes.";

    /** A {@code ### Title} and its lines as written (list items, their nested notes). */
    public record Subsection(String title, List<String> lines) {
    }

    /** The Keep a Changelog section of a release's changes. */
    public static ChangelogSection of(ReleaseChanges changes) {
        List<Subsection> subsections = new ArrayList<>();
        List<ChangeEntry> breaking = changes.breakingChanges();
        if (breaking != null) {
            List<String> lines = new ArrayList<>();
            for (ChangeEntry e : breaking) {
                lines.add("- " + e.text());
                lines.add("  - Migration: " + e.migration());
            }
            subsections.add(new Subsection(ChangelogRules.BREAKING, lines));
        }
        for (ChangeGroup group : changes.sections()) {
            subsections.add(new Subsection(group.title(), group.entries().stream().map(e -> "- " + e.text()).toList()));
        }
        return new ChangelogSection(changes.version(), changes.date(), changes.tag(), changes.previousTag(), List.copyOf(subsections));
    }

    /** How many changes the section lists: its top-level list items. */
    public int items() {
        int n = 0;
        for (Subsection s : subsections) {
            n += (int) s.lines().stream().filter(l -> l.startsWith("- ")).count();
        }
        return n;
    }

    public String heading() {
        return version == null ? "## [Unreleased]" : "## [" + version + "] - " + date;
    }

    /** The section as Markdown lines, without line ends; a blank line after each heading, as Keep a Changelog writes. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(heading());
        if (subsections.isEmpty()) {
            out.add("");
            out.add(NOTHING);
        }
        for (Subsection s : subsections) {
            out.add("");
            out.add("### " + s.title());
            out.add("");
            out.addAll(s.lines());
        }
        return out;
    }

    /** The section as text, each line ended by {@code eol}. */
    public String render(String eol) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines()) {
            sb.append(line).append(eol);
        }
        return sb.toString();
    }
}
