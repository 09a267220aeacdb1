package ai.brokle.release.maven;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.SubmoduleOptions;
import ai.brokle.release.goal.SubmoduleWorkflow;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Moves each SDK submodule (or one) to its SDK's newest release in one commit; with a branch,
 * pushes it and opens or updates one pull request. In a repository_dispatch run, the event's sdk
 * and version decide.
 */
@Mojo(name = "update-submodules", requiresProject = false, aggregator = true, threadSafe = true)
public class UpdateSubmodulesMojo extends AbstractRemoteMojo {
    /** Work on this submodule only (its path, or its sdk name). */
    @Parameter(property = Properties.SUBMODULE)
    private String submodule;

    /** Move submodules to pre-releases too. */
    @Parameter(property = Properties.UPDATE_SUBMODULES_PRERELEASES, defaultValue = "false")
    private boolean prereleases;

    /** Commit on this branch, push it and open or update a pull request (e.g. bot/update-sdk-submodules). */
    @Parameter(property = Properties.BRANCH)
    private String branch;

    /**
     * Merge the pull request by itself once its required checks pass (GitHub auto-merge): merge,
     * squash or rebase, the merge method. Needs "Allow auto-merge" in the repository's settings and
     * a token whose pull requests start workflows. Empty: a person merges.
     */
    @Parameter(property = Properties.AUTO_MERGE)
    private String autoMerge;

    /** The id of a settings.xml server whose password is the GitHub token; without it, GITHUB_TOKEN or GH_TOKEN. */
    @Parameter(property = Properties.GITHUB_SERVER_ID)
    private String githubServerId;

    /** Whether pre-releases count; brokle.prerelease=true (its old name here) still counts, with a warning. */
    private boolean prereleases() {
        String old = renamed("update-submodules", Properties.PRERELEASE, Properties.UPDATE_SUBMODULES_PRERELEASES);
        if (old != null && !old.trim().equalsIgnoreCase("true") && !old.trim().equalsIgnoreCase("false")) {
            throw new ai.brokle.release.ReleaseFailure(Properties.PRERELEASE + ": '" + old + "' is a pre-release channel, which update-submodules"
                    + " does not take; to move submodules to pre-releases, give -D" + Properties.UPDATE_SUBMODULES_PRERELEASES + "=true");
        }
        return prereleases || (old != null && Boolean.parseBoolean(old.trim()));
    }

    @Override
    protected Credentials credentials(Credentials base, SettingsServers servers) {
        return servers.named(super.credentials(base, servers), Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID, githubServerId);
    }

    @Override
    protected void run(ReleaseOptions options) {
        new SubmoduleWorkflow(SubmoduleOptions.of(options).withSubmodule(submodule).withPrerelease(prereleases()).withBranch(branch)
                .withAutoMerge(autoMerge)).update();
    }
}
