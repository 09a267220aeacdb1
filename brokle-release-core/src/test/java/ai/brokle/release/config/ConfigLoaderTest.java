package ai.brokle.release.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.version.Bump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static ReleaseConfig parse(String yaml) {
        return new ConfigLoader().parse(".brokle-release.yml", yaml);
    }

    private static ReleaseFailure failure(String yaml) {
        return assertThrows(ReleaseFailure.class, () -> parse(yaml));
    }

    @Test
    void pythonVersionFilesTakeAFormat() {
        ReleaseConfig config = parse("components:\n  python:\n    tagPrefix: python-v\n    versionFiles:\n      - path: pyproject.toml\n"
                + "        format: pep440\n      - path: brokle/version.py\n        format: semver\n      - brokle/__init__.py\n");
        List<VersionFileConfig> files = config.components().get(0).versionFiles();
        assertEquals(List.of(true, false, false), files.stream().map(VersionFileConfig::pep440).toList());
        String all = failure("components:\n  js:\n    tagPrefix: js-v\n    versionFiles:\n      - path: package.json\n        format: pep440\n"
                + "      - path: brokle/version.py\n        format: pep-440\n").getMessage();
        assertTrue(all.contains("components.js.versionFiles[0].format: pep440 applies to pyproject.toml and Python modules"), all);
        assertTrue(all.contains("components.js.versionFiles[1].format: 'pep-440' is not a format; give semver"), all);
    }

    @Test
    void readsTheIssueExample() {
        ReleaseConfig config = parse("components:\n"
                + "  platform:                 # component name\n"
                + "    path: .\n"
                + "    tagPrefix: v\n"
                + "    versionFiles:\n"
                + "      - path: web/package.json\n"
                + "      - path: web/src/constants/VERSION.ts\n"
                + "        pattern: 'export const VERSION = \"v{{version}}\";'\n"
                + "    changelog: CHANGELOG.md\n");
        assertEquals(1, config.components().size());
        ComponentConfig platform = config.components().get(0);
        assertEquals("platform", platform.name());
        assertEquals("", platform.path());
        assertEquals(".", platform.displayPath());
        assertEquals("v", platform.tagPrefix());
        assertEquals("CHANGELOG.md", platform.changelogPath());
        assertEquals(List.of(new VersionFileConfig("web/package.json", VersionFileKind.PACKAGE_JSON, null),
                new VersionFileConfig("web/src/constants/VERSION.ts", VersionFileKind.PATTERN, "export const VERSION = \"v{{version}}\";")),
                platform.versionFiles());
        assertEquals("main", config.releaseBranch());
        assertEquals("origin", config.remote());
    }

    @Test
    void readsThePublishingKeysAndReportsTheirProblems() {
        ReleaseConfig config = parse("github:\n  repository: brokle-ai/brokle\n  apiUrl: https://github.example.com/api/v3/\n"
                + "components:\n  platform:\n    githubRelease:\n      assets: ['dist/*']\n      checksums: false\n"
                + "    dispatch:\n      - repository: brokle-ai/docs\n        eventType: platform-released\n        payload: {v: '{{version}}'}\n"
                + "    notify: [slack, discord]\n  js:\n    path: sdk/js\n    tagPrefix: js-v\n    versioning: changesets\n");
        assertEquals("brokle-ai/brokle", config.github().repository());
        assertEquals("https://github.example.com/api/v3", config.github().apiUrl());
        ComponentConfig platform = config.components().get(0);
        assertEquals(List.of("dist/*"), platform.publish().assets());
        assertNull(platform.publish().checksums());
        assertEquals("platform-released", platform.publish().dispatches().get(0).eventType());
        assertEquals(Map.of("v", "{{version}}"), platform.publish().dispatches().get(0).payload());
        assertEquals(List.of("slack", "discord"), platform.publish().notifications());
        assertEquals("SHA256SUMS", config.components().get(1).publish().checksums());
        assertTrue(config.components().get(1).changesets());

        String all = String.join("\n", failure("github:\n  repository: brokle\n  apiUrl: ftp://x\ncomponents:\n  platform:\n"
                + "    dispatch:\n      - eventType: has space\n        payload: [1]\n    notify: [teams]\n    versioning: tags\n").problems());
        assertTrue(all.contains(".brokle-release.yml:2: github.repository: 'brokle' is not a repository; write owner/name"), all);
        assertTrue(all.contains(".brokle-release.yml:3: github.apiUrl: 'ftp://x' is not the address of a GitHub API"), all);
        assertTrue(all.contains("components.platform.dispatch[0].repository: missing"), all);
        assertTrue(all.contains("components.platform.dispatch[0].eventType: 'has space' is not an event type"), all);
        assertTrue(all.contains("components.platform.dispatch[0].payload: must be a mapping"), all);
        assertTrue(all.contains("components.platform.notify[0]: 'teams' is not a notification; use slack or discord"), all);
        assertTrue(all.contains("components.platform.versioning: 'tags' is not a kind of versioning; use commits"), all);
    }

    @Test
    void defaultsWithoutAFile(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectory(dir.resolve("brokle-python"));
        ReleaseConfig config = ConfigLoader.load(repo);
        assertEquals(1, config.components().size());
        ComponentConfig c = config.components().get(0);
        assertEquals("brokle-python", c.name());
        assertEquals("", c.path());
        assertEquals("v", c.tagPrefix());
        assertEquals(List.of(), c.versionFiles());
        assertNull(c.changelogPath());
    }

    @Test
    void infersKindsAndNormalizesPaths() {
        ReleaseConfig config = parse("components:\n  python:\n    path: ./sdk/python/\n    tagPrefix: python-v\n    versionFiles:\n"
                + "      - path: sdk/python/brokle/version.py\n      - sdk/python/pyproject.toml\n      - path: pom.xml\n");
        ComponentConfig c = config.components().get(0);
        assertEquals("sdk/python", c.path());
        assertEquals(List.of(VersionFileKind.PYTHON_MODULE, VersionFileKind.PYPROJECT, VersionFileKind.POM),
                c.versionFiles().stream().map(VersionFileConfig::kind).toList());
    }

    @Test
    void versioningSettings() {
        ReleaseConfig config = parse("releaseBranch: release\nremote: upstream\nversioning:\n  bumps: {feat: minor, Docs: patch}\n"
                + "  breakingWhileZero: major\n  initialVersion: 1.0.0\ncomponents:\n  a: {}\n");
        assertEquals("release", config.releaseBranch());
        assertEquals("upstream", config.remote());
        assertEquals(Bump.PATCH, config.policy().bumpForType("docs"));
        assertEquals(Bump.NONE, config.policy().bumpForType("fix"));
        assertEquals(Bump.MAJOR, config.policy().breakingWhileZero());
        assertEquals("1.0.0", config.policy().initialVersion().toString());
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheKey() {
        ReleaseFailure f = failure("releaseBranch: main\n"
                + "tagPrefix: v\n"
                + "versioning:\n  bumps: {feat: huge}\n  breakingWhileZero: patch\n  initialVersion: '1.0'\n"
                + "components:\n"
                + "  platform:\n    path: ../outside\n    tagprefix: v\n    versionFiles:\n      - path: VERSION\n"
                + "      - path: a.txt\n        pattern: 'no placeholder'\n      - pattern: 'x {{version}}'\n"
                + "  python:\n    tagPrefix: v\n    changelog: /abs/CHANGELOG.md\n"
                + "  'bad name':\n    tagPrefix: 'has space'\n"
                + "  js:\n    tagPrefix: js-v\n    versionFiles:\n      - path: package.json\n        matches: 2\n"
                + "      - path: v.txt\n        pattern: 'v{{version}}'\n        matches: none\n"
                + "commitMessage: 'release {{tag}}'\n");
        List<String> problems = f.problems();
        String all = String.join("\n", problems);
        assertTrue(all.contains(".brokle-release.yml:2: tagPrefix: unknown key; allowed here: releaseBranch, remote, repositoryUrl, commitMessage, versioning, github, submodules, submoduleCommitMessage, registries, email, components"), all);
        assertTrue(all.contains(".brokle-release.yml:4: versioning.bumps.feat: 'huge' is not a bump; use major, minor, patch or none"), all);
        assertTrue(all.contains("versioning.breakingWhileZero: 'patch' is not allowed"), all);
        assertTrue(all.contains("versioning.initialVersion: '1.0' is not a SemVer 2.0.0 version"), all);
        assertTrue(all.contains("components.platform.path: '../outside' must be a path inside the repository"), all);
        assertTrue(all.contains(".brokle-release.yml:10: components.platform.tagprefix: unknown key; allowed here: path, tagPrefix, previousTagPrefixes, versionFiles, changelog, releaseNotes, images"), all);
        assertTrue(all.contains("components.platform.versionFiles[0]: cannot tell where the version is in 'VERSION'; add a pattern"), all);
        assertTrue(all.contains("components.platform.versionFiles[1].pattern: must contain {{version}} exactly once"), all);
        assertTrue(all.contains(".brokle-release.yml:15: components.platform.versionFiles[2].path: missing"), all);
        assertTrue(all.contains("components.python.tagPrefix: 'v' is also the tag prefix of component 'platform'"), all);
        assertTrue(all.contains("components.python.changelog: '/abs/CHANGELOG.md' must be a path inside the repository"), all);
        assertTrue(all.contains("components.bad name: 'bad name' is not a component name"), all);
        assertTrue(all.contains("components.bad name.tagPrefix: 'has space' cannot start a git tag name"), all);
        assertTrue(all.contains("components.js.versionFiles[0].matches: only applies with a pattern"), all);
        assertTrue(all.contains("components.js.versionFiles[1].matches: 'none' is not a count"), all);
        assertTrue(all.contains("commitMessage: 'release {{tag}}' is not a commit message template; write the message with {{tags}},"
                + " {{versions}}, {{components}}"), all);
        assertEquals(16, problems.size(), all);
        assertTrue(f.getMessage().startsWith("Invalid release configuration .brokle-release.yml (16 problems)"), f.getMessage());
    }

    @Test
    void changelogReleaseNotesAndImageSettings() {
        ReleaseConfig config = parse("repositoryUrl: https://github.com/brokle-ai/brokle/\n"
                + "components:\n  platform:\n    changelog:\n      path: ./CHANGELOG.md\n      sections: {feat: Features, Docs: Documentation}\n"
                + "      exclude:\n        types: [Chore]\n        scopes: [deps]\n        messages: ['^fix: typo', '\\[skip changelog\\]']\n"
                + "    releaseNotes: {title: Brokle, template: .github/release-notes.mustache}\n"
                + "    images: [ghcr.io/brokle-ai/brokle-server, localhost:5000/brokle/worker]\n");
        assertEquals("https://github.com/brokle-ai/brokle", config.repositoryUrl());
        ComponentConfig c = config.components().get(0);
        assertEquals("CHANGELOG.md", c.changelogPath());
        assertEquals(Map.of("feat", "Features", "docs", "Documentation"), c.changelog().sections());
        assertEquals(List.of("chore"), c.changelog().excludedTypes());
        assertEquals(List.of("deps"), c.changelog().excludedScopes());
        assertEquals(List.of("^fix: typo", "\\[skip changelog\\]"), c.changelog().excludedMessages().stream().map(Pattern::pattern).toList());
        assertEquals(new ReleaseNotesConfig("Brokle", ".github/release-notes.mustache"), c.releaseNotes());
        assertEquals(List.of("ghcr.io/brokle-ai/brokle-server", "localhost:5000/brokle/worker"), c.images());
    }

    @Test
    void changelogSettingProblemsAreAllReported() {
        ReleaseFailure f = failure("repositoryUrl: 'https://tok@github.com/x/y'\n"
                + "components:\n  platform:\n    changelog:\n      path: /abs.md\n      sections: {feat: '', 'bad type': X}\n"
                + "      exclude:\n        types: feat\n        messages: ['(unclosed']\n        authors: [bot]\n"
                + "    releaseNotes: {title: '', template: ../outside.mustache, format: md}\n"
                + "    images: [ghcr.io/brokle-ai/brokle-server:3.2.0, Upper/Case]\n"
                + "  python:\n    tagPrefix: python-v\n    changelog: [CHANGELOG.md]\n    releaseNotes: Brokle\n");
        String all = String.join("\n", f.problems());
        assertTrue(all.contains(".brokle-release.yml:1: repositoryUrl: 'https://tok@github.com/x/y' is not the web address of a repository"), all);
        assertTrue(all.contains("components.platform.changelog.path: '/abs.md' must be a path inside the repository"), all);
        assertTrue(all.contains("components.platform.changelog.sections.feat: must be a section title on one line"), all);
        assertTrue(all.contains("components.platform.changelog.sections.bad type: 'bad type' is not a commit type"), all);
        assertTrue(all.contains(".brokle-release.yml:9: components.platform.changelog.exclude.messages[0]: '(unclosed' is not a regular expression"), all);
        assertTrue(all.contains("components.platform.changelog.exclude.authors: unknown key; allowed here: types, scopes, messages"), all);
        assertTrue(all.contains("components.platform.releaseNotes.title: must be a name on one line"), all);
        assertTrue(all.contains("components.platform.releaseNotes.template: '../outside.mustache' must be a path inside the repository"), all);
        assertTrue(all.contains("components.platform.releaseNotes.format: unknown key; allowed here: title, template"), all);
        assertTrue(all.contains("components.platform.images[0]: 'ghcr.io/brokle-ai/brokle-server:3.2.0' is not an image repository: give the"
                + " repository without tag or digest"), all);
        assertTrue(all.contains("components.platform.images[1]: 'Upper/Case' is not an image repository: use lower-case letters"), all);
        assertTrue(all.contains("components.python.changelog: must be the changelog's path (CHANGELOG.md) or a mapping"), all);
        assertTrue(all.contains("components.python.releaseNotes: must be a mapping with keys title, template"), all);
        assertEquals(13, f.problems().size(), all);
    }

    @Test
    void yamlSyntaxErrorsGiveTheLine() {
        ReleaseFailure f = failure("components:\n  platform:\n    path: [unclosed\n");
        assertEquals(List.of(".brokle-release.yml:4: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>"),
                f.problems());
    }

    @Test
    void duplicateKeysAreRefused() {
        ReleaseFailure f = failure("components:\n  a:\n    tagPrefix: v\n    tagPrefix: w\n");
        assertEquals(1, f.problems().size(), f.getMessage());
        assertTrue(f.problems().get(0).startsWith(".brokle-release.yml:4: not valid YAML: Duplicate field 'tagPrefix'"), f.getMessage());
    }

    @Test
    void emptyOrComponentlessFiles() {
        assertTrue(failure("").getMessage().contains("components: no components are configured"));
        assertTrue(failure("releaseBranch: main\n").getMessage().contains("components: no components are configured"));
        assertTrue(failure("- a\n- b\n").getMessage().contains("must be a mapping"));
        assertTrue(failure("components: [a, b]\n").getMessage().contains("components: must be a mapping"));
    }

    @Test
    void prefixEndingInADigitIsAmbiguous() {
        assertTrue(failure("components:\n  a:\n    tagPrefix: v1\n").getMessage().contains("ends with a digit"));
    }

    @Test
    void imagesToBuildAndRegistriesAreRead() {
        ReleaseConfig config = parse("registries:\n  ghcr.io: {usernameEnv: GITHUB_ACTOR, passwordEnv: GITHUB_TOKEN}\n  \"127.0.0.1:5000\": {insecure: true}\n"
                + "components:\n  platform:\n    images:\n      - ghcr.io/brokle-ai/brokle-web\n"
                + "      - repositories: [ghcr.io/brokle-ai/brokle-server, brokle/brokle-server]\n        from: gcr.io/distroless/static:nonroot\n"
                + "        layers: [{from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server, mode: 0755}]\n        user: 65532\n"
                + "        ports: [8080, 9090/udp]\n        environment: {GIN_MODE: release}\n");
        ComponentConfig platform = config.components().get(0);
        assertEquals(List.of("ghcr.io/brokle-ai/brokle-web", "ghcr.io/brokle-ai/brokle-server"), platform.images(),
                "release notes show a text entry and the first repository of a built image");
        ImageConfig server = platform.publish().images().get(0);
        assertEquals("brokle-server", server.name());
        assertEquals(List.of("linux/amd64", "linux/arm64"), server.platforms());
        assertEquals("bin/linux-arm64/brokle-server", server.layers().get(0).from("linux", "arm64"));
        assertEquals("65532", server.user());
        assertEquals(List.of("8080", "9090/udp"), server.ports());
        assertEquals(new RegistryConfig("ghcr.io", "ghcr.io", "GITHUB_ACTOR", "GITHUB_TOKEN", false), config.registry("ghcr.io"));
        assertTrue(config.registry("127.0.0.1:5000").insecure());
        assertEquals(RegistryConfig.defaults("docker.io"), config.registry("docker.io"));
    }

    @Test
    void everyImageProblemIsReportedWithItsLine() {
        ReleaseFailure failure = failure("registries:\n  \"bad host!\": {usernameEnv: USER, insecure: maybe}\ncomponents:\n  platform:\n"
                + "    images:\n      - from: 'Not An Image'\n        platforms: [linux, linux/amd64]\n"
                + "        layers: [{from: ../outside, to: app}, {to: /app, mode: 999}]\n        workingDirectory: app\n        ports: [70000]\n"
                + "        environment: {1BAD: x}\n        colour: blue\n");
        String message = failure.getMessage();
        for (String expected : List.of(
                ":2: registries.bad host!: 'bad host!' is not a registry host",
                "registries.bad host!.passwordEnv: missing; usernameEnv and passwordEnv go together",
                "registries.bad host!.insecure: must be true or false",
                ":6: components.platform.images[0].repositories: missing",
                "components.platform.images[0].from: 'Not An Image' is not an image reference",
                ":7: components.platform.images[0].platforms[0]: 'linux' is not a platform",
                "components.platform.images[0].layers[0].from: '../outside' must be a path inside the repository",
                "components.platform.images[0].layers[0].to: 'app' is not an absolute path",
                "components.platform.images[0].layers[1].from: missing",
                "components.platform.images[0].layers[1].mode: '999' is not a file mode",
                "components.platform.images[0].workingDirectory: 'app' is not an absolute path",
                "components.platform.images[0].ports[0]: '70000' is not a port",
                "components.platform.images[0].environment.1BAD: '1BAD' is not an environment variable name",
                "components.platform.images[0].colour: unknown key")) {
            assertTrue(message.contains(expected), expected + " in:\n" + message);
        }
    }

    @Test
    void anAliasIsRefusedWithItsLineInsteadOfBeingReadAsItsName() {
        ReleaseFailure scalar = failure("components:\n  python:\n    path: .\n    tagPrefix: &p py-v\n    releaseNotes:\n      title: *p\n");
        assertEquals(List.of(".brokle-release.yml:6: components.python.releaseNotes.title: *p repeats an anchored value, which this file does"
                + " not support (it would be read as the text 'p'); write the value out"), scalar.problems());
        assertEquals(6, scalar.located().get(0).line());
        ReleaseFailure mapping = failure("components:\n  a: &base\n    path: .\n  b: *base\n");
        assertTrue(mapping.problems().get(0).startsWith(".brokle-release.yml:4: components.b: *base repeats an anchored value"),
                mapping.problems().toString());
    }

    @Test
    void pathsWithRepeatedOrDotSegmentsAreReadAsTheirPlainFormOrRefusedByKey() {
        ReleaseConfig config = parse("components:\n  python:\n    path: ./sdk//python/.\n    changelog: docs//CHANGELOG.md\n"
                + "    versionFiles:\n      - src//sub/./version.py\n");
        ComponentConfig python = config.components().get(0);
        assertEquals("sdk/python", python.path());
        assertEquals("docs/CHANGELOG.md", python.changelogPath());
        assertEquals("src/sub/version.py", python.versionFiles().get(0).path());
        ReleaseFailure outside = failure("components:\n  python:\n    path: .\n    changelog: ../../CHANGELOG.md\n");
        assertEquals(List.of(".brokle-release.yml:4: components.python.changelog: '../../CHANGELOG.md' must be a path inside the repository,"
                + " relative to its root"), outside.problems());
    }

    @Test
    void aHugeOrNonUtf8ConfigurationIsRefusedAtOnceNamingTheFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(".brokle-release.yml"), "components:\n  platform:\n    tagPrefix: '" + "v".repeat(30_000_000) + "'\n");
        long start = System.nanoTime();
        ReleaseFailure huge = assertThrows(ReleaseFailure.class, () -> ConfigLoader.load(dir));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "refused without parsing 30 MB");
        assertTrue(huge.getMessage().contains(".brokle-release.yml: 30000042 bytes, more than the 1048576 read here"), huge.getMessage());

        byte[] latin1 = "components:\n  platform:\n    tagPrefix: 'caf\u00e9-v'\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve(".brokle-release.yml"), latin1);
        ReleaseFailure bad = assertThrows(ReleaseFailure.class, () -> ConfigLoader.load(dir));
        assertTrue(bad.getMessage().contains(".brokle-release.yml: not UTF-8 at byte 43; it must be UTF-8 text"), bad.getMessage());
    }
}
