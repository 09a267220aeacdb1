package ai.brokle.release.goal;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changelog.ReleaseHistory;
import ai.brokle.release.changelog.RepositoryLinks;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.publish.github.GitHubClient;
import ai.brokle.release.publish.github.GitHubRelease;
import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.metrics.MetricsReport;
import ai.brokle.release.metrics.ReleaseMetrics;
import ai.brokle.release.metrics.SvgCharts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code metrics} goal: per component, releases per month, lead time (first commit to tag),
 * time from tag to published, re-run and rolled-back releases, pre-releases per stable release;
 * written as {@code metrics.md} (tables, with the charts), {@code metrics.json} and two SVG charts
 * per component (cadence, lead-time distribution). Reads only this clone: its tags and its
 * publication records.
 */
public final class MetricsWorkflow {
    public static final String DEFAULT_DIRECTORY = "target/brokle-release/metrics";

    private final ReleaseOptions options;
    private final Path directory;

    /** @param directory where the files go; relative to the base directory; null for {@value #DEFAULT_DIRECTORY} */
    public MetricsWorkflow(ReleaseOptions options, String directory) {
        this.options = options;
        this.directory = options.baseDirectory().resolve(directory == null || directory.isBlank() ? DEFAULT_DIRECTORY : directory);
    }

    /** The figures, after writing them. */
    public List<ReleaseMetrics.Component> execute() {
        ReleaseLog log = options.log();
        try (GitRepository git = GitRepository.open(options.baseDirectory())) {
            ReleaseConfig config = ConfigLoader.load(git.workTree());
            List<ComponentConfig> selected = config.select(options.component());
            List<ReleaseMetrics.Component> components = new ArrayList<>();
            Map<String, List<String>> charts = new LinkedHashMap<>();
            Files.createDirectories(directory);
            Map<String, Instant> github = github(git, config, log);
            for (ComponentConfig c : selected) {
                ReleaseMetrics.Component figures = ReleaseMetrics.of(git, c, github);
                components.add(figures);
                String cadence = "cadence-" + c.name() + ".svg";
                String lead = "lead-time-" + c.name() + ".svg";
                write(cadence, SvgCharts.cadence(figures));
                write(lead, SvgCharts.leadTime(figures));
                charts.put(c.name(), List.of(cadence, lead));
                log.info("[metrics] " + c.name() + ": " + figures.releases().size() + " releases (" + figures.stable() + " stable, "
                        + figures.prereleases() + " pre-releases), " + figures.perMonth().size() + " months");
            }
            write("metrics.md", MetricsReport.markdown(components, charts));
            write("metrics.json", MetricsReport.json(components));
            log.info("[metrics] wrote " + directory.resolve("metrics.md") + ", metrics.json and " + 2 * components.size() + " charts");
            return components;
        } catch (IOException e) {
            throw new ReleaseError("Cannot write the metrics under " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * When each release tag's GitHub release was made public, when a token and the repository are
     * at hand (else nothing, said once); a GitHub that cannot be read is a warning, not a failure.
     */
    private Map<String, Instant> github(GitRepository git, ReleaseConfig config, ReleaseLog log) {
        Map<String, Instant> published = new LinkedHashMap<>();
        RepositoryLinks links = ReleaseHistory.links(config, git);
        String repository = GitHubEnvironment.repository(config.github(), ReleaseTarget.fromWebAddress(links == null ? null : links.base()),
                options);
        Optional<String> token = options.credentials().token(Credentials.Purpose.GITHUB);
        if (repository == null || token.isEmpty() || options.offline()) {
            log.info("[metrics] GitHub releases not read (" + (repository == null ? "no GitHub repository known" : options.offline() ? "offline"
                    : "no GITHUB_TOKEN") + "): the figures come from the tags and the publication records");
            return published;
        }
        try {
            for (GitHubRelease r : new GitHubClient(GitHubEnvironment.apiUrl(config.github(), options), token.get(), log).releases(repository)) {
                if (r.publishedAt() != null) {
                    published.put(r.tag(), Instant.parse(r.publishedAt()));
                }
            }
            log.info("[metrics] read " + published.size() + " published GitHub releases of " + repository);
        } catch (ReleaseError | java.time.format.DateTimeParseException e) {
            log.warn("[metrics] GitHub releases of " + repository + " not read (" + e.getMessage() + "); the figures come from the tags and the"
                    + " publication records");
        }
        return published;
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }
}
