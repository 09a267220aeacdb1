package ai.brokle.release.submodules;

import ai.brokle.release.github.GitHubClient;
import ai.brokle.release.workflow.ReleaseOptions;

/**
 * What the submodule goals are told besides the common options.
 *
 * @param release the common options
 * @param submodule {@code brokle.submodule}: one submodule (its path, or its sdk name), or null for all
 * @param warnOnly {@code brokle.warnOnly}: validate-submodules warns instead of failing
 * @param prerelease {@code brokle.prerelease=true}: update-submodules may move to pre-releases
 * @param branch {@code brokle.branch}: update-submodules commits on this branch, pushes it and opens a pull request
 * @param check {@code brokle.check}: compatibility-matrix fails when the file is out of date instead of writing it
 * @param output {@code brokle.output}: the matrix file, relative to the repository root
 * @param githubToken a token from a settings.xml server, or null for GITHUB_TOKEN / GH_TOKEN
 * @param retry how hard GitHub requests are tried
 */
public record SubmoduleOptions(ReleaseOptions release, String submodule, boolean warnOnly, boolean prerelease, String branch, boolean check,
        String output, String githubToken, GitHubClient.Retry retry) {
    public static final String DEFAULT_OUTPUT = "docs/SDK_COMPATIBILITY.md";

    public static SubmoduleOptions of(ReleaseOptions release) {
        return new SubmoduleOptions(release, null, false, false, null, false, DEFAULT_OUTPUT, null, GitHubClient.Retry.DEFAULT);
    }

    public SubmoduleOptions withSubmodule(String value) {
        return new SubmoduleOptions(release, value, warnOnly, prerelease, branch, check, output, githubToken, retry);
    }

    public SubmoduleOptions withWarnOnly(boolean value) {
        return new SubmoduleOptions(release, submodule, value, prerelease, branch, check, output, githubToken, retry);
    }

    public SubmoduleOptions withPrerelease(boolean value) {
        return new SubmoduleOptions(release, submodule, warnOnly, value, branch, check, output, githubToken, retry);
    }

    public SubmoduleOptions withBranch(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, value, check, output, githubToken, retry);
    }

    public SubmoduleOptions withCheck(boolean value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, value, output, githubToken, retry);
    }

    public SubmoduleOptions withOutput(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, value == null || value.isBlank() ? DEFAULT_OUTPUT
                : value, githubToken, retry);
    }

    public SubmoduleOptions withGithubToken(String value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, output, value, retry);
    }

    public SubmoduleOptions withRetry(GitHubClient.Retry value) {
        return new SubmoduleOptions(release, submodule, warnOnly, prerelease, branch, check, output, githubToken, value);
    }

    public String token() {
        if (githubToken != null && !githubToken.isBlank()) {
            return githubToken;
        }
        String token = env("GITHUB_TOKEN");
        return token != null ? token : env("GH_TOKEN");
    }

    String env(String name) {
        String v = release.environment().get(name);
        return v == null || v.isBlank() ? null : v;
    }
}
