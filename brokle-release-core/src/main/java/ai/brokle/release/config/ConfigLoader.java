package ai.brokle.release.config;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.InvalidVersionException;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code .brokle-release.yml} and checks all of it before anything runs: every problem is
 * collected, each naming the line, the key, what is wrong and what is allowed, and reported in
 * one failure.
 */
public final class ConfigLoader {
    private static final List<String> TOP_KEYS = List.of("releaseBranch", "remote", "repositoryUrl", "commitMessage", "versioning", "github",
            "submodules", "submoduleCommitMessage", "registries", "components");
    private static final List<String> REGISTRY_KEYS = List.of("serverId", "usernameEnv", "passwordEnv", "insecure");
    private static final List<String> IMAGE_KEYS = List.of("name", "repositories", "from", "platforms", "layers", "entrypoint", "arguments",
            "user", "workingDirectory", "environment", "ports", "labels");
    private static final List<String> LAYER_KEYS = List.of("from", "to", "mode");
    private static final Pattern REGISTRY_HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");
    private static final Pattern PLATFORM = Pattern.compile("([a-z0-9]+)/([a-z0-9_]+)");
    private static final Pattern PORT = Pattern.compile("([0-9]{1,5})(/(tcp|udp))?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");
    private static final Pattern IMAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final List<String> SUBMODULE_KEYS = List.of("name", "sdk", "tagPrefix");
    private static final List<String> GITHUB_KEYS = List.of("repository", "apiUrl");
    private static final List<String> GITHUB_RELEASE_KEYS = List.of("assets", "checksums");
    private static final List<String> DISPATCH_KEYS = List.of("repository", "eventType", "payload");
    private static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+");
    private static final Pattern API_URL = Pattern.compile("https?://[^/@\\s]+(/[^@\\s]*)?");
    private static final Pattern EVENT_TYPE = Pattern.compile("[^\\s]{1,100}");
    private static final List<String> VERSIONING_KEYS = List.of("bumps", "breakingWhileZero", "initialVersion");
    private static final List<String> COMPONENT_KEYS = List.of("path", "tagPrefix", "versionFiles", "changelog", "releaseNotes", "images",
            "versioning", "githubRelease", "dispatch", "notify", "pypi", "npm");
    private static final List<String> NPM_KEYS = List.of("registry", "access");
    private static final List<String> PYPI_KEYS = List.of("dist", "repository", "simple", "testRepository", "testSimple");
    private static final List<String> CHANGELOG_KEYS = List.of("path", "sections", "exclude");
    private static final List<String> EXCLUDE_KEYS = List.of("types", "scopes", "messages");
    private static final List<String> NOTES_KEYS = List.of("title", "template");
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern REPOSITORY_URL = Pattern.compile("https?://[^\\s/@]+(?::[0-9]+)?/\\S*");
    private static final List<String> VERSION_FILE_KEYS = List.of("path", "pattern", "matches");
    private static final Pattern COMPONENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern COMMIT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final String NO_COMPONENTS = "no components are configured; add at least one, e.g. components: {platform: {path: ., tagPrefix: v}}";

    private final List<String> problems = new ArrayList<>();
    private String fileName;
    private YamlTree tree;

