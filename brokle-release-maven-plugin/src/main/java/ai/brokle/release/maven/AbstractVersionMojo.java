package ai.brokle.release.maven;

import ai.brokle.release.goal.ReleaseOptions;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that works out the next version, and so takes the user's request for it. */
public abstract class AbstractVersionMojo extends AbstractReleaseMojo {
    /** The bump to make instead of inferring it from commits: major, minor, patch or promote. */
    @Parameter(property = Properties.BUMP)
    private String bump;

    /** The pre-release channel of the next version (alpha, beta, rc, or any identifier): 1.3.0-beta.1. */
    @Parameter(property = Properties.PRERELEASE)
    private String prerelease;

    /** The next version is exactly this one; it must be greater than the component's latest release. */
    @Parameter(property = Properties.RELEASE_VERSION)
    private String releaseVersion;

    /** The options with the user's request for the next version. */
    protected ReleaseOptions withVersionRequest(ReleaseOptions options) {
        return options.withBump(bump).withPrerelease(prerelease).withReleaseVersion(releaseVersion);
    }
}
