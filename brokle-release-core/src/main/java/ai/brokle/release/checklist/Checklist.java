package ai.brokle.release.checklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The release checklists of the strategy (§9), one per kind of repository. Each item has a key: the
 * ones this tool can check itself say how ({@link Check}); the others are ticked only when the
 * pipeline vouches for them ({@code brokle.passed=tests,security}).
 */
public enum Checklist {
    PLATFORM("Platform release checklist"),
    PYTHON("Python SDK release checklist"),
    JAVASCRIPT("JavaScript SDK release checklist");

    /** How an item is verified. */
    public enum Check {
        /** Only the pipeline can say (brokle.passed). */
        PASSED,
        /** The changelog has a section for the version. */
        CHANGELOG,
        /** Every version file carries the version. */
        VERSION_FILES,
        /** The release tag exists. */
        TAG,
        /** The release commit is on the release branch. */
        ON_RELEASE_BRANCH,
        /** The publication record names one of the steps. */
        PUBLISHED
    }

    /**
     * One line of a checklist.
     *
     * @param section Pre-Release, Release, Post-Release
     * @param key what {@code brokle.passed} names it by
     * @param text the line; {@code {{tag}}}, {@code {{version}}}, {@code {{versionFiles}}}, {@code {{package}}}, {@code {{install}}} and
     *     {@code {{index}}} are filled in
     * @param check how it is verified
     * @param steps for {@link Check#PUBLISHED}: the publication record's steps that tick it (any of them)
     */
    public record Item(String section, String key, String text, Check check, List<String> steps) {
    }

    private final String title;

    Checklist(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static final String PRE = "Pre-Release";
    public static final String RELEASE = "Release";
    public static final String POST = "Post-Release";

    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        switch (this) {
            case PLATFORM -> {
                items.add(passed(PRE, "tests", "All tests passing"));
                items.add(passed(PRE, "migrations", "Migrations tested (up + down)"));
                items.add(new Item(PRE, "changelog", "CHANGELOG.md updated", Check.CHANGELOG, List.of()));
                items.add(new Item(PRE, "version-files", "Version bumped in appropriate files", Check.VERSION_FILES, List.of()));
                items.add(passed(PRE, "security", "Security scan clean"));
                items.add(passed(PRE, "docs", "Documentation updated"));
                items.add(passed(PRE, "breaking-changes", "Breaking changes documented"));
                items.add(new Item(RELEASE, "tag", "Tag created: `{{tag}}`", Check.TAG, List.of()));
                items.add(passed(RELEASE, "ci", "CI/CD pipeline passed"));
                items.add(new Item(RELEASE, "images", "Docker images pushed", Check.PUBLISHED, List.of("images")));
                items.add(new Item(RELEASE, "github-release", "GitHub release created", Check.PUBLISHED, List.of("github-release")));
                items.add(new Item(RELEASE, "release-notes", "Release notes published", Check.PUBLISHED, List.of("github-release")));
                items.add(passed(POST, "staging", "Staging deployment verified"));
                items.add(passed(POST, "production", "Production deployment scheduled"));
                items.add(passed(POST, "monitoring", "Monitoring dashboards checked"));
                items.add(new Item(POST, "notified", "Team notified (Slack/Discord)", Check.PUBLISHED, List.of("slack", "discord")));
                items.add(passed(POST, "docs-site", "Documentation site updated"));
            }
            case PYTHON -> {
                items.add(new Item(PRE, "version-files", "Version updated in {{versionFiles}}", Check.VERSION_FILES, List.of()));
                items.add(new Item(PRE, "changelog", "CHANGELOG.md updated", Check.CHANGELOG, List.of()));
                items.add(passed(PRE, "tests", "All tests passing (Python 3.9-3.12)"));
                items.add(passed(PRE, "integration", "Integration tests with Brokle server passed"));
                items.add(passed(PRE, "typecheck", "Type checking passed (mypy)"));
                items.add(passed(PRE, "docs", "Documentation updated"));
                items.add(passed(PRE, "readme", "README.md examples verified"));
                items.add(new Item(RELEASE, "tag", "Tag created: `{{tag}}`", Check.TAG, List.of()));
                items.add(new Item(RELEASE, "pypi", "{{index}} package published", Check.PUBLISHED, List.of("pypi")));
                items.add(new Item(RELEASE, "github-release", "GitHub release created", Check.PUBLISHED, List.of("github-release")));
                items.add(new Item(RELEASE, "release-notes", "Release notes generated", Check.PUBLISHED, List.of("github-release")));
                items.add(passed(POST, "install", "Test installation: `{{install}}`"));
                items.add(passed(POST, "verify", "Verify on Python 3.9, 3.11, 3.12"));
                items.add(passed(POST, "docs-site", "Documentation site updated"));
                items.add(passed(POST, "examples", "Example code tested"));
            }
            case JAVASCRIPT -> {
                items.add(new Item(PRE, "changesets", "Changesets created for all changes", Check.CHANGELOG, List.of()));
                items.add(passed(PRE, "tests", "All tests passing (Node 18, 20, 22)"));
                items.add(passed(PRE, "build", "Build successful for all packages"));
                items.add(passed(PRE, "typecheck", "Type checking passed"));
                items.add(passed(PRE, "integration", "Integration tests passed"));
                items.add(passed(PRE, "docs", "Documentation updated"));
                items.add(passed(RELEASE, "review", "\"Version Packages\" PR reviewed"));
                items.add(new Item(RELEASE, "version-files", "Versions and CHANGELOGs correct", Check.VERSION_FILES, List.of()));
                items.add(new Item(RELEASE, "merged", "PR merged to main", Check.ON_RELEASE_BRANCH, List.of()));
                items.add(new Item(RELEASE, "npm", "npm packages published automatically", Check.PUBLISHED, List.of("npm")));
                items.add(new Item(RELEASE, "tag", "Git tags created", Check.TAG, List.of()));
                items.add(passed(POST, "install", "Test installation: `{{install}}`"));
                items.add(passed(POST, "verify", "Verify on Node 18, 20, 22"));
                items.add(passed(POST, "docs-site", "Documentation site updated"));
                items.add(passed(POST, "examples", "Example code tested"));
            }
            default -> throw new IllegalStateException(name());
        }
        return items;
    }

    private static Item passed(String section, String key, String text) {
        return new Item(section, key, text, Check.PASSED, List.of());
    }
}
