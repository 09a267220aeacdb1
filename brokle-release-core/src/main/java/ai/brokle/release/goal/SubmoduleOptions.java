package ai.brokle.release.goal;

import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.http.Retry;

/**
 * What the submodule goals are told besides the common options.
 *
 * @param release the common options
 * @param submodule {@code brokle.submodule}: one submodule (its path, or its sdk name), or null for all
 * @param warnOnly {@code brokle.warnOnly}: validate-submodules warns instead of failing
 * @param prerelease {@code brokle.updateSubmodules.prereleases}: update-submodules may move to pre-releases
 * @param branch {@code brokle.branch}: update-submodules commits on this branch, pushes it and opens a pull request
 * @param check {@code brokle.check}: compatibility-matrix fails when the file is out of date instead of writing it
 * @param output {@code brokle.output}: the matrix file, relative to the repository root
 * @param retry how hard GitHub requests are tried
 * @param autoMerge {@code brokle.autoMerge}: the merge method GitHub auto-merge uses on the pull request (merge, squash, rebase), or null
 */
public record SubmoduleOptions(ReleaseOptions release, String submodule, boolean warnOnly, boolean prerelease, String branch, boolean check,
        String output, Retry retry, String autoMerge) {
    public static final String DEFAULT_OUTPUT = "docs/SDK_COMPATIBILITY.md";

    public static SubmoduleOptions of(ReleaseOptions release) {
        return new SubmoduleOptions(release, null, false, false, null, false, DEFAULT_OUTPUT, Retry.DEFAULT, null);
    }

    public SubmoduleOptions withSubmodule(String value) {
        return new SubmoduleOptions(release, value, warnOnly, prerelease, branch, check, output, retry, autoMerge);
    }

    public SubmoduleOptions withWarnOnly(boolean value) {
        return new SubmoduleOptions(release, submodule, value, prerelease, branch, check, output, retry, autoMerge);
    }

    public SubmoduleOptions withPrerelease(boolean value) {
        return new SubmoduleOptions(release, submodule, warnOnly, value, branch, check, output, retry, autoMerge);
    }

    public SubmoduleOptions withBranch(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, value, check, output, retry, autoMerge);
    }

    public SubmoduleOptions withCheck(boolean value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, value, output, retry, autoMerge);
    }

    public SubmoduleOptions withOutput(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, value == null || value.isBlank() ? DEFAULT_OUTPUT
                : value, retry, autoMerge);
    }

    public SubmoduleOptions withRetry(Retry value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, output, value, autoMerge);
    }

    public SubmoduleOptions withAutoMerge(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, output, retry,
                value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** The GitHub token (masked as it is handed out), or null when none is at hand. */
    public String token() {
        return release.credentials().token(Credentials.Purpose.GITHUB).orElse(null);
    }
}
