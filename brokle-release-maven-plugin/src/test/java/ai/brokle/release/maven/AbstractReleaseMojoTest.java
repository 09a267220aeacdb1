package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbstractReleaseMojoTest {
    @TempDir
    Path dir;

    /** A goal whose one call into the core is the given action. */
    private static final class ProbeMojo extends AbstractReleaseMojo {
        private final Consumer<ReleaseOptions> action;

        ProbeMojo(Consumer<ReleaseOptions> action, MavenProject project, String component) {
            this.action = action;
            this.project = project;
            this.component = component;
        }

        @Override
        protected void run(ReleaseOptions options) {
            action.accept(options);
        }
    }

    private MavenProject project(boolean executionRoot) {
        MavenProject project = new MavenProject();
        project.setFile(new File(dir.toFile(), "pom.xml"));
        project.setExecutionRoot(executionRoot);
        return project;
    }

    @Test
    void aFailureOfInputBecomesABuildFailureWithEveryProblem() {
        ReleaseFailure failure = new ReleaseFailure("Release validation failed with 2 problems", List.of("one", "two"));
        ProbeMojo mojo = new ProbeMojo(o -> {
            throw failure;
        }, project(true), null);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(failure.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("  - one") && e.getMessage().contains("  - two"), e.getMessage());
        assertSame(failure, e.getCause());
    }

    @Test
    void anEnvironmentErrorBecomesABuildError() {
        ReleaseError error = new ReleaseError("Cannot read the tags of /repo/.git: disk on fire");
        ProbeMojo mojo = new ProbeMojo(o -> {
            throw error;
        }, project(true), null);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(error.getMessage(), e.getMessage());
        assertSame(error, e.getCause());
    }

    @Test
    void passesTheProjectDirectoryAndTheComponentToTheCore() throws Exception {
        ReleaseOptions[] seen = new ReleaseOptions[1];
        new ProbeMojo(o -> seen[0] = o, project(true), "python").execute();
        assertEquals(dir, seen[0].baseDirectory());
        assertEquals("python", seen[0].component());
        assertEquals(System.getenv(), seen[0].environment());
    }

    @Test
    void runsOnlyAtTheExecutionRootAndCanBeSkipped() throws Exception {
        boolean[] ran = {false};
        new ProbeMojo(o -> ran[0] = true, project(false), null).execute();
        assertFalse(ran[0], "a module of a reactor does not run the goal again");
        ProbeMojo skipped = new ProbeMojo(o -> ran[0] = true, project(true), null);
        skipped.skip = true;
        skipped.execute();
        assertFalse(ran[0], "brokle.skip=true");
    }

    @Test
    void noSecretTheGoalWasHandedIsShownInTheLogOrTheFailureAtAnyLevel() {
        String secret = "pypi-AgEIcHlwaS5vcmc-secret-token";
        String basic = java.util.Base64.getEncoder().encodeToString(("__token__:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>();
        ProbeMojo mojo = new ProbeMojo(o -> {
            o.credentials().masked(secret);
            o.log().info("uploading with " + secret);
            o.log().debug("request header Authorization: Basic " + basic);
            // an index that echoes the request's headers in its error body
            throw new ReleaseFailure("POST /legacy/ answered 400 (Authorization: Basic " + basic + ")");
        }, project(true), null);
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public boolean isDebugEnabled() {
                return true;
            }

            @Override
            public void debug(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                lines.add(content.toString());
            }
        });
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of("uploading with ****", "request header Authorization: Basic ****"), lines);
        assertEquals("POST /legacy/ answered 400 (Authorization: Basic ****)", e.getMessage());
        assertEquals(null, e.getCause(), "the original failure, which holds the secret, is not attached for -e to print");
    }

    @Test
    void suggestedCommandsUseTheShortPrefixWhereMavenFindsItElseTheCoordinates() {
        org.apache.maven.plugin.descriptor.PluginDescriptor descriptor = new org.apache.maven.plugin.descriptor.PluginDescriptor();
        descriptor.setGroupId("ai.brokle");
        descriptor.setArtifactId("brokle-release-maven-plugin");
        descriptor.setVersion("0.2.0");
        ProbeMojo bare = new ProbeMojo(o -> { }, project(true), null);
        bare.plugin = descriptor;
        assertEquals("mvn ai.brokle:brokle-release-maven-plugin:0.2.0:rollback", bare.commands().of("rollback"),
                "no POM declaring the plugin and no plugin group: the coordinates");
        MavenProject declaring = project(true);
        org.apache.maven.model.Plugin declared = new org.apache.maven.model.Plugin();
        declared.setGroupId("ai.brokle");
        declared.setArtifactId("brokle-release-maven-plugin");
        declaring.getBuild().addPlugin(declared);
        ProbeMojo inPom = new ProbeMojo(o -> { }, declaring, null);
        inPom.plugin = descriptor;
        assertEquals("mvn brokle-release:rollback", inPom.commands().of("rollback"));
    }
}
