package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.testing.NpmTool;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import ai.brokle.release.testing.Verdaccio;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * publish-npm on a pnpm workspace against a real verdaccio on 127.0.0.1: {@code workspace:},
 * {@code catalog:} and {@code publishConfig} (fields and directory) published as pnpm itself packs
 * them, compared byte for byte with {@code pnpm pack}; what would stop pnpm half-way refused first;
 * and {@code workspace:} in a workspace pnpm does not manage refused.
 */
class PublishPnpmTest {
    private static final String PNPM = "10.34.9";
    private static Path pnpmBin;

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    @BeforeAll
    static void pnpm() {
        pnpmBin = pnpmBin();
    }

    /** The directory of pnpm's command, installed once per machine. */
    static Path pnpmBin() {
        return NpmTool.install("pnpm-" + PNPM, "pnpm/package.json", "pnpm@" + PNPM).resolve("node_modules/.bin");
    }

    private Map<String, String> env(String tag, Verdaccio registry) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REF", "refs/tags/" + tag);
        env.put("NPM_TOKEN", registry.token());
        env.put("PATH", pnpmBin + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private void publish(Path dir, String tag, Verdaccio registry) {
        new PublishNpmWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env(tag, registry)).withLog(log))).execute();
    }

    private NpmTool.Result pnpm(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = pnpmBin.resolve("pnpm").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return NpmTool.exec(dir, 300, command);
    }

    /** A package only the local registry has, for the catalog to name. */
    private void publishHelper(Verdaccio registry) throws Exception {
        Path helper = Files.createDirectories(tmp.resolve("helper"));
        Files.writeString(helper.resolve("package.json"), "{ \"name\": \"brokle-helper\", \"version\": \"2.1.3\", \"main\": \"index.js\" }\n");
        Files.writeString(helper.resolve("index.js"), "module.exports = 1;\n");
        Path npmrc = tmp.resolve("helper.npmrc");
        Files.writeString(npmrc, "//127.0.0.1:" + registry.url().getPort() + "/:_authToken=" + registry.token() + "\n");
        NpmTool.Result r = NpmTool.exec(helper, 120, "npm", "publish", "--registry", registry.url().toString(), "--userconfig", npmrc.toString());
        assertEquals(0, r.exit(), r.output());
    }

    private static String extract(Path tarball, String entry) {
        NpmTool.Result r = NpmTool.exec(tarball.getParent(), 60, "tar", "-xzOf", tarball.toString(), entry);
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    private static String list(Path tarball) {
        NpmTool.Result r = NpmTool.exec(tarball.getParent(), 60, "tar", "-tzf", tarball.toString());
        assertEquals(0, r.exit(), r.output());
        return r.output().lines().sorted().toList().toString();
    }

    /** The tarball the registry serves for name@version. */
    private Path published(Verdaccio registry, String name, String version) throws Exception {
        NpmTool.Result view = NpmTool.exec(tmp, 60, "npm", "view", name + "@" + version, "dist.tarball", "--registry", registry.url().toString());
        assertEquals(0, view.exit(), view.output());
        URI url = URI.create(view.output().strip());
        assertEquals("127.0.0.1", url.getHost());
        HttpResponse<byte[]> got = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, got.statusCode());
        Path file = Files.createDirectories(tmp.resolve("from-registry")).resolve(name + "-" + version + ".tgz");
        Files.write(file, got.body());
        return file;
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void workspaceCatalogAndPublishConfigArePublishedAsPnpmPacksThem() throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio")); TestRepo repo = TestRepo.init(tmp.resolve("js"))) {
            publishHelper(registry);
            repo.write(".gitignore", "node_modules/\npackages/brokle/dist/\n");
            repo.write(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: js-v\n    npm:\n      registry: " + registry.url()
                    + "\n      access: public\n");
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true\n}\n");
            repo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\ncatalog:\n  brokle-helper: ^2.1.0\ncatalogs:\n  pinned:\n"
                    + "    brokle-helper: ~2.1.3\n");
            repo.write("packages/brokle/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"1.2.0\",\n  \"main\": \"index.js\",\n"
                    + "  \"publishConfig\": { \"directory\": \"dist\" },\n  \"dependencies\": { \"brokle-helper\": \"catalog:\" }\n}\n");
            repo.write("packages/brokle/index.js", "module.exports = 'source';\n");
            repo.write("packages/openai/package.json", "{\n  \"name\": \"brokle-openai\",\n  \"version\": \"1.2.0\",\n  \"main\": \"index.js\",\n"
                    + "  \"scripts\": { \"test\": \"node index.js\" },\n"
                    + "  \"publishConfig\": { \"main\": \"lib/index.js\", \"types\": \"lib/index.d.ts\" },\n"
                    + "  \"dependencies\": { \"brokle\": \"workspace:^\", \"brokle-helper\": \"catalog:pinned\" },\n"
                    + "  \"peerDependencies\": { \"brokle\": \"workspace:*\" }\n}\n");
            repo.write("packages/openai/lib/index.js", "module.exports = require('brokle');\n");
            repo.write("packages/openai/index.js", "module.exports = require('brokle');\n");
            // the build's output, from before the version was raised
            repo.write("packages/brokle/dist/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"1.1.0\",\n  \"main\": \"index.js\"\n}\n");
            repo.write("packages/brokle/dist/index.js", "module.exports = 'built';\n");
            repo.commitAll("chore(release): js-v1.2.0");
            repo.annotatedTag("js-v1.2.0");

            ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> publish(repo.dir(), "js-v1.2.0", registry));
            String said = refused.getMessage();
            assertTrue(said.contains("packages/brokle/dist/package.json: is brokle@1.1.0, but packages/brokle/package.json is brokle@1.2.0"), said);
            assertTrue(said.contains("packages/openai/package.json: dependencies brokle is \"workspace:^\", which pnpm resolves from the installed"
                    + " workspace, and brokle is not installed in packages/openai/node_modules: run pnpm install before publishing"), said);
            assertFalse(said.contains("brokle-helper"), "both catalog entries exist: " + said);
            assertFalse(NpmTool.exec(tmp, 60, "npm", "view", "brokle", "--registry", registry.url().toString()).exit() == 0,
                    "nothing was published");

            // a build after versioning, and the install CI runs before publishing
            repo.write("packages/brokle/dist/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"1.2.0\",\n  \"main\": \"index.js\",\n"
                    + "  \"dependencies\": { \"brokle-helper\": \"catalog:\" }\n}\n");
            NpmTool.Result install = pnpm(repo.dir(), "install", "--registry", registry.url().toString(), "--no-frozen-lockfile", "--store-dir",
                    tmp.resolve("store").toString());
            assertEquals(0, install.exit(), install.output());
            publish(repo.dir(), "js-v1.2.0", registry);
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("published brokle@1.2.0 under latest with pnpm publish")), log.lines().toString());

            Path packed = Files.createDirectories(tmp.resolve("pnpm-pack"));
            for (String[] p : new String[][] {{"brokle", "packages/brokle"}, {"brokle-openai", "packages/openai"}}) {
                NpmTool.Result pack = pnpm(repo.dir().resolve(p[1]), "pack", "--pack-destination", packed.toString());
                assertEquals(0, pack.exit(), pack.output());
                Path own = packed.resolve(p[0] + "-1.2.0.tgz");
                Path fromRegistry = published(registry, p[0], "1.2.0");
                assertEquals(extract(own, "package/package.json"), extract(fromRegistry, "package/package.json"),
                        p[0] + ": the published package.json is the one pnpm packs");
                assertEquals(list(own), list(fromRegistry), p[0] + ": the same files");
            }
            Path brokle = published(registry, "brokle", "1.2.0");
            assertEquals("module.exports = 'built';\n", extract(brokle, "package/index.js"), "publishConfig.directory is what is published");
            assertEquals("^2.1.0", json(extract(brokle, "package/package.json")).path("dependencies").path("brokle-helper").asText());
            JsonNode openai = json(extract(published(registry, "brokle-openai", "1.2.0"), "package/package.json"));
            assertEquals("^1.2.0", openai.path("dependencies").path("brokle").asText());
            assertEquals("~2.1.3", openai.path("dependencies").path("brokle-helper").asText());
            assertEquals("1.2.0", openai.path("peerDependencies").path("brokle").asText());
            assertEquals("lib/index.js", openai.path("main").asText());
            assertFalse(openai.has("publishConfig"), openai.toString());
            assertFalse(String.join("\n", log.lines()).contains(registry.token()));
        }
    }

    @Test
    void whatPnpmOrNpmWouldStopAtOrPublishAsWrittenIsRefusedFirst() throws Exception {
        try (Verdaccio registry = Verdaccio.start(tmp.resolve("verdaccio")); TestRepo pnpmRepo = TestRepo.init(tmp.resolve("pnpm"));
                TestRepo npmRepo = TestRepo.init(tmp.resolve("npm"))) {
            String config = "components:\n  js:\n    path: .\n    tagPrefix: v\n    npm:\n      registry: " + registry.url() + "\n";
            pnpmRepo.write(".brokle-release.yml", config);
            pnpmRepo.write("package.json", "{ \"name\": \"root\", \"private\": true }\n");
            pnpmRepo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\ncatalog:\n  other: ^1.0.0\n");
            pnpmRepo.write("packages/a/package.json", "{ \"name\": \"pkg-a\", \"version\": \"1.0.0\", \"publishConfig\": { \"directory\": \"out\" },"
                    + " \"dependencies\": { \"missing\": \"catalog:\", \"gone\": \"catalog:nightly\" } }\n");
            pnpmRepo.commitAll("feat: a");
            pnpmRepo.annotatedTag("v1.0.0");
            String pnpmSaid = assertThrows(ReleaseFailure.class, () -> publish(pnpmRepo.dir(), "v1.0.0", registry)).getMessage();
            assertTrue(pnpmSaid.contains("packages/a/out/package.json: missing; pnpm publishes publishConfig.directory 'out' of pkg-a"), pnpmSaid);
            pnpmRepo.write("packages/a/out/package.json", "{ \"name\": \"pkg-a\", \"version\": \"1.0.0\","
                    + " \"dependencies\": { \"missing\": \"catalog:\", \"gone\": \"catalog:nightly\" } }\n");
            pnpmSaid = assertThrows(ReleaseFailure.class, () -> publish(pnpmRepo.dir(), "v1.0.0", registry)).getMessage();
            assertTrue(pnpmSaid.contains("packages/a/out/package.json: dependencies missing is \"catalog:\", but pnpm-workspace.yaml has no missing"
                    + " in its default catalog (catalog:)"), pnpmSaid);
            assertTrue(pnpmSaid.contains("dependencies gone is \"catalog:nightly\", but pnpm-workspace.yaml has no gone in the catalog 'nightly'"
                    + " (catalogs.nightly)"), pnpmSaid);

            npmRepo.write(".brokle-release.yml", config);
            npmRepo.write("package.json", "{ \"name\": \"root\", \"private\": true, \"workspaces\": [\"packages/*\"] }\n");
            npmRepo.write("packages/a/package.json", "{ \"name\": \"pkg-a\", \"version\": \"1.0.0\" }\n");
            npmRepo.write("packages/b/package.json", "{ \"name\": \"pkg-b\", \"version\": \"1.0.0\", \"dependencies\": { \"pkg-a\": \"workspace:^\" } }\n");
            npmRepo.commitAll("feat: b");
            npmRepo.annotatedTag("v1.0.0");
            String npmSaid = assertThrows(ReleaseFailure.class, () -> publish(npmRepo.dir(), "v1.0.0", registry)).getMessage();
            assertTrue(npmSaid.contains("packages/b/package.json: dependencies pkg-a is \"workspace:^\", which the npm CLI publishes as written"),
                    npmSaid);
            assertFalse(NpmTool.exec(tmp, 60, "npm", "view", "pkg-a", "--registry", registry.url().toString()).exit() == 0,
                    "nothing was published");

            Map<String, String> noPnpm = env("v1.0.0", registry);
            noPnpm.put("PATH", tmp.resolve("empty-bin").toString());
            Files.createDirectories(tmp.resolve("empty-bin"));
            String missing = assertThrows(ReleaseFailure.class, () -> new PublishNpmWorkflow(PerformOptions.of(ReleaseOptions.of(pnpmRepo.dir())
                    .withEnvironment(noPnpm).withLog(log))).execute()).getMessage();
            assertTrue(missing.contains(pnpmRepo.dir() + " is a pnpm workspace (pnpm-workspace.yaml or pnpm-lock.yaml), published by pnpm publish,"
                    + " and pnpm does not run there: cannot run pnpm"), missing);
        }
    }
}
