package ai.brokle.release.config;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.VersionPolicy;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The repository's release configuration, from {@code .brokle-release.yml} or its defaults.
 *
 * @param source where it came from, for messages
 * @param releaseBranch the branch releases are made from
 * @param remote the remote tags and branches are pushed to
 * @param repositoryUrl the repository's web address for links, or null to derive it from the remote
 * @param policy how commits bump versions
 * @param components the components, in the file's order
 * @param commitMessage the release commit's message, with {@code {{tags}}}, {@code {{versions}}} or {@code {{components}}}
 * @param github where the repository lives on GitHub
 * @param submodules the submodules that pin SDK releases, as configured (empty: every submodule of .gitmodules with defaults)
 * @param submoduleCommitMessage the message of update-submodules' commit, with {@code {{updates}}}
 * @param registries how container registries are reached, as configured (others: defaults)
 */
public record ReleaseConfig(String source, String releaseBranch, String remote, String repositoryUrl, VersionPolicy policy,
        List<ComponentConfig> components, String commitMessage, GitHubConfig github, List<SubmoduleConfig> submodules,
        String submoduleCommitMessage, List<RegistryConfig> registries, EmailConfig email) {
    public static final String DEFAULT_SUBMODULE_COMMIT_MESSAGE = "chore(deps): update {{updates}}";
    public static final String FILE_NAME = ".brokle-release.yml";
    public static final String DEFAULT_BRANCH = "main";
    public static final String DEFAULT_REMOTE = "origin";
    public static final String DEFAULT_COMMIT_MESSAGE = "chore(release): {{tags}}";
    /** What a commit message template may contain. */

    /** How to reach a registry: its configured settings, or the defaults (settings.xml server named as the host). */
    public RegistryConfig registry(String host) {
        return registries.stream().filter(r -> r.host().equals(host)).findFirst().orElseGet(() -> RegistryConfig.defaults(host));
    }

    /** The components to work on: all of them, or the one named (failing with the known names). */
    public List<ComponentConfig> select(String name) {
        if (components.isEmpty()) {
            throw new ReleaseFailure(source + " configures submodules only, no component to release: add components (e.g. components:"
                    + " {platform: {path: ., tagPrefix: v}}); the submodule goals (validate-submodules, update-submodules,"
                    + " compatibility-matrix) run without");
        }
        if (name == null || name.isBlank()) {
            return components;
        }
        for (ComponentConfig c : components) {
            if (c.name().equals(name.trim())) {
                return List.of(c);
            }
        }
        throw new ReleaseFailure("brokle.component: there is no component '" + name + "' in " + source + "; known components: "
                + components.stream().map(ComponentConfig::name).collect(Collectors.joining(", ")));
    }

    /** The configuration of a repository without {@value #FILE_NAME}: one component at its root, named after it, tagged v. */
    public static ReleaseConfig defaults(java.nio.file.Path root) {
        java.nio.file.Path name = root.toAbsolutePath().normalize().getFileName();
        ComponentConfig only = new ComponentConfig(name == null ? "project" : name.toString(), "", "v", List.of(), null);
        return new ReleaseConfig("defaults (no " + FILE_NAME + ")", DEFAULT_BRANCH, DEFAULT_REMOTE, null,
                VersionPolicy.defaults(), List.of(only), DEFAULT_COMMIT_MESSAGE, GitHubConfig.defaults(), List.of(),
                DEFAULT_SUBMODULE_COMMIT_MESSAGE, List.of(), null);
    }
}
