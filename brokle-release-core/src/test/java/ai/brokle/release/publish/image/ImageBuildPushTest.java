package ai.brokle.release.publish.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ImageConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds with Jib and pushes to a real registry, then reads everything back through the registry API. */
class ImageBuildPushTest {
    @TempDir
    static Path shared;
    static TestRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRegistry() {
        registry = TestRegistry.start(shared.resolve("registry"));
        registry.pushBase("base/tiny", "1", List.of("linux/amd64", "linux/arm64"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private ReleaseConfig config(String image) {
        return new ConfigLoader().parse(".brokle-release.yml", "registries:\n  \"" + registry.host() + "\": {insecure: true}\ncomponents:\n"
                + "  platform:\n    images:\n" + image);
    }

    private static final ImageBuild.Metadata META = new ImageBuild.Metadata("1.2.3", "0123456789abcdef0123456789abcdef01234567",
            "https://github.com/brokle-ai/brokle", Instant.parse("2026-11-20T10:15:30Z"));

    private void binaries(String suffix) throws Exception {
        for (String arch : List.of("amd64", "arm64")) {
            Path bin = Files.createDirectories(dir.resolve("bin/linux-" + arch));
            Files.writeString(bin.resolve("brokle-server"), "server for " + arch + suffix);
            bin.resolve("brokle-server").toFile().setExecutable(true);
        }
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/001.sql"), "create table t();");
    }

    private String serverImage() {
        String host = registry.host();
        return "      - name: brokle-server\n        repositories: [" + host + "/brokle/brokle-server, " + host + "/mirror/brokle-server]\n"
                + "        from: " + host + "/base/tiny:1\n        layers:\n          - {from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server}\n"
                + "          - {from: migrations, to: /app/migrations, mode: 640}\n        entrypoint: [/app/brokle-server]\n"
                + "        arguments: [serve]\n        user: 65532\n        workingDirectory: /app\n        environment: {GIN_MODE: release}\n"
                + "        ports: [8080, 9090/udp]\n        labels: {org.opencontainers.image.title: brokle-server}\n";
    }

    private ImageBuild.Built build(ReleaseConfig config, RecordingLog log, String layout) {
        RegistryCredentials credentials = new RegistryCredentials(config, Credentials.none(), Map.of(), log);
        ImageConfig image = config.components().get(0).publish().images().get(0);
        ImageBuild build = new ImageBuild(dir, credentials, dir.resolve("cache"), log);
        assertEquals(List.of(), build.problems(image, "images[0]"));
        return build.build(image, META, dir.resolve(layout));
    }

    @Test
    void buildsOneIndexOfTwoPlatformsEachWithItsOwnBinaryAndPushesItUnderEveryTagToEveryRepository() throws Exception {
        binaries("");
        ReleaseConfig config = config(serverImage());
        RecordingLog log = new RecordingLog();
        ImageBuild.Built built = build(config, log, "layout");
        RegistryPush push = new RegistryPush(new RegistryCredentials(config, Credentials.none(), Map.of(), log), log);
        List<String> tags = List.of("1.2.3", "1.2", "1", "latest");
        for (String repository : List.of("brokle/brokle-server", "mirror/brokle-server")) {
            RegistryPush.Result result = push.push(built, registry.host() + "/" + repository, tags);
            assertEquals(tags, result.tagsMoved());
            assertEquals(List.of("1", "1.2", "1.2.3", "latest"), registry.tags(repository));
            for (String tag : tags) {
                assertEquals(built.digest(), registry.manifest(repository, tag).digest(), tag);
            }
        }
        // each repository received each blob once: 2 configs, 2 binary layers, 2 base layers and the migrations layer, which is the
        // same for both platforms
        assertEquals(7, registry.blobUploads("brokle/brokle-server"));
        assertEquals(7, registry.blobUploads("mirror/brokle-server"));

        TestRegistry.Manifest index = registry.manifest("brokle/brokle-server", "1.2.3");
        assertEquals(TestRegistry.OCI_INDEX, index.mediaType());
        JsonNode annotations = index.json().path("annotations");
        assertEquals("1.2.3", annotations.path("org.opencontainers.image.version").asText());
        assertEquals(META.revision(), annotations.path("org.opencontainers.image.revision").asText());
        assertEquals("https://github.com/brokle-ai/brokle", annotations.path("org.opencontainers.image.source").asText());
        assertEquals("2026-11-20T10:15:30Z", annotations.path("org.opencontainers.image.created").asText());
        List<String> platforms = new ArrayList<>();
        for (JsonNode entry : index.json().path("manifests")) {
            String arch = entry.path("platform").path("architecture").asText();
            platforms.add(entry.path("platform").path("os").asText() + "/" + arch);
            TestRegistry.Manifest manifest = registry.manifest("brokle/brokle-server", entry.path("digest").asText());
            assertEquals(TestRegistry.OCI_MANIFEST, manifest.mediaType());
            JsonNode image = registry.blobJson("brokle/brokle-server", manifest.json().path("config").path("digest").asText());
            assertEquals(arch, image.path("architecture").asText());
            assertEquals("linux", image.path("os").asText());
            assertEquals("2026-11-20T10:15:30Z", image.path("created").asText());
            JsonNode c = image.path("config");
            assertEquals("[\"/app/brokle-server\"]", c.path("Entrypoint").toString());
            assertEquals("[\"serve\"]", c.path("Cmd").toString());
            assertEquals("65532", c.path("User").asText());
            assertEquals("/app", c.path("WorkingDir").asText());
            assertTrue(c.path("Env").toString().contains("\"GIN_MODE=release\""), c.path("Env").toString());
            assertTrue(c.path("Env").toString().contains("\"BASE=yes\""), "the base image's environment is kept: " + c.path("Env"));
            assertTrue(c.path("ExposedPorts").has("8080/tcp") && c.path("ExposedPorts").has("9090/udp"), c.path("ExposedPorts").toString());
            assertEquals("1.2.3", c.path("Labels").path("org.opencontainers.image.version").asText());
            assertEquals(META.revision(), c.path("Labels").path("org.opencontainers.image.revision").asText());
            assertEquals("brokle-server", c.path("Labels").path("org.opencontainers.image.title").asText());
            JsonNode layers = manifest.json().path("layers");
            assertEquals(3, layers.size());
            Map<String, TestRegistry.LayerFile> base = registry.layerFiles("brokle/brokle-server", layers.get(0).path("digest").asText());
            assertEquals("linux/" + arch, new String(base.get("etc/base-platform").content(), StandardCharsets.UTF_8));
            Map<String, TestRegistry.LayerFile> app = registry.layerFiles("brokle/brokle-server", layers.get(1).path("digest").asText());
            assertEquals("server for " + arch, new String(app.get("app/brokle-server").content(), StandardCharsets.UTF_8));
            assertEquals(0755, app.get("app/brokle-server").mode() & 0777);
            Map<String, TestRegistry.LayerFile> migrations = registry.layerFiles("brokle/brokle-server", layers.get(2).path("digest").asText());
            assertEquals(0640, migrations.get("app/migrations/001.sql").mode() & 0777);
        }
        assertEquals(List.of("linux/amd64", "linux/arm64"), platforms);

        // the layout on disk is a valid OCI layout naming the same index
        JsonNode layoutIndex = new com.fasterxml.jackson.databind.ObjectMapper().readTree(built.layout().resolve("index.json").toFile());
        assertEquals(built.digest(), layoutIndex.path("manifests").get(0).path("digest").asText());
        assertEquals(built.digest(), TestRegistry.sha256(Files.readAllBytes(built.blob(built.digest()))));
    }

    @Test
    void theSameInputsGiveTheSameDigestsAndARerunUploadsNothing() throws Exception {
        binaries(" (rerun)");
        ReleaseConfig config = config(serverImage().replace("/brokle/brokle-server", "/rerun/brokle-server"));
        RecordingLog log = new RecordingLog();
        ImageBuild.Built first = build(config, log, "first");
        RegistryPush push = new RegistryPush(new RegistryCredentials(config, Credentials.none(), Map.of(), log), log);
        RegistryPush.Result pushed = push.push(first, registry.host() + "/rerun/brokle-server", List.of("1.2.3", "latest"));
        int uploads = registry.blobUploadsStarted("rerun/brokle-server");
        assertEquals(pushed.blobsUploaded(), registry.blobUploads("rerun/brokle-server"));
        assertTrue(uploads > 0);

        ImageBuild.Built second = build(config, log, "second");
        assertEquals(first.digest(), second.digest(), "a rebuild from the same inputs is the same image");
        assertEquals(List.of(), push.missingTags(second, registry.host() + "/rerun/brokle-server", List.of("1.2.3", "latest")));
        RegistryPush.Result again = push.push(second, registry.host() + "/rerun/brokle-server", List.of("1.2.3", "latest"));
        assertTrue(again.upToDate());
        assertEquals(0, again.blobsUploaded());
        assertEquals(uploads, registry.blobUploadsStarted("rerun/brokle-server"), "no upload was even started");

        // one binary changes: only what differs is uploaded (the amd64 layer and both platforms' configs stay unless changed)
        Files.writeString(dir.resolve("bin/linux-amd64/brokle-server"), "server for amd64, patched");
        ImageBuild.Built third = build(config, log, "third");
        assertNotEquals(first.digest(), third.digest());
        RegistryPush.Result patched = push.push(third, registry.host() + "/rerun/brokle-server", List.of("1.2.4"));
        assertEquals(2, patched.blobsUploaded(), "the new amd64 layer and its config");
        assertEquals(uploads + 2, registry.blobUploadsStarted("rerun/brokle-server"));
    }
}
