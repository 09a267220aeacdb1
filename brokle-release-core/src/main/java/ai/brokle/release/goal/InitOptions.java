package ai.brokle.release.goal;

import ai.brokle.release.plan.Mode;

/**
 * @param release the common options
 * @param plugin the plugin's coordinates the workflows call, {@code ai.brokle:brokle-release-maven-plugin:<version>}
 * @param force {@code brokle.force}: replace existing files
 * @param dryRun print the files instead of writing them
 */
public record InitOptions(ReleaseOptions release, String plugin, boolean force, boolean dryRun) {
    /** How the goal runs: {@code brokle.dryRun} prints the files instead of writing them. */
    public Mode mode() {
        return Mode.of(dryRun);
    }

}