    /** Reads the configuration of the repository rooted at {@code root}, or its defaults. */
    public static ReleaseConfig load(Path root) {
        Path file = root.resolve(ReleaseConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            Path name = root.toAbsolutePath().normalize().getFileName();
            ComponentConfig only = new ComponentConfig(name == null ? "project" : name.toString(), "", "v", List.of(), null);
            return new ReleaseConfig("defaults (no " + ReleaseConfig.FILE_NAME + ")", ReleaseConfig.DEFAULT_BRANCH,
                    ReleaseConfig.DEFAULT_REMOTE, null, VersionPolicy.defaults(), List.of(only), ReleaseConfig.DEFAULT_COMMIT_MESSAGE,
                    GitHubConfig.defaults(), List.of(), ReleaseConfig.DEFAULT_SUBMODULE_COMMIT_MESSAGE, List.of());
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ConfigLoader().parse(ReleaseConfig.FILE_NAME, text);
    }

    /** Parses configuration text; {@code fileName} is used in messages. */
    public ReleaseConfig parse(String fileName, String text) {
        this.fileName = fileName;
        this.tree = YamlTree.parse(fileName, text);
        Object root = tree.root();
        if (root == null) {
            problem("components", NO_COMPONENTS);
            throw failure();
        }
        if (!(root instanceof Map)) {
            problem("", "the file must be a mapping of keys (" + String.join(", ", TOP_KEYS) + ")");
            throw failure();
        }
        Map<String, Object> top = map(root);
        checkKeys(top, "", TOP_KEYS);
        String branch = string(top, "", "releaseBranch", ReleaseConfig.DEFAULT_BRANCH);
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            problem("releaseBranch", "'" + branch + "' is not a branch name");
        }
        String remote = string(top, "", "remote", ReleaseConfig.DEFAULT_REMOTE);
        String repositoryUrl = string(top, "", "repositoryUrl", null);
        if (repositoryUrl != null) {
            repositoryUrl = repositoryUrl.strip().replaceAll("/+$", "");
            if (!REPOSITORY_URL.matcher(repositoryUrl).matches()) {
                problem("repositoryUrl", "'" + repositoryUrl + "' is not the web address of a repository, e.g. https://github.com/brokle-ai/brokle"
                        + " (without user name or token)");
            }
        }
        String commitMessage = string(top, "", "commitMessage", ReleaseConfig.DEFAULT_COMMIT_MESSAGE);
        if (commitMessage != null) {
            String rest = commitMessage;
            for (String placeholder : ReleaseConfig.COMMIT_MESSAGE_PLACEHOLDERS) {
                rest = rest.replace(placeholder, "");
            }
            if (commitMessage.isBlank() || rest.contains("{{")) {
                problem("commitMessage", "'" + commitMessage + "' is not a commit message template; write the message with "
                        + String.join(", ", ReleaseConfig.COMMIT_MESSAGE_PLACEHOLDERS) + " where the release's names go, e.g. '"
                        + ReleaseConfig.DEFAULT_COMMIT_MESSAGE + "'");
            }
        }
        VersionPolicy policy = versioning(top.get("versioning"));
        GitHubConfig github = github(top.get("github"));
        List<SubmoduleConfig> submodules = submodules(top.get("submodules"));
        String submoduleMessage = string(top, "", "submoduleCommitMessage", ReleaseConfig.DEFAULT_SUBMODULE_COMMIT_MESSAGE);
        if (submoduleMessage != null && (!submoduleMessage.contains("{{updates}}") || submoduleMessage.replace("{{updates}}", "").contains("{{"))) {
            problem("submoduleCommitMessage", "'" + submoduleMessage + "' is not a commit message template; write the message with {{updates}}"
                    + " where the moves go, e.g. '" + ReleaseConfig.DEFAULT_SUBMODULE_COMMIT_MESSAGE + "'");
        }
        List<RegistryConfig> registries = registries(top.get("registries"));
        List<ComponentConfig> components = components(top.get("components"));
        if (!problems.isEmpty()) {
            throw failure();
        }
        return new ReleaseConfig(fileName, branch, remote, repositoryUrl, policy, components, commitMessage, github, submodules,
                submoduleMessage, registries);
    }

    private VersionPolicy versioning(Object node) {
        VersionPolicy defaults = VersionPolicy.defaults();
        if (node == null) {
            return defaults;
        }
        Map<String, Object> versioning = mapping(node, "versioning", VERSIONING_KEYS);
        if (versioning == null) {
            return defaults;
        }
        Map<String, Bump> bumps = new HashMap<>(defaults.typeBumps());
        Object bumpsNode = versioning.get("bumps");
        if (bumpsNode != null) {
            if (!(bumpsNode instanceof Map)) {
                problem("versioning.bumps", "must map commit types to a bump, e.g. {feat: minor, fix: patch}");
            } else {
                bumps.clear();
                for (Map.Entry<String, Object> e : map(bumpsNode).entrySet()) {
                    String key = "versioning.bumps." + e.getKey();
                    if (!COMMIT_TYPE.matcher(e.getKey()).matches()) {
                        problem(key, "'" + e.getKey() + "' is not a commit type (letters, digits, '-' and '_')");
                        continue;
                    }
                    Bump b = e.getValue() instanceof String ? Bump.fromLabel((String) e.getValue()) : null;
                    if (b == null) {
                        problem(key, "'" + e.getValue() + "' is not a bump; use major, minor, patch or none");
                    } else {
                        bumps.put(e.getKey().toLowerCase(Locale.ROOT), b);
                    }
                }
            }
        }
        Bump whileZero = defaults.breakingWhileZero();
        String wz = string(versioning, "versioning", "breakingWhileZero", null);
        if (wz != null) {
            Bump b = Bump.fromLabel(wz);
            if (b == Bump.MINOR || b == Bump.MAJOR) {
                whileZero = b;
            } else {
                problem("versioning.breakingWhileZero", "'" + wz + "' is not allowed; use minor (0.x stays below 1.0.0) or major");
            }
        }
        SemVer initial = defaults.initialVersion();
        String iv = string(versioning, "versioning", "initialVersion", null);
        if (iv != null) {
            try {
                initial = SemVer.parse(iv);
            } catch (InvalidVersionException e) {
                problem("versioning.initialVersion", e.getMessage());
            }
        }
        return new VersionPolicy(bumps, whileZero, initial);
    }

