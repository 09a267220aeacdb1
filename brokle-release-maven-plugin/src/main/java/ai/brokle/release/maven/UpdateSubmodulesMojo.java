package ai.brokle.release.maven;

import ai.brokle.release.submodules.SubmoduleOptions;
import ai.brokle.release.submodules.SubmoduleWorkflow;
import ai.brokle.release.workflow.ReleaseOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves each SDK submodule (or one) to its SDK's newest release in one commit; with a branch,
 * pushes it and opens or updates one pull request. In a repository_dispatch run, the event's sdk
 * and version decide.
 */
@Mojo(name = "update-submodules", requiresProject = false, aggregator = true, threadSafe = true)
public class UpdateSubmodulesMojo extends AbstractRemoteMojo {
    /** Update this submodule only (its path, or its sdk name). */
    @Parameter(property = "brokle.submodule")
    private String submodule;

    /** Move to pre-releases too. */
    @Parameter(property = "brokle.prerelease", defaultValue = "false")
    private boolean prerelease;

    /** Commit on this branch, push it and open or update a pull request (e.g. bot/update-sdk-submodules). */
    @Parameter(property = "brokle.branch")
    private String branch;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = "brokle.githubServerId")
    private String githubServerId;

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(withGitServer(options))
                .withSubmodule(submodule).withPrerelease(prerelease).withBranch(branch)
                .withGithubToken(token("brokle.githubServerId", githubServerId, GitServer.GITHUB))).update();
    }
}
