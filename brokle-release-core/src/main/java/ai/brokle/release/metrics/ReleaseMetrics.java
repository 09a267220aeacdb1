package ai.brokle.release.metrics;

import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.RawCommit;
import ai.brokle.release.git.ReleaseTag;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The figures of a component's releases, from its release tags and their publication records:
 * when each was tagged, how many commits it took and how long from the first of them (authored)
 * to the tag (lead time), how long from the tag to the last publication recorded, how many
 * perform runs that took, and whether it was rolled back. The same history always gives the same
 * figures.
 */
public final class ReleaseMetrics {
    /** Publication entries further apart than this belong to separate runs of perform. */
    static final long RUN_GAP_SECONDS = 15 * 60;

    /**
     * One release.
     *
     * @param tag the tag
     * @param version its version
     * @param prerelease whether it is a pre-release
     * @param tagged when it was tagged (the tagger's time, else the commit's)
     * @param commits the commits it brought (reachable from its tag and from no earlier release's, under the component's path)
     * @param leadTimeSeconds from the first of them (authored) to the tag; null without commits
     * @param publishedSeconds from the tag to the last publication its record lists; null without a record
     * @param performRuns the runs of perform its record shows (entries more than 15 minutes apart are another run); 0 without a record
     * @param rolledBack whether its record says it was rolled back
     * @param githubSeconds from the tag to its GitHub release's publication; null when GitHub was not read or has none
     */
    public record Release(String tag, String version, boolean prerelease, Instant tagged, int commits, Long leadTimeSeconds,
            Long publishedSeconds, int performRuns, boolean rolledBack, Long githubSeconds) {
        /** Whether publishing it took more than one run of perform (a run that failed, then a re-run). */
        public boolean rerun() {
            return performRuns > 1;
        }
    }

    /**
     * A component's figures.
     *
     * @param component its name
     * @param releases its releases, oldest first
     */
    public record Component(String component, List<Release> releases) {
        public Component {
            releases = List.copyOf(releases);
        }

        /** Releases per month (UTC), every month from the first release's to the last's, empty months included. */
        public Map<YearMonth, Integer> perMonth() {
            Map<YearMonth, Integer> months = new TreeMap<>();
            if (releases.isEmpty()) {
                return months;
            }
            YearMonth first = YearMonth.from(releases.get(0).tagged().atZone(ZoneOffset.UTC));
            YearMonth last = YearMonth.from(releases.get(releases.size() - 1).tagged().atZone(ZoneOffset.UTC));
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                months.put(m, 0);
            }
            releases.forEach(r -> months.merge(YearMonth.from(r.tagged().atZone(ZoneOffset.UTC)), 1, Integer::sum));
            return months;
        }

        public long stable() {
            return releases.stream().filter(r -> !r.prerelease()).count();
        }

        public long prereleases() {
            return releases.size() - stable();
        }

        /** Lead times in seconds, in release order. */
        public List<Long> leadTimes() {
            return releases.stream().map(Release::leadTimeSeconds).filter(t -> t != null).toList();
        }
    }

    private ReleaseMetrics() {
    }

    /**
     * The figures of {@code component}'s releases in {@code git}.
     *
     * @param githubPublished when each tag's GitHub release was made public, by tag; empty when GitHub was not read
     */
    public static Component of(GitRepository git, ComponentConfig component, Map<String, Instant> githubPublished) {
        List<ReleaseTag> tags = new ArrayList<>(git.releaseTags(component.tagPrefixes()));
        tags.sort(Comparator.comparing(ReleaseTag::version).thenComparing(ReleaseTag::name));
        List<ObjectId> tips = tags.stream().map(t -> git.peeledCommit(t.name())).toList();
        List<List<RawCommit>> ranges = new ArrayList<>();
        tags.forEach(t -> ranges.add(List.of()));
        if (!tips.isEmpty()) {
            git.walkSuccessiveRanges(tips, component.path(), (i, commits) -> ranges.set(i, commits));
        }
        List<Release> releases = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            ReleaseTag tag = tags.get(i);
            long tagged = git.tagTime(tag.name());
            List<RawCommit> commits = ranges.get(i);
            Long lead = commits.isEmpty() ? null : Math.max(0, tagged - commits.stream().mapToLong(RawCommit::authorTime).min().getAsLong());
            List<PublicationRecord.Entry> record = PublicationRecord.read(git, tag.name());
            boolean rolledBack = record.stream().anyMatch(e -> e.step().equals("rollback") && e.effectiveState().equals(PublicationRecord.Entry.DONE));
            List<Instant> published = record.stream().filter(e -> !e.step().startsWith("rollback"))
                    .map(e -> Instant.parse(e.at())).sorted().toList();
            Long publishedAfter = published.isEmpty() ? null : Math.max(0, published.get(published.size() - 1).getEpochSecond() - tagged);
            int runs = published.isEmpty() ? 0 : 1;
            for (int j = 1; j < published.size(); j++) {
                if (published.get(j).getEpochSecond() - published.get(j - 1).getEpochSecond() > RUN_GAP_SECONDS) {
                    runs++;
                }
            }
            Instant onGitHub = githubPublished.get(tag.name());
            releases.add(new Release(tag.name(), tag.version().toString(), tag.version().isPrerelease(), Instant.ofEpochSecond(tagged),
                    commits.size(), lead, publishedAfter, runs, rolledBack, onGitHub == null ? null : Math.max(0, onGitHub.getEpochSecond() - tagged)));
        }
        releases.sort(Comparator.comparing(Release::tagged).thenComparing(Release::tag));
        return new Component(component.name(), releases);
    }
}
