package ai.brokle.release.maven;

import ai.brokle.release.goal.InitOptions;
import ai.brokle.release.goal.InitWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets a repository up for brokle-release: detects its layout (pom.xml, package.json workspaces
 * and .changeset/, pyproject.toml and its version module, .gitmodules, cmd/ commands, existing tags
 * and their prefixes, CHANGELOG.md) and writes a commented .brokle-release.yml and the GitHub
 * Actions workflows of its kind (platform release on tag with binaries, images and perform;
 * submodule validation and updates; Python SDK publish with Trusted Publishing; JavaScript SDK
 * release with change files). Never replaces an existing file unless forced.
 */
@Mojo(name = "init", requiresProject = false, aggregator = true, threadSafe = true)
public class InitMojo extends AbstractReleaseMojo {
    /** Replace files that exist already. */
    @Parameter(property = Properties.FORCE, defaultValue = "false")
    private boolean force;

    /** Print the files instead of writing them. */
    @Parameter(property = Properties.DRY_RUN, defaultValue = "false")
    private boolean dryRun;

    /** The plugin the workflows call: this plugin, at this version. */
    @Parameter(defaultValue = "${plugin.groupId}:${plugin.artifactId}:${plugin.version}", readonly = true)
    private String coordinates;

    @Override
    protected void run(ReleaseOptions options) {
        new InitWorkflow(new InitOptions(options, coordinates, force, dryRun), System.out).execute();
    }
}
