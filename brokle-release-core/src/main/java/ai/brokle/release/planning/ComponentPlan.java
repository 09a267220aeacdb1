package ai.brokle.release.planning;

import ai.brokle.release.commits.ConventionalCommit;
import ai.brokle.release.version.SemVer;

/**
 * What a component's next release is, and why.
 *
 * @param name component name
 * @param currentVersion its latest release reachable from HEAD, or null when it has none
 * @param currentTag the tag of that release, or null
 * @param nextVersion the version to release, or null when no commit warrants a release
 * @param tag the tag the release gets, or null
 * @param bump major, minor, patch, prerelease, promote or explicit; null when there is no release
 * @param commits how many commits since the current release touch the component's path
 * @param decidingCommit the commit whose type decided the bump, or null
 */
public record ComponentPlan(String name, SemVer currentVersion, String currentTag, SemVer nextVersion, String tag,
        String bump, int commits, ConventionalCommit decidingCommit) {

    public boolean releases() {
        return nextVersion != null;
    }

    public boolean prerelease() {
        return nextVersion != null && nextVersion.isPrerelease();
    }
}
