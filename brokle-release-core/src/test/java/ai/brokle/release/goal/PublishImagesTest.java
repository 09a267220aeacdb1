package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRegistry;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The images goal against a real registry on 127.0.0.1: tags by policy over several releases, re-runs, dry runs, credentials. */
class PublishImagesTest {
    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private static String config(String host, String registries) {
        return "registries:\n  \"" + host + "\": {insecure: true" + registries + "}\ncomponents:\n  platform:\n    path: .\n    tagPrefix: v\n"
                + "    images:\n      - repositories: [" + host + "/brokle/brokle-server]\n        layers:\n"
                + "          - {from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server, mode: 755}\n"
                + "        entrypoint: [/app/brokle-server]\n";
    }

    private static RevCommit release(TestRepo repo, String version) {
        for (String arch : List.of("amd64", "arm64")) {
            repo.write("bin/linux-" + arch + "/brokle-server", "brokle-server " + version + " for " + arch);
        }
        RevCommit commit = repo.commitAll("chore(release): v" + version);
        repo.annotatedTag("v" + version);
        return commit;
    }

    private void images(Path dir, String tag, boolean dryRun, Map<String, String> extraEnv, Function<String, Optional<Login>> servers) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("GITHUB_REF", "refs/tags/" + tag);
        env.put("DOCKER_CONFIG", dir.resolve("no-docker-config").toString());
        new PublishImagesWorkflow(PerformOptions.of(ReleaseOptions.of(dir).withEnvironment(env).withLog(log)
                .withCredentials(Credentials.none().withServers(servers))).withDryRun(dryRun)).execute();
    }

    private void images(Path dir, String tag) {
        images(dir, tag, false, Map.of(), id -> Optional.empty());
    }

    @Test
    void tagsFollowThePolicyAcrossStableOlderLineAndPreReleases() throws Exception {
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            String repository = "brokle/brokle-server";
            repo.write(".brokle-release.yml", config(registry.host(), ""));
            repo.write(".gitignore", "target/\n");
            String main = repo.git().getRepository().getBranch();
            RevCommit r310 = release(repo, "3.1.4");
            images(repo.dir(), "v3.1.4");
            RevCommit r320 = release(repo, "3.2.0");
            images(repo.dir(), "v3.2.0");
            String v320 = registry.manifest(repository, "3.2.0").digest();
            assertEquals(List.of("3", "3.1", "3.1.4", "3.2", "3.2.0", "latest"), registry.tags(repository));
            assertEquals(v320, registry.manifest(repository, "latest").digest());
            assertEquals(v320, registry.manifest(repository, "3").digest());

            JsonNode index = registry.manifest(repository, "3.2.0").json();
            assertEquals("3.2.0", index.path("annotations").path("org.opencontainers.image.version").asText());
            assertEquals(r320.name(), index.path("annotations").path("org.opencontainers.image.revision").asText());
            assertEquals(Instant.ofEpochSecond(r320.getCommitTime()).toString(), index.path("annotations").path("org.opencontainers.image.created")
                    .asText(), "created is the release commit's time");
            assertFalse(r310.name().equals(r320.name()));
            for (JsonNode entry : index.path("manifests")) {
                String arch = entry.path("platform").path("architecture").asText();
                JsonNode manifest = registry.manifest(repository, entry.path("digest").asText()).json();
                Map<String, TestRegistry.LayerFile> files = registry.layerFiles(repository, manifest.path("layers").get(0).path("digest").asText());
                assertEquals("brokle-server 3.2.0 for " + arch, new String(files.get("app/brokle-server").content(), StandardCharsets.UTF_8));
            }

            // a patch of the older line, released after 3.2.0, moves 3.1 only
            repo.checkoutNewBranch("release-3.1");
            repo.git().reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("v3.1.4").call();
            release(repo, "3.1.5");
            images(repo.dir(), "v3.1.5");
            String v315 = registry.manifest(repository, "3.1.5").digest();
            assertEquals(v315, registry.manifest(repository, "3.1").digest());
            assertEquals(v320, registry.manifest(repository, "3").digest(), "3 stays on 3.2.0");
            assertEquals(v320, registry.manifest(repository, "latest").digest(), "latest stays on 3.2.0");

            // a pre-release gets its own tag only
            repo.checkout(main);
            release(repo, "3.3.0-rc.1");
            images(repo.dir(), "v3.3.0-rc.1");
            assertEquals(List.of("3", "3.1", "3.1.4", "3.1.5", "3.2", "3.2.0", "3.3.0-rc.1", "latest"), registry.tags(repository));
            assertEquals(v320, registry.manifest(repository, "latest").digest());

            // the images are built from the checkout: it must be the tag's
            ReleaseFailure elsewhere = assertThrows(ReleaseFailure.class, () -> images(repo.dir(), "v3.2.0"));
            assertTrue(elsewhere.getMessage().contains("check out the tag first"), elsewhere.getMessage());

            // a re-run of 3.2.0 on its tag: up to date, not one upload started
            repo.git().checkout().setName("v3.2.0").call();
            int started = registry.blobUploadsStarted(repository);
            images(repo.dir(), "v3.2.0");
            assertEquals(started, registry.blobUploadsStarted(repository));
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[images] every image is up to date")), log.lines().toString());

            // other files than the release's would make another image: the released tag is not overwritten
            repo.write("bin/linux-arm64/brokle-server", "rebuilt differently");
            ReleaseError overwrite = assertThrows(ReleaseError.class, () -> images(repo.dir(), "v3.2.0"));
            assertTrue(overwrite.getMessage().contains("3.2.0 already holds another image"), overwrite.getMessage());
            assertEquals(v320, registry.manifest(repository, "3.2.0").digest());
            assertEquals(v320, registry.manifest(repository, "latest").digest());
        }
    }

    @Test
    void theIndexAndEachManifestCarryTheReleasesAnnotationsAndTheBaseImage() throws Exception {
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            String base = registry.pushBase("base/static", "nonroot", List.of("linux/amd64", "linux/arm64"));
            repo.write(".brokle-release.yml", "repositoryUrl: https://github.com/brokle-ai/brokle\nregistries:\n  \"" + registry.host()
                    + "\": {insecure: true}\ncomponents:\n  platform:\n    path: .\n    tagPrefix: v\n    images:\n"
                    + "      - repositories: [" + registry.host() + "/brokle/brokle-server]\n        from: " + registry.host() + "/base/static:nonroot\n"
                    + "        layers: [{from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server}]\n"
                    + "      - name: worker\n        repositories: [" + registry.host() + "/brokle/brokle-worker]\n"
                    + "        description: The Brokle worker\n        licenses: MIT OR Apache-2.0\n"
                    + "        layers: [{from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-worker}]\n");
            repo.write(".gitignore", "target/\n");
            repo.write("package.json", "{\n  \"name\": \"brokle\",\n  \"private\": true,\n  \"description\": \"The Brokle platform\"\n}\n");
            repo.write("LICENSE", "MIT License\n\nCopyright (c) 2025 Brokle\n");
            RevCommit commit = release(repo, "1.4.0");
            Path outputs = Files.createFile(tmp.resolve("github-output"));
            images(repo.dir(), "v1.4.0", false, Map.of("GITHUB_OUTPUT", outputs.toString()), id -> Optional.empty());
            String written = Files.readString(outputs);
            assertTrue(written.contains(registry.manifest("brokle/brokle-server", "1.4.0").digest())
                    && written.contains("digest-brokle-server") && written.contains("digest-worker"), "digests for the attestations: " + written);

            JsonNode index = registry.manifest("brokle/brokle-server", "1.4.0").json();
            Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                    "org.opencontainers.image.title", "brokle-server",
                    "org.opencontainers.image.description", "The Brokle platform",
                    "org.opencontainers.image.licenses", "MIT",
                    "org.opencontainers.image.url", "https://github.com/brokle-ai/brokle",
                    "org.opencontainers.image.source", "https://github.com/brokle-ai/brokle",
                    "org.opencontainers.image.version", "1.4.0",
                    "org.opencontainers.image.revision", commit.name(),
                    "org.opencontainers.image.base.name", registry.host() + "/base/static:nonroot",
                    "org.opencontainers.image.base.digest", base));
            expected.put("org.opencontainers.image.created", Instant.ofEpochSecond(commit.getCommitTime()).toString());
            assertEquals(expected, annotations(index), "the index");
            for (JsonNode entry : index.path("manifests")) {
                JsonNode manifest = registry.manifest("brokle/brokle-server", entry.path("digest").asText()).json();
                assertEquals(expected, annotations(manifest), "the manifest of " + entry.path("platform"));
                JsonNode config = registry.blobJson("brokle/brokle-server", manifest.path("config").path("digest").asText());
                assertEquals("The Brokle platform", config.path("config").path("Labels").path("org.opencontainers.image.description").asText(),
                        "and as labels: " + config);
            }

            // an image's own description and licence; no base for scratch
            JsonNode worker = registry.manifest("brokle/brokle-worker", "1.4.0").json();
            assertEquals("The Brokle worker", worker.path("annotations").path("org.opencontainers.image.description").asText());
            assertEquals("MIT OR Apache-2.0", worker.path("annotations").path("org.opencontainers.image.licenses").asText());
            assertEquals("worker", worker.path("annotations").path("org.opencontainers.image.title").asText());
            assertFalse(worker.path("annotations").has("org.opencontainers.image.base.name"), worker.toString());
        }
    }

    private static Map<String, String> annotations(JsonNode node) {
        Map<String, String> out = new java.util.TreeMap<>();
        node.path("annotations").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Test
    void oneBuildGoesToTwoRegistriesEachWithItsOwnLogin() throws Exception {
        String password = "second-registry-password";
        try (TestRegistry open = TestRegistry.start(tmp.resolve("open")); TestRegistry locked = TestRegistry.start(tmp.resolve("locked"), "bot",
                password); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", "registries:\n  \"" + open.host() + "\": {insecure: true}\n  \"" + locked.host()
                    + "\": {insecure: true, serverId: locked-registry}\ncomponents:\n  platform:\n    path: .\n    tagPrefix: v\n    images:\n"
                    + "      - repositories: [" + open.host() + "/brokle/brokle-server, " + locked.host() + "/brokle/brokle-server]\n"
                    + "        layers: [{from: 'bin/{os}-{arch}/brokle-server', to: /app/brokle-server}]\n");
            repo.write(".gitignore", "target/\n");
            release(repo, "2.1.0");
            images(repo.dir(), "v2.1.0", false, Map.of(), id -> id.equals("locked-registry") ? Optional.of(new Login("bot",
                    password)) : Optional.empty());
            String digest = open.manifest("brokle/brokle-server", "2.1.0").digest();
            assertEquals(digest, locked.manifest("brokle/brokle-server", "2.1.0").digest(), "the same build in both registries");
            assertEquals(List.of("2", "2.1", "2.1.0", "latest"), locked.tags("brokle/brokle-server"));
            assertEquals(4, open.blobUploads("brokle/brokle-server"));
            assertEquals(4, locked.blobUploads("brokle/brokle-server"));
            assertFalse(log.everything().contains(password));
        }
    }

    @Test
    void aPlainHttpRegistryIsRefusedUnlessAllowedForIt() throws Exception {
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", config(registry.host(), "").replace("  \"" + registry.host() + "\": {insecure: true}\n",
                    "  other.example: {insecure: true}\n"));
            repo.write(".gitignore", "target/\n");
            release(repo, "1.0.0");
            // at once: not after the minute of backoff Jib's client spends on a failed handshake
            ReleaseError refused = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> assertThrows(ReleaseError.class, () -> images(repo.dir(), "v1.0.0")));
            assertTrue(refused.getMessage().contains("The registry " + registry.host() + " (for " + registry.host() + "/brokle/brokle-server) is"
                    + " reached only over plain HTTP or unverified TLS; allow it with registries: {" + registry.host() + ": {insecure: true}}"),
                    refused.getMessage());
            assertEquals(List.of(), registry.tags("brokle/brokle-server"));
        }
    }

    @Test
    void aDryRunBuildsTheLayoutAndPushesNothing() throws Exception {
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", config(registry.host(), ""));
            repo.write(".gitignore", "target/\n");
            release(repo, "1.0.0");
            images(repo.dir(), "v1.0.0", true, Map.of(), id -> Optional.empty());
            assertFalse(registry.accessLog().contains("/v2/brokle/"), "the target registry was not asked anything: " + registry.accessLog());
            assertEquals(List.of(), registry.tags("brokle/brokle-server"));
            Path layout = repo.dir().resolve("target/brokle-release/images/brokle-server");
            assertTrue(Files.isRegularFile(layout.resolve("index.json")) && Files.isRegularFile(layout.resolve("oci-layout")));
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("would push brokle-server sha256:")), log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("as 1.0.0, 1.0, 1, latest")), log.lines().toString());
        }
    }

    @Test
    void everyMissingFileAndVariableIsReportedBeforeAnythingIsBuilt() throws Exception {
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", config(registry.host(), ", usernameEnv: REG_USER, passwordEnv: REG_PASSWORD"));
            repo.write("bin/linux-amd64/brokle-server", "amd64 only");
            repo.commitAll("chore(release): v1.0.0");
            repo.annotatedTag("v1.0.0");
            ReleaseFailure failure = assertThrows(ReleaseFailure.class, () -> images(repo.dir(), "v1.0.0"));
            assertTrue(failure.getMessage().contains("bin/linux-arm64/brokle-server (for linux/arm64) does not exist"), failure.getMessage());
            assertTrue(failure.getMessage().contains("registries." + registry.host() + ".usernameEnv: REG_USER is not set"), failure.getMessage());
            assertTrue(failure.getMessage().contains("registries." + registry.host() + ".passwordEnv: REG_PASSWORD is not set"), failure.getMessage());
            assertFalse(Files.exists(repo.dir().resolve("target/brokle-release/images")), "nothing was built");
        }
    }

    @Test
    void credentialsComeFromSettingsTheEnvironmentOrDockerConfigAndAreNeverShown() throws Exception {
        String password = "s3cret-registry-password";
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry"), "ci", password);
                TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            String repository = "brokle/brokle-server";
            repo.write(".gitignore", "target/\n");
            repo.write(".brokle-release.yml", config(registry.host(), ""));
            release(repo, "1.0.0");
            ReleaseError anonymous = assertThrows(ReleaseError.class, () -> images(repo.dir(), "v1.0.0"));
            assertTrue(anonymous.getMessage().contains("refused anonymous access"), anonymous.getMessage());

            // settings.xml server named as the host
            images(repo.dir(), "v1.0.0", false, Map.of(), id -> id.equals(registry.host()) ? Optional.of(new Login("ci",
                    password)) : Optional.empty());
            assertEquals(List.of("1", "1.0", "1.0.0", "latest"), registry.tags(repository));

            // a wrong password is refused with advice, and shown nowhere
            release(repo, "1.0.1");
            ReleaseError refused = assertThrows(ReleaseError.class, () -> images(repo.dir(), "v1.0.1", false, Map.of(),
                    id -> Optional.of(new Login("ci", "wrong-" + password))));
            assertTrue(refused.getMessage().contains("refused the credentials") && refused.getMessage().contains("settings.xml server "
                    + registry.host()), refused.getMessage());

            // environment variables named by the configuration
            repo.write(".brokle-release.yml", config(registry.host(), ", usernameEnv: REG_USER, passwordEnv: REG_PASSWORD"));
            repo.commitAll("ci: registry credentials from the environment");
            repo.git().tagDelete().setTags("v1.0.1").call();
            repo.annotatedTag("v1.0.1");
            images(repo.dir(), "v1.0.1", false, Map.of("REG_USER", "ci", "REG_PASSWORD", password), id -> Optional.empty());
            assertTrue(registry.tags(repository).contains("1.0.1"));

            // a Docker config.json
            repo.write(".brokle-release.yml", config(registry.host(), ""));
            repo.commitAll("ci: docker login");
            repo.annotatedTag("v1.0.2");
            Path docker = Files.createDirectories(tmp.resolve("docker"));
            Files.writeString(docker.resolve("config.json"), "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString(("ci:" + password).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
            Map<String, String> env = new HashMap<>();
            env.put("GITHUB_REF", "refs/tags/v1.0.2");
            env.put("DOCKER_CONFIG", docker.toString());
            new PublishImagesWorkflow(PerformOptions.of(ReleaseOptions.of(repo.dir()).withEnvironment(env).withLog(log))).execute();
            assertEquals(registry.manifest(repository, "1.0.2").digest(), registry.manifest(repository, "latest").digest());

            assertFalse(log.everything().contains(password), "the password is in no log line at any level");
            assertFalse(refused.toString().contains(password) && anonymous.toString().contains(password));
        }
    }

    @Test
    void thePushIsRecordedOnTheRemoteWhereAnotherJobsChecklistFindsIt() throws Exception {
        Path bare = tmp.resolve("remote.git");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        try (TestRegistry registry = TestRegistry.start(tmp.resolve("registry")); TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", config(registry.host(), ""));
            repo.write(".gitignore", "target/\n");
            release(repo, "1.0.0");
            repo.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(bare.toUri().toString())).call();
            repo.git().push().setRemote("origin").setPushAll().setPushTags().call();
            images(repo.dir(), "v1.0.0");

            Path other = tmp.resolve("other");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(other.toFile()).call().close();
            try (TestRepo clone = TestRepo.open(other)) {
                clone.git().checkout().setName("v1.0.0").call();
            }
            String checklist = new ChecklistWorkflow(new ChecklistWorkflow.Options(ReleaseOptions.of(other).withEnvironment(
                    Map.of("GITHUB_REF", "refs/tags/v1.0.0")).withLog(log), null, null, null, null),
                    new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
            assertTrue(checklist.contains("- [x] Docker images pushed — _images: " + registry.host() + "/brokle/brokle-server as 1.0.0, 1.0, 1,"
                    + " latest_"), checklist);
        }
    }
}
