package ai.brokle.release.maven;

import ai.brokle.release.GoalCommands;
import ai.brokle.release.Problem;
import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Redactor;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every goal shares: the common {@code brokle.*} parameters, running once per build at the
 * execution root, and the one place where core exceptions become Maven's.
 */
public abstract class AbstractReleaseMojo extends AbstractMojo {
    /** Work on this component only (a name under {@code components} in .brokle-release.yml). */
    @Parameter(property = Properties.COMPONENT)
    protected String component;

    /** Skip this goal. */
    @Parameter(property = Properties.SKIP, defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Component
    private SettingsDecrypter decrypter;

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
        // every secret the goal is handed is hidden from then on in the log, at every level, and in the failure
        Redactor redactor = new Redactor();
        try {
            Credentials masked = Credentials.none().redacting(redactor).masking(new GitHubActions(System.getenv(), System.out)::mask);
            run(ReleaseOptions.of(baseDirectory().toPath()).withComponent(component).withEnvironment(System.getenv())
                    .withLog(new MavenReleaseLog(getLog(), redactor, "1".equals(System.getenv("RUNNER_DEBUG")) ? System.out : null))
                    .withCommands(commands()).withOffline(session != null && session.isOffline())
                    .withCredentials(credentials(masked, new SettingsServers(() -> session.getSettings(), decrypter))));
        } catch (ReleaseFailure e) {
            new GitHubActions(System.getenv(), System.out).errors(e.located().stream()
                    .map(p -> new Problem(redactor.redact(p.text()), p.file(), p.line())).toList());
            String message = redactor.redact(e.getMessage());
            throw message.equals(e.getMessage()) ? new MojoFailureException(message, e) : new MojoFailureException(message);
        } catch (ReleaseError e) {
            String message = redactor.redact(e.getMessage());
            throw message.equals(e.getMessage()) ? new MojoExecutionException(message, e) : new MojoExecutionException(message);
        }
    }

    /**
     * How the commands in messages are written: the short prefix where Maven finds it (the project
     * declares the plugin, or ai.brokle is a plugin group of the settings), else the coordinates.
     */
    GoalCommands commands() {
        if (plugin == null) {
            return GoalCommands.SHORT;
        }
        boolean declared = project.getBuildPlugins().stream().anyMatch(p -> p.getGroupId().equals(plugin.getGroupId())
                && p.getArtifactId().equals(plugin.getArtifactId()));
        boolean grouped = session != null && session.getSettings().getPluginGroups().contains(plugin.getGroupId());
        if (declared || grouped) {
            return GoalCommands.SHORT;
        }
        return GoalCommands.coordinates(plugin.getGroupId(), plugin.getArtifactId(), plugin.getVersion());
    }

    private File baseDirectory() {
        File basedir = project.getBasedir();
        return basedir != null ? basedir : new File(session.getExecutionRootDirectory());
    }

    /**
     * The value given under {@code oldName}, a property that meant something else in this goal and
     * is kept for one release: a warning names the new one. Null when it is not given.
     */
    protected String renamed(String goal, String oldName, String newName) {
        String value = session.getUserProperties().getProperty(oldName);
        if (value != null) {
            getLog().warn("-D" + oldName + " is deprecated for " + goal + ": use -D" + newName + " (the old name stops working in the next"
                    + " release)");
        }
        return value;
    }

    /** The secrets of the goal: {@code base} with the settings.xml servers the goal's parameters name. */
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return base;
    }

    /** The goal's one call into the core. */
    protected abstract void run(ReleaseOptions options);
}
