package ai.brokle.release.changelog;

import java.util.List;
import java.util.function.Supplier;

/**
 * What one release changed: the model changelog sections and release-notes templates are
 * rendered from. Every accessor is a name a Mustache template can use ({@code {{version}}},
 * {{#features}}...{{/features}}); a group that is empty is null, so a template's
 * {@code {{#breakingChanges}}} heading shows only when there is something under it.
 */
public final class ReleaseChanges {
    private final Release release;
    private final List<ChangeEntry> breaking;
    private final List<ChangeGroup> sections;
    private final List<ChangeEntry> entries;
    private final List<String> highlights;
    private final List<Author> authors;
    private final Supplier<List<Author>> firstTimeContributors;
    private List<Author> firstTimers;
    private final int leftOut;

    /**
     * Facts about the release itself.
     *
     * @param component the component's name
     * @param title the product name for headings
     * @param version the version, or null when the changes are not released yet
     * @param tag its tag, or null
     * @param previousVersion the release the changes follow, or null for the first
     * @param previousTag its tag, or null
     * @param date the release date, yyyy-MM-dd
     * @param ref where the range ends when it is not at a release tag: HEAD, a branch, a commit
     * @param links links into the repository, or null when its address is unknown
     * @param images image references with the version as tag (ghcr.io/brokle-ai/brokle-server:3.2.0)
     */
    public record Release(String component, String title, String version, String tag, String previousVersion, String previousTag,
            String date, String ref, RepositoryLinks links, List<String> images) {
    }

    ReleaseChanges(Release release, List<ChangeEntry> breaking, List<ChangeGroup> sections, List<ChangeEntry> entries,
            List<String> highlights, List<Author> authors, Supplier<List<Author>> firstTimeContributors, int leftOut) {
        this.release = release;
        this.breaking = breaking;
        this.sections = sections;
        this.entries = entries;
        this.highlights = highlights;
        this.authors = authors;
        this.firstTimeContributors = firstTimeContributors;
        this.leftOut = leftOut;
    }

    /** The same changes with first-time contributors already known. */
    ReleaseChanges withFirstTimeContributors(List<Author> known) {
        return new ReleaseChanges(release, breaking, sections, entries, highlights, authors, () -> known, leftOut);
    }

    public String component() {
        return release.component();
    }

    public String title() {
        return release.title();
    }

    public String version() {
        return release.version();
    }

    public String tag() {
        return release.tag();
    }

    public String previousVersion() {
        return release.previousVersion();
    }

    public String previousTag() {
        return release.previousTag();
    }

    public String date() {
        return release.date();
    }

    /** Whether the version is a pre-release (1.3.0-beta.1). */
    public boolean prerelease() {
        return release.version() != null && release.version().contains("-");
    }

    /** The repository's web address, or null. */
    public String repositoryUrl() {
        return release.links() == null ? null : release.links().base();
    }

    /** Link to the changes from the previous release to this one, or null. */
    public String compareUrl() {
        RepositoryLinks links = release.links();
        if (links == null || release.previousTag() == null) {
            return null;
        }
        return links.compare(release.previousTag(), toRef());
    }

    /** Where the changes end: the release tag, else the ref the range was taken to. */
    public String toRef() {
        return release.tag() != null ? release.tag() : release.ref();
    }

    /** Breaking changes, each with its migration note, or null when there is none. */
    public List<ChangeEntry> breakingChanges() {
        return breaking.isEmpty() ? null : breaking;
    }

    /** The Keep a Changelog sections that have entries, in Keep a Changelog's order (breaking changes apart). */
    public List<ChangeGroup> sections() {
        return sections;
    }

    /** The entries of one section title, or null. */
    public List<ChangeEntry> section(String title) {
        for (ChangeGroup g : sections) {
            if (g.title().equals(title)) {
                return g.entries();
            }
        }
        return null;
    }

    /** How many of {@link #entries()} a changelog lists: the breaking ones and those whose type has a section. */
    public int changelogEntries() {
        java.util.Set<String> inSections = new java.util.HashSet<>();
        breaking.forEach(e -> inSections.add(e.hash()));
        sections.forEach(g -> g.entries().forEach(e -> inSections.add(e.hash())));
        return (int) entries.stream().filter(e -> inSections.contains(e.hash())).count();
    }

    /** Every change listed, oldest first, breaking ones included. */
    public List<ChangeEntry> entries() {
        return entries;
    }

    /** New features ({@code feat}) that do not break anything, or null. */
    public List<ChangeEntry> features() {
        return ofType("feat");
    }

    /** Bug and security fixes, or null. */
    public List<ChangeEntry> fixes() {
        List<ChangeEntry> list = entries.stream().filter(e -> !e.breaking()
                && ("fix".equals(e.type()) || "security".equals(e.type()) || "security".equalsIgnoreCase(e.scope()))).toList();
        return list.isEmpty() ? null : list;
    }

    /** Documentation changes, or null. */
    public List<ChangeEntry> documentation() {
        return ofType("docs");
    }

    /** Deprecations and removals (types, or DEPRECATED: and REMOVED: footers), or null. */
    public List<ChangeEntry> deprecations() {
        List<ChangeEntry> deprecated = section(ChangelogRules.DEPRECATED);
        List<ChangeEntry> removed = section(ChangelogRules.REMOVED);
        if (deprecated == null && removed == null) {
            return null;
        }
        return java.util.stream.Stream.concat(deprecated == null ? java.util.stream.Stream.empty() : deprecated.stream(),
                removed == null ? java.util.stream.Stream.empty() : removed.stream()).toList();
    }

    /** Everything else that is not breaking: chores, refactoring, performance, builds, tests, CI; or null. */
    public List<ChangeEntry> internal() {
        List<ChangeEntry> list = entries.stream().filter(e -> !e.breaking() && !List.of("feat", "fix", "security", "docs", "deprecate", "remove")
                .contains(e.type()) && !"security".equalsIgnoreCase(e.scope())).toList();
        return list.isEmpty() ? null : list;
    }

    /** Texts of {@code Highlight:} footers, or null. */
    public List<String> highlights() {
        return highlights.isEmpty() ? null : highlights;
    }

    /** Who wrote the changes, in order of their first change. */
    public List<Author> authors() {
        return authors;
    }

    /** Authors with no commit before this range; worked out when first asked. */
    public List<Author> firstTimeContributors() {
        if (firstTimers == null) {
            firstTimers = firstTimeContributors.get();
        }
        return firstTimers.isEmpty() ? null : firstTimers;
    }

    /** Image references with this version as their tag, or null when none are configured. */
    public List<String> images() {
        return release.images().isEmpty() ? null : release.images();
    }

    /** How many commits of the range are not listed (merges, release commits, exclusions, reverted pairs). */
    public int leftOut() {
        return leftOut;
    }

    private List<ChangeEntry> ofType(String type) {
        List<ChangeEntry> list = entries.stream().filter(e -> !e.breaking() && type.equals(e.type())
                && !"security".equalsIgnoreCase(e.scope())).toList();
        return list.isEmpty() ? null : list;
    }
}
