package ai.brokle.release.maven;

import ai.brokle.release.goal.ChangelogOptions;
import ai.brokle.release.goal.ChangelogWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders a component's changes as a Keep a Changelog section or as release notes, to the console
 * or a file; merges a section into an existing changelog; or regenerates a whole changelog from
 * every release tag.
 */
@Mojo(name = "changelog", requiresProject = false, aggregator = true, threadSafe = true)
public class ChangelogMojo extends AbstractVersionMojo {
    /** Where the range starts, excluded: a tag, branch or commit. Default: the release before the range's end. */
    @Parameter(property = Properties.FROM)
    private String from;

    /** Where the range ends: a tag, branch or commit. Default: HEAD (its version is the planned next one). */
    @Parameter(property = Properties.TO)
    private String to;

    /** What to render: changelog (a Keep a Changelog section) or notes (release notes from the template). */
    @Parameter(property = Properties.FORMAT, defaultValue = "changelog")
    private String format;

    /**
     * The file to write instead of the console. A changelog section is merged into an existing file
     * (nothing else in it changes); a missing file is created with the Keep a Changelog header.
     */
    @Parameter(property = Properties.OUTPUT)
    private File output;

    /** Regenerate a whole changelog, one section per release tag (for a project adopting the plugin). */
    @Parameter(property = Properties.CHANGELOG_FULL, defaultValue = "false")
    private boolean full;

    @Override
    protected void run(ReleaseOptions options) {
        new ChangelogWorkflow(ChangelogOptions.of(withVersionRequest(options), System.out).withRange(from, to).withFormat(format)
                .withOutput(output == null ? null : output.toPath()).withFull(full)).execute();
    }
}