    private List<ComponentConfig> components(Object node) {
        List<ComponentConfig> result = new ArrayList<>();
        if (node == null || (node instanceof Map && map(node).isEmpty())) {
            problem("components", NO_COMPONENTS);
            return result;
        }
        if (!(node instanceof Map)) {
            problem("components", "must be a mapping from component name to its settings (" + String.join(", ", COMPONENT_KEYS) + ")");
            return result;
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(node).entrySet()) {
            String name = e.getKey();
            String key = "components." + name;
            if (!COMPONENT_NAME.matcher(name).matches()) {
                problem(key, "'" + name + "' is not a component name; use letters, digits, '.', '_' and '-'");
            }
            Object value = e.getValue() == null ? Map.of() : e.getValue();
            Map<String, Object> c = mapping(value, key, COMPONENT_KEYS);
            if (c == null) {
                continue;
            }
            String path = relativePath(c, key, "path", ".");
            String prefix = string(c, key, "tagPrefix", "v");
            if (prefix != null) {
                checkTagPrefix(key + ".tagPrefix", prefix);
                String other = prefixes.put(prefix, name);
                if (other != null) {
                    problem(key + ".tagPrefix", "'" + prefix + "' is also the tag prefix of component '" + other
                            + "'; each component needs its own prefix, e.g. v, python-v, js-v");
                }
            }
            List<VersionFileConfig> files = versionFiles(c.get("versionFiles"), key + ".versionFiles");
            ChangelogConfig changelog = changelog(c, key);
            ReleaseNotesConfig notes = releaseNotes(c.get("releaseNotes"), key + ".releaseNotes");
            List<ImageConfig> builds = new ArrayList<>();
            List<String> images = images(c.get("images"), key + ".images", builds);
            ComponentConfig.Versioning versioning = ComponentConfig.Versioning.COMMITS;
            String versioningText = string(c, key, "versioning", "commits");
            if (versioningText != null) {
                if (versioningText.equals("changesets")) {
                    versioning = ComponentConfig.Versioning.CHANGESETS;
                } else if (!versioningText.equals("commits")) {
                    problem(key + ".versioning", "'" + versioningText + "' is not a kind of versioning; use commits (conventional commits,"
                            + " the default) or changesets (the change files in .changeset/ of the npm workspace at the component's path)");
                }
            }
            PublishConfig publish = publish(c, key, builds);
            result.add(new ComponentConfig(name, path == null || path.equals(".") ? "" : path, prefix == null ? "v" : prefix, files,
                    changelog, notes, images, versioning, publish));
        }
        return result;
    }

