package ai.brokle.release.changelog;

import ai.brokle.release.commits.ConventionalCommitParser;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.git.CommitHistory;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.version.SemVer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A component's changes read from its history: one range, or every release from the first tag.
 */
public final class ChangeHistory {
    private final GitRepository git;
    private final ComponentConfig component;
    private final ChangelogRules rules;
    private final RepositoryLinks links;
    private final String title;
    private final ConventionalCommitParser parser = new ConventionalCommitParser();

    public ChangeHistory(GitRepository git, ComponentConfig component, RepositoryLinks links) {
        this.git = git;
        this.component = component;
        this.rules = ChangelogRules.of(component.changelog());
        this.links = links;
        String configured = component.releaseNotes().title();
        this.title = configured != null ? configured : component.name();
    }

    /**
     * The end of a range: the commit, and the release it is (version and tag) or null for
     * changes not released, with the date and the ref name for links.
     */
    public record End(ObjectId commit, String version, String tag, String date, String ref) {
    }

    /** The start of a range: a commit and the release tag it is, or nulls for the whole history. */
    public record Start(ObjectId commit, String tag, String version) {
        public static final Start BEGINNING = new Start(null, null, null);
    }

    /** The changes from {@code start} (excluded) to {@code end}. */
    public ReleaseChanges range(Start start, End end) {
        ChangeCollector collector = new ChangeCollector(rules, links, parser);
        try (CommitHistory.Walker walker = git.historyWalker(component.path())) {
            walker.walk(end.commit(), start.commit() == null ? List.of() : List.of(start.commit()), collector::add);
        }
        ReleaseChanges.Release release = release(end, start.tag(), start.version());
        ReleaseChanges[] changes = new ReleaseChanges[1];
        changes[0] = collector.build(release, () -> firstTimers(changes[0].authors(), start));
        return changes[0];
    }

    /**
     * Every release's changes, oldest first, given to {@code consumer} one at a time: one per
     * stable release tag, whose range starts at the stable release before it (its pre-releases
     * fold into it), then one per pre-release newer than the latest stable release.
     *
     * @return how many releases were given
     */
    public int releases(Consumer<ReleaseChanges> consumer) {
        List<ReleaseTag> tags = new ArrayList<>(git.releaseTags(component.tagPrefixes()));
        tags.sort(Comparator.comparing(ReleaseTag::version));
        SemVer latestStable = null;
        for (ReleaseTag t : tags) {
            if (!t.version().isPrerelease()) {
                latestStable = t.version();
            }
        }
        List<ReleaseTag> releases = new ArrayList<>();
        List<ObjectId> tips = new ArrayList<>();
        for (ReleaseTag tag : tags) {
            boolean folded = tag.version().isPrerelease() && latestStable != null && tag.version().compareTo(latestStable) < 0;
            ObjectId commit = folded ? null : git.peeledCommit(tag.name());
            if (commit != null) {
                releases.add(tag);
                tips.add(commit);
            }
        }
        List<String> dates = releases.stream().map(t -> date(git.tagTime(t.name()))).toList();
        Set<String> knownAuthors = new HashSet<>();
        git.walkSuccessiveRanges(tips, component.path(), (index, commits) -> {
            ReleaseTag tag = releases.get(index);
            ReleaseTag previous = index == 0 ? null : releases.get(index - 1);
            ChangeCollector collector = new ChangeCollector(rules, links, parser);
            commits.forEach(collector::add);
            End end = new End(tips.get(index), tag.version().toString(), tag.name(), dates.get(index), tag.name());
            ReleaseChanges changes = collector.build(release(end, previous == null ? null : previous.name(),
                    previous == null ? null : previous.version().toString()), null);
            Set<String> knownBefore = Set.copyOf(knownAuthors);
            commits.forEach(raw -> knownAuthors.add(raw.authorEmail().toLowerCase(Locale.ROOT)));
            consumer.accept(changes.withFirstTimeContributors(changes.authors().stream()
                    .filter(a -> !knownBefore.contains(a.email().toLowerCase(Locale.ROOT))).toList()));
        });
        return releases.size();
    }

    /** Authors of the range with no commit reachable from its start. */
    private List<Author> firstTimers(List<Author> authors, Start start) {
        Set<String> before = new HashSet<>();
        if (start.commit() != null) {
            try (CommitHistory.Walker walker = git.historyWalker(component.path())) {
                walker.walk(start.commit(), List.of(), raw -> before.add(raw.authorEmail().toLowerCase(Locale.ROOT)));
            }
        }
        return authors.stream().filter(a -> !before.contains(a.email().toLowerCase(Locale.ROOT))).toList();
    }

    private ReleaseChanges.Release release(End end, String previousTag, String previousVersion) {
        List<String> images = end.version() == null ? List.of()
                : component.images().stream().map(i -> i + ":" + end.version()).toList();
        return new ReleaseChanges.Release(component.name(), title, end.version(), end.tag(), previousVersion, previousTag, end.date(),
                end.ref(), links, images);
    }

    /** A date as changelogs write it, in UTC. */
    public static String date(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
