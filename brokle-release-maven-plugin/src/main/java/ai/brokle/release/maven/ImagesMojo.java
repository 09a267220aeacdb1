package ai.brokle.release.maven;

import ai.brokle.release.goal.PerformOptions;
import ai.brokle.release.goal.PublishImagesWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the container images of a release tag's component with Jib (every platform, no Docker
 * daemon) into OCI layouts under {@code target/brokle-release/images}, and pushes each, once built,
 * to all its repositories under the tags its version earns (X.Y.Z; X.Y, X and latest when it is
 * the highest of that line). Registry logins come from settings.xml servers (id: the registry
 * host, or {@code registries.<host>.serverId}), environment variables or a Docker config.json.
 */
@Mojo(name = "images", requiresProject = false, aggregator = true, threadSafe = true)
public class ImagesMojo extends AbstractRemoteMojo {
    /** The release tag; without it, GITHUB_REF (refs/tags/...) of the workflow run. */
    @Parameter(property = Properties.TAG)
    private String tag;

    /** Print what would be pushed after building the images into their OCI layouts, and push nothing (a registry is only read, for a push the publication record holds). */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    @Override
    protected void run(ReleaseOptions options) {
        new PublishImagesWorkflow(PerformOptions.of(options).withTag(tag).withDryRun(dryRun)).execute();
    }
}
