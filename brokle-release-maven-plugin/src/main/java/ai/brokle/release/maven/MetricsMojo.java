package ai.brokle.release.maven;

import ai.brokle.release.goal.MetricsWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Release metrics per component, from the release tags and the publication records of this clone:
 * releases per month, lead time (first commit to tag), time from tag to published, re-run and
 * rolled-back releases, pre-releases per stable release; as Markdown tables, JSON and SVG charts.
 */
@Mojo(name = "metrics", requiresProject = false, aggregator = true, threadSafe = true)
public class MetricsMojo extends AbstractReleaseMojo {
    /** Where the metrics are written: metrics.md, metrics.json and the charts (relative to the base directory). */
    @Parameter(property = Properties.METRICS_DIRECTORY, defaultValue = MetricsWorkflow.DEFAULT_DIRECTORY)
    private String directory;

    @Override
    protected void run(ReleaseOptions options) {
        new MetricsWorkflow(options, directory).execute();
    }
}