    private ChangelogConfig changelog(Map<String, Object> component, String componentKey) {
        Object node = component.get("changelog");
        if (node == null) {
            return ChangelogConfig.none();
        }
        if (node instanceof String) {
            return ChangelogConfig.at(relativePath(component, componentKey, "changelog", null));
        }
        String key = componentKey + ".changelog";
        if (!(node instanceof Map)) {
            problem(key, "must be the changelog's path (CHANGELOG.md) or a mapping with keys " + String.join(", ", CHANGELOG_KEYS));
            return ChangelogConfig.none();
        }
        Map<String, Object> c = map(node);
        checkKeys(c, key, CHANGELOG_KEYS);
        String path = relativePath(c, key, "path", null);
        Map<String, String> sections = null;
        Object sectionsNode = c.get("sections");
        if (sectionsNode != null) {
            if (!(sectionsNode instanceof Map)) {
                problem(key + ".sections", "must map commit types to section titles, e.g. {feat: Added, fix: Fixed, docs: Documentation}");
            } else {
                sections = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : map(sectionsNode).entrySet()) {
                    String itemKey = key + ".sections." + e.getKey();
                    if (!COMMIT_TYPE.matcher(e.getKey()).matches()) {
                        problem(itemKey, "'" + e.getKey() + "' is not a commit type (letters, digits, '-' and '_')");
                    } else if (!(e.getValue() instanceof String title) || title.isBlank() || title.contains("\n")) {
                        problem(itemKey, "must be a section title on one line, e.g. Added");
                    } else {
                        sections.put(e.getKey().toLowerCase(Locale.ROOT), title.strip());
                    }
                }
            }
        }
        List<String> types = List.of();
        List<String> scopes = List.of();
        List<Pattern> messages = new ArrayList<>();
        Object excludeNode = c.get("exclude");
        if (excludeNode != null) {
            Map<String, Object> exclude = mapping(excludeNode, key + ".exclude", EXCLUDE_KEYS);
            if (exclude != null) {
                types = stringList(exclude.get("types"), key + ".exclude.types").stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
                scopes = stringList(exclude.get("scopes"), key + ".exclude.scopes");
                List<String> regexes = stringList(exclude.get("messages"), key + ".exclude.messages");
                for (int i = 0; i < regexes.size(); i++) {
                    try {
                        messages.add(Pattern.compile(regexes.get(i)));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        problem(key + ".exclude.messages[" + i + "]", "'" + regexes.get(i) + "' is not a regular expression: "
                                + e.getDescription() + " near index " + e.getIndex());
                    }
                }
            }
        }
        return new ChangelogConfig(path, sections, types, scopes, List.copyOf(messages));
    }

    private ReleaseNotesConfig releaseNotes(Object node, String key) {
        if (node == null) {
            return ReleaseNotesConfig.defaults();
        }
        Map<String, Object> n = mapping(node, key, NOTES_KEYS);
        if (n == null) {
            return ReleaseNotesConfig.defaults();
        }
        String title = string(n, key, "title", null);
        if (title != null && (title.isBlank() || title.contains("\n"))) {
            problem(key + ".title", "must be a name on one line, e.g. Brokle");
        }
        String template = n.get("template") == null ? null : relativePath(n, key, "template", null);
        return new ReleaseNotesConfig(title == null ? null : title.strip(), template);
    }

    /**
     * The image repositories release notes show: a text entry is a repository published by other
     * means; a mapping is an image built and pushed on release (added to {@code builds}).
     */
    private List<String> images(Object node, String key, List<ImageConfig> builds) {
        List<String> images = new ArrayList<>();
        if (node == null) {
            return images;
        }
        if (!(node instanceof List<?> items)) {
            problem(key, "must be a list of image repositories (text) or of images to build (mappings with keys " + String.join(", ", IMAGE_KEYS)
                    + ")");
            return images;
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key + "[" + i + "]";
            if (items.get(i) instanceof Map) {
                ImageConfig image = image(map(items.get(i)), itemKey);
                if (image != null) {
                    if (!names.add(image.name())) {
                        problem(itemKey + ".name", "'" + image.name() + "' names another image of this component too; give each its own name");
                    }
                    builds.add(image);
                    if (!image.repositories().isEmpty()) {
                        images.add(image.repositories().get(0));
                    }
                }
            } else if (items.get(i) instanceof String image) {
                if (imageRepository(image, itemKey)) {
                    images.add(image);
                }
            } else {
                problem(itemKey, "must be an image repository (text) or an image to build (a mapping)");
            }
        }
        return images;
    }

    private boolean imageRepository(String image, String key) {
        if (IMAGE.matcher(image).matches()) {
            return true;
        }
        String hint = image.contains("@") || image.lastIndexOf(':') > image.lastIndexOf('/')
                ? "give the repository without tag or digest; the release adds the version"
                : "use lower-case letters, digits, '.', '_', '-' and '/', e.g. ghcr.io/brokle-ai/brokle-server";
        problem(key, "'" + image + "' is not an image repository: " + hint);
        return false;
    }

    private ImageConfig image(Map<String, Object> node, String key) {
        checkKeys(node, key, IMAGE_KEYS);
        List<String> repositories = stringList(node.get("repositories"), key + ".repositories");
        if (repositories.isEmpty()) {
            problem(key + ".repositories", "missing; list where the image is pushed, e.g. [ghcr.io/brokle-ai/brokle-server, brokle/brokle-server]");
        }
        for (int r = 0; r < repositories.size(); r++) {
            imageRepository(repositories.get(r), key + ".repositories[" + r + "]");
        }
        String fallback = repositories.isEmpty() ? "image" : repositories.get(0).substring(repositories.get(0).lastIndexOf('/') + 1);
        String name = string(node, key, "name", fallback);
        if (name != null && !IMAGE_NAME.matcher(name).matches()) {
            problem(key + ".name", "'" + name + "' is not an image name; use lower-case letters, digits, '.', '_' and '-'");
        }
        String from = string(node, key, "from", ImageConfig.SCRATCH);
        if (from != null && !from.equals(ImageConfig.SCRATCH)
                && !from.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9._-]+)*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?")) {
            problem(key + ".from", "'" + from + "' is not an image reference; give scratch or e.g. gcr.io/distroless/static-debian12@sha256:<digest>");
        }
        List<String> platforms = node.containsKey("platforms") ? stringList(node.get("platforms"), key + ".platforms")
                : ImageConfig.DEFAULT_PLATFORMS;
        for (int p = 0; p < platforms.size(); p++) {
            if (!PLATFORM.matcher(platforms.get(p)).matches()) {
                problem(key + ".platforms[" + p + "]", "'" + platforms.get(p) + "' is not a platform; write os/arch, e.g. linux/amd64 or linux/arm64");
            }
        }
        if (node.containsKey("platforms") && platforms.isEmpty()) {
            problem(key + ".platforms", "lists no platform; leave it out for linux/amd64 and linux/arm64");
        }
        if (Set.copyOf(platforms).size() != platforms.size()) {
            problem(key + ".platforms", "names a platform twice");
        }
        List<ImageConfig.Layer> layers = new ArrayList<>();
        Object layerNode = node.get("layers");
        if (layerNode != null && !(layerNode instanceof List)) {
            problem(key + ".layers", "must be a list of files to add, e.g. [{from: bin/{os}-{arch}/brokle-server, to: /app/brokle-server}]");
        } else if (layerNode != null) {
            List<?> items = (List<?>) layerNode;
            for (int l = 0; l < items.size(); l++) {
                String layerKey = key + ".layers[" + l + "]";
                Map<String, Object> layer = mapping(items.get(l), layerKey, LAYER_KEYS);
                if (layer == null) {
                    continue;
                }
                String source = relativePath(layer, layerKey, "from", null);
                if (source == null && layer.get("from") == null) {
                    problem(layerKey + ".from", "missing; give a file or directory the build produced, e.g. bin/{os}-{arch}/brokle-server");
                }
                String to = string(layer, layerKey, "to", null);
                if (to == null || !to.startsWith("/") || Set.of(to.split("/")).contains("..")) {
                    problem(layerKey + ".to", (to == null ? "missing" : "'" + to + "' is not an absolute path") + "; give where the files go in the"
                            + " image, e.g. /app/brokle-server");
                }
                Object modeValue = layer.get("mode");
                String mode = modeValue == null ? null : String.valueOf(modeValue);
                if (mode != null && !MODE.matcher(mode).matches()) {
                    problem(layerKey + ".mode", "'" + mode + "' is not a file mode; write it in octal, e.g. 755");
                }
                layers.add(new ImageConfig.Layer(source, to, mode));
            }
        }
        List<String> entrypoint = stringList(node.get("entrypoint"), key + ".entrypoint");
        List<String> arguments = stringList(node.get("arguments"), key + ".arguments");
        String user = scalar(node, key, "user");
        String workingDirectory = string(node, key, "workingDirectory", null);
        if (workingDirectory != null && !workingDirectory.startsWith("/")) {
            problem(key + ".workingDirectory", "'" + workingDirectory + "' is not an absolute path, e.g. /app");
        }
        Map<String, String> environment = textMap(node.get("environment"), key + ".environment");
        environment.keySet().stream().filter(n -> !ENV_NAME.matcher(n).matches())
                .forEach(n -> problem(key + ".environment." + n, "'" + n + "' is not an environment variable name"));
        List<String> ports = new ArrayList<>();
        Object portNode = node.get("ports");
        List<?> portItems = portNode == null ? List.of() : portNode instanceof List<?> l ? l : List.of(portNode);
        for (int p = 0; p < portItems.size(); p++) {
            String port = String.valueOf(portItems.get(p));
            java.util.regex.Matcher m = PORT.matcher(port);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
                problem(key + ".ports[" + p + "]", "'" + port + "' is not a port; write a number from 1 to 65535, with /tcp or /udp if needed");
            }
            ports.add(port);
        }
        Map<String, String> labels = textMap(node.get("labels"), key + ".labels");
        return new ImageConfig(name, repositories, from, platforms, List.copyOf(layers), entrypoint, arguments, user, workingDirectory,
                environment, List.copyOf(ports), labels);
    }

    /** A text, number or boolean value as text (as users write user: 1000); null when absent. */
    private String scalar(Map<String, Object> node, String parentKey, String field) {
        Object v = node.get(field);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(join(parentKey, field), "must be a single value");
            return null;
        }
        return String.valueOf(v);
    }

    /** A mapping of names to single values, in the file's order. */
    private Map<String, String> textMap(Object node, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof Map)) {
            problem(key, "must be a mapping of names to values");
            return out;
        }
        for (Map.Entry<String, Object> e : map(node).entrySet()) {
            if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                problem(key + "." + e.getKey(), "must be a single value");
            } else {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    private List<RegistryConfig> registries(Object node) {
        List<RegistryConfig> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof Map)) {
            problem("registries", "must be a mapping from registry host (ghcr.io, docker.io) to its settings (" + String.join(", ", REGISTRY_KEYS)
                    + ")");
            return result;
        }
        for (Map.Entry<String, Object> e : map(node).entrySet()) {
            String host = e.getKey();
            String key = "registries." + host;
            if (!REGISTRY_HOST.matcher(host).matches()) {
                problem(key, "'" + host + "' is not a registry host; write it as image references do, e.g. ghcr.io or 127.0.0.1:5000");
            }
            Map<String, Object> r = mapping(e.getValue() == null ? Map.of() : e.getValue(), key, REGISTRY_KEYS);
            if (r == null) {
                continue;
            }
            String serverId = string(r, key, "serverId", host);
            String usernameEnv = string(r, key, "usernameEnv", null);
            String passwordEnv = string(r, key, "passwordEnv", null);
            for (String[] env : new String[][] {{"usernameEnv", usernameEnv}, {"passwordEnv", passwordEnv}}) {
                if (env[1] != null && !ENV_NAME.matcher(env[1]).matches()) {
                    problem(key + "." + env[0], "'" + env[1] + "' is not an environment variable name, e.g. GITHUB_TOKEN");
                }
            }
            if ((usernameEnv == null) != (passwordEnv == null)) {
                problem(key + "." + (usernameEnv == null ? "usernameEnv" : "passwordEnv"), "missing; usernameEnv and passwordEnv go together");
            }
            Object insecure = r.get("insecure");
            if (insecure != null && !(insecure instanceof Boolean)) {
                problem(key + ".insecure", "must be true or false");
            }
            result.add(new RegistryConfig(host, serverId, usernameEnv, passwordEnv, Boolean.TRUE.equals(insecure)));
        }
        return result;
    }

    private List<SubmoduleConfig> submodules(Object node) {
        List<SubmoduleConfig> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof Map)) {
            problem("submodules", "must map each submodule's path to its settings (" + String.join(", ", SUBMODULE_KEYS) + "), e.g."
                    + " sdk/python: {tagPrefix: python-v}");
            return result;
        }
        for (Map.Entry<String, Object> e : map(node).entrySet()) {
            String key = "submodules." + e.getKey();
            String path = e.getKey().replaceAll("^\\./", "").replaceAll("/+$", "");
            if (path.isEmpty() || path.startsWith("/") || path.startsWith("..") || path.contains("/../")) {
                problem(key, "'" + e.getKey() + "' must be the submodule's path inside the repository, as in .gitmodules");
            }
            Map<String, Object> s = mapping(e.getValue() == null ? Map.of() : e.getValue(), key, SUBMODULE_KEYS);
            if (s == null) {
                continue;
            }
            SubmoduleConfig defaults = SubmoduleConfig.defaults(path);
            String prefix = string(s, key, "tagPrefix", defaults.tagPrefix());
            if (prefix != null) {
                checkTagPrefix(key + ".tagPrefix", prefix);
            }
            String name = string(s, key, "name", defaults.name());
            String sdk = string(s, key, "sdk", defaults.sdk());
            result.add(new SubmoduleConfig(path, name == null ? defaults.name() : name, sdk == null ? defaults.sdk() : sdk,
                    prefix == null ? defaults.tagPrefix() : prefix));
        }
        return result;
    }

    private GitHubConfig github(Object node) {
        if (node == null) {
            return GitHubConfig.defaults();
        }
        Map<String, Object> g = mapping(node, "github", GITHUB_KEYS);
        if (g == null) {
            return GitHubConfig.defaults();
        }
        String repository = string(g, "github", "repository", null);
        if (repository != null && !GITHUB_REPOSITORY.matcher(repository).matches()) {
            problem("github.repository", "'" + repository + "' is not a repository; write owner/name, e.g. brokle-ai/brokle");
        }
        String apiUrl = string(g, "github", "apiUrl", GitHubConfig.DEFAULT_API_URL);
        if (apiUrl != null && !API_URL.matcher(apiUrl).matches()) {
            problem("github.apiUrl", "'" + apiUrl + "' is not the address of a GitHub API, e.g. https://api.github.com or"
                    + " https://github.example.com/api/v3 (without user name or token)");
        }
        return new GitHubConfig(repository, apiUrl == null ? GitHubConfig.DEFAULT_API_URL : apiUrl.replaceAll("/+$", ""));
    }

    private PublishConfig publish(Map<String, Object> component, String key, List<ImageConfig> images) {
        List<String> assets = List.of();
        String checksums = PublishConfig.DEFAULT_CHECKSUMS;
        Object release = component.get("githubRelease");
        if (release != null) {
            Map<String, Object> r = mapping(release, key + ".githubRelease", GITHUB_RELEASE_KEYS);
            if (r != null) {
                assets = stringList(r.get("assets"), key + ".githubRelease.assets");
                Object sums = r.get("checksums");
                if (Boolean.FALSE.equals(sums)) {
                    checksums = null;
                } else {
                    checksums = string(r, key + ".githubRelease", "checksums", PublishConfig.DEFAULT_CHECKSUMS);
                    if (checksums != null && (checksums.isBlank() || checksums.contains("/"))) {
                        problem(key + ".githubRelease.checksums", "'" + checksums + "' is not a file name; give one such as SHA256SUMS,"
                                + " or false for no checksum file");
                    }
                }
            }
        }
        List<PublishConfig.Dispatch> dispatches = new ArrayList<>();
        Object dispatch = component.get("dispatch");
        if (dispatch != null) {
            if (!(dispatch instanceof List)) {
                problem(key + ".dispatch", "must be a list of entries with keys " + String.join(", ", DISPATCH_KEYS));
            } else {
                List<?> items = (List<?>) dispatch;
                for (int i = 0; i < items.size(); i++) {
                    String itemKey = key + ".dispatch[" + i + "]";
                    Map<String, Object> d = mapping(items.get(i), itemKey, DISPATCH_KEYS);
                    if (d == null) {
                        continue;
                    }
                    String repository = string(d, itemKey, "repository", null);
                    if (repository == null || !GITHUB_REPOSITORY.matcher(repository).matches()) {
                        problem(itemKey + ".repository", (repository == null ? "missing" : "'" + repository + "' is not a repository")
                                + "; write owner/name, e.g. brokle-ai/brokle");
                    }
                    String eventType = string(d, itemKey, "eventType", null);
                    if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
                        problem(itemKey + ".eventType", (eventType == null ? "missing" : "'" + eventType + "' is not an event type")
                                + "; give the type the receiving workflow listens for, e.g. sdk-released (no spaces, at most 100 characters)");
                    }
                    Object payload = d.get("payload");
                    if (payload != null && !(payload instanceof Map)) {
                        problem(itemKey + ".payload", "must be a mapping, e.g. {sdk: python, version: \"{{version}}\"}");
                    }
                    dispatches.add(new PublishConfig.Dispatch(repository, eventType, payload instanceof Map ? map(payload) : Map.of()));
                }
            }
        }
        List<String> notify = stringList(component.get("notify"), key + ".notify");
        for (int i = 0; i < notify.size(); i++) {
            if (!PublishConfig.NOTIFIERS.contains(notify.get(i))) {
                problem(key + ".notify[" + i + "]", "'" + notify.get(i) + "' is not a notification; use " + String.join(" or ",
                        PublishConfig.NOTIFIERS) + " (their webhook URLs come from SLACK_WEBHOOK_URL and DISCORD_WEBHOOK_URL)");
            }
        }
        PypiConfig pypi = null;
        if (component.get("pypi") != null) {
            Map<String, Object> p = mapping(component.get("pypi") instanceof Map ? component.get("pypi") : Map.of(), key + ".pypi", PYPI_KEYS);
            if (p != null) {
                List<String> dist = p.containsKey("dist") ? stringList(p.get("dist"), key + ".pypi.dist") : PypiConfig.DEFAULT_DIST;
                pypi = new PypiConfig(dist, url(p, key + ".pypi", "repository", PypiConfig.PYPI), url(p, key + ".pypi", "simple", PypiConfig.PYPI_SIMPLE),
                        url(p, key + ".pypi", "testRepository", PypiConfig.TEST_PYPI), url(p, key + ".pypi", "testSimple", PypiConfig.TEST_PYPI_SIMPLE));
            }
        }
        NpmConfig npm = null;
        if (component.get("npm") != null) {
            Map<String, Object> n = mapping(component.get("npm") instanceof Map ? component.get("npm") : Map.of(), key + ".npm", NPM_KEYS);
            if (n != null) {
                String access = string(n, key + ".npm", "access", null);
                if (access != null && !access.equals("public") && !access.equals("restricted")) {
                    problem(key + ".npm.access", "'" + access + "' is not an access level; use public or restricted");
                }
                npm = new NpmConfig(url(n, key + ".npm", "registry", NpmConfig.NPMJS), access);
            }
        }
        return new PublishConfig(assets, checksums, List.copyOf(dispatches), notify, pypi, npm, List.copyOf(images));
    }

    /** An http(s) address without user or password; problems name the key. */
    private String url(Map<String, Object> node, String parent, String field, String otherwise) {
        String value = string(node, parent, field, otherwise);
        if (value != null && !API_URL.matcher(value).matches()) {
            problem(parent + "." + field, "'" + value + "' is not an http(s) address without user name or password, e.g. " + otherwise);
        }
        return value == null ? otherwise : value;
    }

    /** A list of text values; a single text value is a list of one. */
    private List<String> stringList(Object node, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof String one) {
            return List.of(one);
        }
        if (!(node instanceof List)) {
            problem(key, "must be a list of text values");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        List<?> items = (List<?>) node;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof String text && !text.isBlank()) {
                values.add(text.strip());
            } else {
                problem(key + "[" + i + "]", "must be a text value");
            }
        }
        return values;
    }

    private List<VersionFileConfig> versionFiles(Object node, String key) {
        List<VersionFileConfig> files = new ArrayList<>();
        if (node == null) {
            return files;
        }
        if (!(node instanceof List)) {
            problem(key, "must be a list of entries with keys " + String.join(", ", VERSION_FILE_KEYS));
            return files;
        }
        List<?> items = (List<?>) node;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemKey = key + "[" + i + "]";
            if (item instanceof String) {
                item = Map.of("path", item);
            }
            Map<String, Object> f = mapping(item, itemKey, VERSION_FILE_KEYS);
            if (f == null) {
                continue;
            }
            String path = relativePath(f, itemKey, "path", null);
            if (path == null) {
                if (!f.containsKey("path")) {
                    problem(itemKey + ".path", "missing; give the file's path relative to the repository root");
                }
                continue;
            }
            String pattern = string(f, itemKey, "pattern", null);
            VersionFileKind kind = VersionFileKind.inferFromName(path);
            if (pattern != null) {
                int first = pattern.indexOf(VersionFileConfig.PLACEHOLDER);
                if (first < 0 || pattern.indexOf(VersionFileConfig.PLACEHOLDER, first + 1) >= 0) {
                    problem(itemKey + ".pattern", "must contain " + VersionFileConfig.PLACEHOLDER + " exactly once, e.g. 'VERSION = \""
                            + VersionFileConfig.PLACEHOLDER + "\"'");
                }
                kind = VersionFileKind.PATTERN;
            } else if (kind == null) {
                problem(itemKey, "cannot tell where the version is in '" + path + "'; add a pattern with "
                        + VersionFileConfig.PLACEHOLDER + " (kinds known by name: package.json, pom.xml, pyproject.toml, *.py)");
                continue;
            }
            int matches = 1;
            String count = string(f, itemKey, "matches", null);
            if (count != null) {
                if (pattern == null) {
                    problem(itemKey + ".matches", "only applies with a pattern; remove it, or add a pattern with " + VersionFileConfig.PLACEHOLDER);
                } else if (!count.matches("[1-9][0-9]{0,3}")) {
                    problem(itemKey + ".matches", "'" + count + "' is not a count; give how many times the pattern occurs in the file (1 to 9999)");
                } else {
                    matches = Integer.parseInt(count);
                }
            }
            files.add(new VersionFileConfig(path, kind, pattern, matches));
        }
        return files;
    }

    private void checkTagPrefix(String key, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                problem(key, "'" + prefix + "' cannot start a git tag name (it contains '" + c + "')");
                return;
            }
        }
        if (prefix.contains("..") || prefix.startsWith("/") || prefix.startsWith("-") || prefix.contains("@{")) {
            problem(key, "'" + prefix + "' cannot start a git tag name");
        } else if (!prefix.isEmpty() && Character.isDigit(prefix.charAt(prefix.length() - 1))) {
            problem(key, "'" + prefix + "' ends with a digit, so its tags could not be told apart from the version; end it with a letter or '-'");
        }
    }

    /** A path relative to the repository root, normalized; "." for the root; null when absent or bad. */
    private String relativePath(Map<String, Object> node, String parentKey, String field, String defaultValue) {
        String value = string(node, parentKey, field, defaultValue);
        if (value == null) {
            return null;
        }
        String p = value.replace('\\', '/').trim();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || p.equals(".")) {
            return ".";
        }
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || Set.of(p.split("/")).contains("..")) {
            problem(join(parentKey, field), "'" + value + "' must be a path inside the repository, relative to its root");
            return null;
        }
        return p;
    }

    private String string(Map<String, Object> node, String parentKey, String field, String defaultValue) {
        Object v = node.get(field);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof String)) {
            problem(join(parentKey, field), "must be a text value");
            return null;
        }
        return (String) v;
    }

    /** The node as a mapping whose keys are all allowed (each other key reported), or null after reporting that it is none. */
    private Map<String, Object> mapping(Object node, String key, List<String> allowed) {
        if (!(node instanceof Map)) {
            problem(key, "must be a mapping with keys " + String.join(", ", allowed));
            return null;
        }
        Map<String, Object> m = map(node);
        checkKeys(m, key, allowed);
        return m;
    }

    private void checkKeys(Map<String, Object> node, String parentKey, List<String> allowed) {
        for (String key : node.keySet()) {
            if (!allowed.contains(key)) {
                problem(join(parentKey, key), "unknown key; allowed here: " + String.join(", ", allowed));
            }
        }
    }

    private void problem(String key, String message) {
        int line = key.isEmpty() ? 0 : tree.line(key);
        problems.add(fileName + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + message);
    }

    private ReleaseFailure failure() {
        return new ReleaseFailure("Invalid release configuration " + fileName + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")", problems);
    }

    private static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
