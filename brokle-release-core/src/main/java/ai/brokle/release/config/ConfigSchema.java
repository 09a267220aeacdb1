package ai.brokle.release.config;

import java.util.List;
import java.util.regex.Pattern;

/** The configuration's schema in one place: the keys allowed in each section, and the shapes of values. */
final class ConfigSchema {
    private ConfigSchema() {
    }

    static final List<String> TOP_KEYS = List.of("releaseBranch", "remote", "repositoryUrl", "commitMessage", "versioning", "github",
            "submodules", "submoduleCommitMessage", "registries", "email", "components");
    static final List<String> REGISTRY_KEYS = List.of("serverId", "usernameEnv", "passwordEnv", "insecure");
    static final List<String> IMAGE_KEYS = List.of("name", "repositories", "from", "platforms", "layers", "entrypoint", "arguments",
            "user", "workingDirectory", "environment", "ports", "labels", "description", "licenses");
    static final List<String> LAYER_KEYS = List.of("from", "to", "mode");
    static final Pattern REGISTRY_HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");
    static final Pattern PLATFORM = Pattern.compile("([a-z0-9]+)/([a-z0-9_]+)");
    static final Pattern PORT = Pattern.compile("([0-9]{1,5})(/(tcp|udp))?");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final List<String> SUBMODULE_KEYS = List.of("name", "sdk", "tagPrefix");
    static final List<String> GITHUB_KEYS = List.of("repository", "apiUrl");
    static final List<String> GITHUB_RELEASE_KEYS = List.of("assets", "checksums");
    static final List<String> DISPATCH_KEYS = List.of("repository", "eventType", "payload");
    static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+");
    static final Pattern API_URL = Pattern.compile("https?://[^/@\\s]+(/[^@\\s]*)?");
    static final Pattern EVENT_TYPE = Pattern.compile("[^\\s]{1,100}");
    static final List<String> VERSIONING_KEYS = List.of("bumps", "breakingWhileZero", "initialVersion");
    static final List<String> COMPONENT_KEYS = List.of("path", "tagPrefix", "previousTagPrefixes", "versionFiles", "changelog", "releaseNotes", "images",
            "versioning", "githubRelease", "dispatch", "notify", "pypi", "npm");
    static final List<String> NPM_KEYS = List.of("registry", "access");
    static final List<String> PYPI_KEYS = List.of("dist", "repository", "simple", "testRepository", "testSimple");
    static final List<String> CHANGELOG_KEYS = List.of("path", "sections", "exclude");
    static final List<String> EXCLUDE_KEYS = List.of("types", "scopes", "messages");
    static final List<String> NOTES_KEYS = List.of("title", "template");
    static final Pattern IMAGE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    static final Pattern REPOSITORY_URL = Pattern.compile("https?://[^\\s/@]+(?::[0-9]+)?/\\S*");
    static final List<String> VERSION_FILE_KEYS = List.of("path", "pattern", "matches", "format");
    static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern COMMIT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");
    static final String NO_COMPONENTS = "no components are configured; add at least one, e.g. components: {platform: {path: ., tagPrefix: v}}";
}
