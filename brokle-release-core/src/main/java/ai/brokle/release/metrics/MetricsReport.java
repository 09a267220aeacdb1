package ai.brokle.release.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures as Markdown tables and as JSON, the same for the same history (no time of the run,
 * fixed number formats, months and releases in order).
 */
public final class MetricsReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private MetricsReport() {
    }

    /** A duration as people read it: 45m, 5h, 3.2d. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "–";
        }
        if (seconds < 3600) {
            return Math.round(seconds / 60.0) + "m";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%.1fh", seconds / 3600.0);
        }
        return String.format(Locale.ROOT, "%.1fd", seconds / 86_400.0);
    }

    /** The median of {@code values} (the lower middle of an even count), or null without any. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The nearest-rank 90th percentile, or null without any. */
    static Long p90(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.9 * sorted.size()) - 1);
    }

    static String ratio(ReleaseMetrics.Component c) {
        return c.stable() == 0 ? "–" : String.format(Locale.ROOT, "%.2f", (double) c.prereleases() / c.stable());
    }

    public static String markdown(List<ReleaseMetrics.Component> components, Map<String, List<String>> charts) {
        StringBuilder m = new StringBuilder("# Release metrics\n\nFrom the release tags and their publication records"
                + " (refs/brokle-release/published/*). Lead time: from the first commit of a release (authored) to its tag. Published:"
                + " from the tag to the last publication recorded. Re-run: publishing took more than one run of perform (recorded"
                + " publications more than 15 minutes apart).\n");
        for (ReleaseMetrics.Component c : components) {
            List<ReleaseMetrics.Release> rs = c.releases();
            List<Long> published = rs.stream().map(ReleaseMetrics.Release::publishedSeconds).filter(v -> v != null).toList();
            m.append("\n## ").append(c.component()).append("\n\n");
            m.append("| releases | stable | pre-releases | pre-releases per stable | lead time (median) | lead time (p90) | published after (median)"
                    + " | re-run | rolled back |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            m.append("| ").append(rs.size()).append(" | ").append(c.stable()).append(" | ").append(c.prereleases()).append(" | ").append(ratio(c))
                    .append(" | ").append(duration(median(c.leadTimes()))).append(" | ").append(duration(p90(c.leadTimes()))).append(" | ")
                    .append(duration(median(published))).append(" | ").append(rs.stream().filter(ReleaseMetrics.Release::rerun).count())
                    .append(" | ").append(rs.stream().filter(ReleaseMetrics.Release::rolledBack).count()).append(" |\n");
            for (String chart : charts.getOrDefault(c.component(), List.of())) {
                m.append("\n![").append(chart.replace(".svg", "")).append("](").append(chart).append(")\n");
            }
            m.append("\n| month | releases |\n| --- | --- |\n");
            for (Map.Entry<YearMonth, Integer> e : c.perMonth().entrySet()) {
                m.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
            }
            boolean github = rs.stream().anyMatch(r -> r.githubSeconds() != null);
            m.append("\n| release | tagged | commits | lead time | published after | perform runs | rolled back |")
                    .append(github ? " on GitHub after |" : "").append("\n| --- | --- | --- | --- | --- | --- | --- |")
                    .append(github ? " --- |" : "").append('\n');
            for (ReleaseMetrics.Release r : rs) {
                m.append("| ").append(r.tag()).append(r.prerelease() ? " (pre-release)" : "").append(" | ")
                        .append(DAY.format(r.tagged().atZone(java.time.ZoneOffset.UTC))).append(" | ").append(r.commits()).append(" | ")
                        .append(duration(r.leadTimeSeconds())).append(" | ").append(duration(r.publishedSeconds())).append(" | ")
                        .append(r.performRuns() == 0 ? "–" : String.valueOf(r.performRuns())).append(" | ").append(r.rolledBack() ? "yes" : "")
                        .append(" |").append(github ? " " + duration(r.githubSeconds()) + " |" : "").append('\n');
            }
        }
        return m.toString();
    }

    public static String json(List<ReleaseMetrics.Component> components) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("components");
        for (ReleaseMetrics.Component c : components) {
            ObjectNode o = list.addObject();
            o.put("component", c.component());
            ObjectNode summary = o.putObject("summary");
            List<Long> published = c.releases().stream().map(ReleaseMetrics.Release::publishedSeconds).filter(v -> v != null).toList();
            summary.put("releases", c.releases().size());
            summary.put("stable", c.stable());
            summary.put("prereleases", c.prereleases());
            if (c.stable() > 0) {
                summary.put("prereleasesPerStable", Math.round(100.0 * c.prereleases() / c.stable()) / 100.0);
            }
            putNullable(summary, "leadTimeMedianSeconds", median(c.leadTimes()));
            putNullable(summary, "leadTimeP90Seconds", p90(c.leadTimes()));
            putNullable(summary, "publishedAfterMedianSeconds", median(published));
            summary.put("rerun", c.releases().stream().filter(ReleaseMetrics.Release::rerun).count());
            summary.put("rolledBack", c.releases().stream().filter(ReleaseMetrics.Release::rolledBack).count());
            ObjectNode months = o.putObject("perMonth");
            c.perMonth().forEach((k, v) -> months.put(k.toString(), v));
            ArrayNode releases = o.putArray("releases");
            for (ReleaseMetrics.Release r : c.releases()) {
                ObjectNode x = releases.addObject();
                x.put("tag", r.tag());
                x.put("version", r.version());
                x.put("prerelease", r.prerelease());
                x.put("tagged", r.tagged().toString());
                x.put("commits", r.commits());
                putNullable(x, "leadTimeSeconds", r.leadTimeSeconds());
                putNullable(x, "publishedAfterSeconds", r.publishedSeconds());
                x.put("performRuns", r.performRuns());
                x.put("rolledBack", r.rolledBack());
                putNullable(x, "onGitHubAfterSeconds", r.githubSeconds());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putNullable(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
