package ai.brokle.release.maven;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.github.GitHubActions;
import ai.brokle.release.workflow.ReleaseOptions;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the common {@code brokle.*} parameters, running once per build at the
 * execution root, and the one place where core exceptions become Maven's.
 */
public abstract class AbstractReleaseMojo extends AbstractMojo {
    /** Work on this component only (a name under {@code components} in .brokle-release.yml). */
    @Parameter(property = "brokle.component")
    protected String component;

    /** Skip this goal. */
    @Parameter(property = "brokle.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (brokle.skip=true)");
            return;
        }
        if (!project.isExecutionRoot()) {
            getLog().debug("Runs once per build, at the execution root; nothing to do in " + project.getArtifactId());
            return;
        }
        try {
            run(ReleaseOptions.of(baseDirectory().toPath()).withComponent(component)
                    .withEnvironment(System.getenv()).withLog(new MavenReleaseLog(getLog())));
        } catch (ReleaseFailure e) {
            new GitHubActions(System.getenv(), System.out).errors(e.problems());
            throw new MojoFailureException(e.getMessage(), e);
        } catch (ReleaseError e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private File baseDirectory() {
        File basedir = project.getBasedir();
        return basedir != null ? basedir : new File(session.getExecutionRootDirectory());
    }

    /** The goal's one call into the core. */
    protected abstract void run(ReleaseOptions options);
}
