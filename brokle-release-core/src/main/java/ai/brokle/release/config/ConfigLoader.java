package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.text.TextFile;
import ai.brokle.release.version.VersionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .brokle-release.yml} and checks all of it before anything runs: one reader per
 * section collects every problem, each naming the line, the key, what is wrong and what is allowed,
 * and all are reported in one failure.
 */
public final class ConfigLoader {
    /** Reads the configuration of the repository rooted at {@code root}, or its defaults. */
    public static ReleaseConfig load(Path root) {
        Path file = root.resolve(ReleaseConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return ReleaseConfig.defaults(root);
        }
        String text;
        try {
            text = TextFile.read(file, ReleaseConfig.FILE_NAME);
        } catch (TextFile.Refused e) {
            throw new ReleaseFailure("Cannot read the configuration", java.util.List.of(e.getMessage()));
        }
        return new ConfigLoader().parse(ReleaseConfig.FILE_NAME, text);
    }

    /** Parses configuration text; {@code fileName} is used in messages. */
    public ReleaseConfig parse(String fileName, String text) {
        YamlTree tree = YamlTree.parse(fileName, text);
        ConfigFields fields = new ConfigFields(fileName, tree);
        Object root = tree.root();
        if (root == null) {
            fields.problem("components", NO_COMPONENTS);
            throw fields.failure();
        }
        if (!(root instanceof Map)) {
            fields.problem("", "the file must be a mapping of keys (" + String.join(", ", TOP_KEYS) + ")");
            throw fields.failure();
        }
        Map<String, Object> top = fields.map(root);
        fields.checkKeys(top, "", TOP_KEYS);
        String branch = fields.string(top, "", "releaseBranch", ReleaseConfig.DEFAULT_BRANCH);
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            fields.problem("releaseBranch", "'" + branch + "' is not a branch name");
        }
        String remote = fields.string(top, "", "remote", ReleaseConfig.DEFAULT_REMOTE);
        String repositoryUrl = fields.string(top, "", "repositoryUrl", null);
        if (repositoryUrl != null) {
            repositoryUrl = repositoryUrl.strip().replaceAll("/+$", "");
            if (!REPOSITORY_URL.matcher(repositoryUrl).matches()) {
                fields.problem("repositoryUrl", "'" + repositoryUrl + "' is not the web address of a repository, e.g. https://github.com/brokle-ai/brokle"
                        + " (without user name or token)");
            }
        }
        String commitMessage = fields.string(top, "", "commitMessage", ReleaseConfig.DEFAULT_COMMIT_MESSAGE);
        if (commitMessage != null && (commitMessage.isBlank() || !Placeholders.COMMIT_MESSAGE.problems(commitMessage).isEmpty())) {
            fields.problem("commitMessage", "'" + commitMessage + "' is not a commit message template; write the message with "
                    + String.join(", ", Placeholders.COMMIT_MESSAGE.written()) + " where the release's names go, e.g. '"
                    + ReleaseConfig.DEFAULT_COMMIT_MESSAGE + "'");
        }
        VersionPolicy policy = new VersioningSection(fields).versioning(top.get("versioning"));
        GitHubConfig github = new GitHubSection(fields).github(top.get("github"));
        List<SubmoduleConfig> submodules = new SubmodulesSection(fields).submodules(top.get("submodules"));
        String submoduleMessage = fields.string(top, "", "submoduleCommitMessage", ReleaseConfig.DEFAULT_SUBMODULE_COMMIT_MESSAGE);
        if (submoduleMessage != null && !Placeholders.SUBMODULE_COMMIT_MESSAGE.problems(submoduleMessage).isEmpty()) {
            fields.problem("submoduleCommitMessage", "'" + submoduleMessage + "' is not a commit message template; write the message with {{updates}}"
                    + " where the moves go, e.g. '" + ReleaseConfig.DEFAULT_SUBMODULE_COMMIT_MESSAGE + "'");
        }
        List<RegistryConfig> registries = new RegistriesSection(fields).registries(top.get("registries"));
        EmailConfig email = new EmailSection(fields).email(top.get("email"));
        // a platform that only pins SDK submodules may configure no component: the submodule goals need none
        List<ComponentConfig> components = top.get("components") == null && top.get("submodules") != null ? List.of()
                : new ComponentsSection(fields).components(top.get("components"));
        for (ComponentConfig c : components) {
            if (email == null && c.publish().notifications().contains(PublishConfig.EMAIL)) {
                fields.problem("components." + c.name() + ".notify", "email needs the email section: email: {host: smtp.example.com, from:"
                        + " releases@example.com, to: [team@example.com]}");
            }
        }
        if (!fields.problems.isEmpty()) {
            throw fields.failure();
        }
        return new ReleaseConfig(fileName, branch, remote, repositoryUrl, policy, components, commitMessage, github, submodules,
                submoduleMessage, registries, email);
    }
}
