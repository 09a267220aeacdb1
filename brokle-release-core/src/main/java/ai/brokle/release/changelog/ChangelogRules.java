package ai.brokle.release.changelog;

import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.config.ChangelogConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which commits a changelog lists and under which Keep a Changelog section: the commit type map
 * (configurable per component) and what is left out.
 */
public final class ChangelogRules {
    public static final String BREAKING = "Breaking changes";
    public static final String ADDED = "Added";
    public static final String CHANGED = "Changed";
    public static final String DEPRECATED = "Deprecated";
    public static final String REMOVED = "Removed";
    public static final String FIXED = "Fixed";
    public static final String SECURITY = "Security";
    /** Keep a Changelog's own order; titles of other sections follow in the order they are configured. */
    static final List<String> STANDARD_ORDER = List.of(ADDED, CHANGED, DEPRECATED, REMOVED, FIXED, SECURITY);

    private static final Map<String, String> DEFAULT_SECTIONS = defaultSections();
    /** chore(release): ..., chore: release v1.2.0, chore: bump version to 1.2.0 */
    private static final Pattern RELEASE_COMMIT = Pattern.compile(
            "^chore(?:\\(release\\)!?:.*|(?:\\([^)]*\\))?!?:\\s*(?:release\\b|bump version\\b).*)", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> sections;
    private final List<String> order;
    private final List<String> excludedTypes;
    private final List<String> excludedScopes;
    private final List<Pattern> excludedMessages;

    private ChangelogRules(Map<String, String> sections, List<String> excludedTypes, List<String> excludedScopes, List<Pattern> excludedMessages) {
        this.sections = sections;
        this.excludedTypes = excludedTypes;
        this.excludedScopes = excludedScopes;
        this.excludedMessages = excludedMessages;
        List<String> titles = new ArrayList<>(STANDARD_ORDER);
        sections.values().forEach(t -> {
            if (!titles.contains(t)) {
                titles.add(t);
            }
        });
        this.order = List.copyOf(titles);
    }

    public static ChangelogRules defaults() {
        return new ChangelogRules(DEFAULT_SECTIONS, List.of(), List.of(), List.of());
    }

    /** The rules a component's configuration gives: its section map replaces the default one. */
    public static ChangelogRules of(ChangelogConfig config) {
        return new ChangelogRules(config.sections() == null ? DEFAULT_SECTIONS : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config.sections())),
                config.excludedTypes(), config.excludedScopes(), config.excludedMessages());
    }

    private static Map<String, String> defaultSections() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("feat", ADDED);
        map.put("perf", CHANGED);
        map.put("refactor", CHANGED);
        map.put("revert", CHANGED);
        map.put("deprecate", DEPRECATED);
        map.put("remove", REMOVED);
        map.put("fix", FIXED);
        map.put("security", SECURITY);
        return map;
    }

    /** Why a commit is left out of the changelog and the notes, or null when it is kept. */
    public String exclusion(ConventionalCommit commit) {
        if (commit.merge()) {
            return "merge commit";
        }
        if (commit.header().regionMatches(true, 0, "chore", 0, 5) && RELEASE_COMMIT.matcher(commit.header()).matches()) {
            return "release commit";
        }
        if (!commit.isConventional()) {
            return "not a conventional commit";
        }
        if (excludedTypes.contains(commit.type())) {
            return "type " + commit.type() + " is excluded";
        }
        if (commit.scope() != null && excludedScopes.contains(commit.scope())) {
            return "scope " + commit.scope() + " is excluded";
        }
        for (Pattern p : excludedMessages) {
            if (p.matcher(commit.header()).find()) {
                return "message matches " + p.pattern();
            }
        }
        return null;
    }

    /**
     * The Keep a Changelog section of a kept, non-breaking commit: Security for a security type
     * or scope, else what its type maps to; null when its type has no section.
     */
    public String sectionOf(ConventionalCommit commit) {
        if ("security".equals(commit.type()) || "security".equalsIgnoreCase(commit.scope())) {
            return SECURITY;
        }
        return sections.get(commit.type());
    }

    /** Section titles in the order a changelog lists them (after the breaking changes). */
    public List<String> sectionOrder() {
        return order;
    }
}
