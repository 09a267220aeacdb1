package ai.brokle.release.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.Actionlint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The release as Maven Central receives it: a copy of the sources at a release version, built with
 * the release profile and signed with a key made for the test, deployed to a file repository; then
 * the plugin used from that repository alone, as a new user on a fresh machine would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseDistributionTest {
    private static final String GROUP_PATH = "ai/brokle";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static String version;
    static Path sources;
    static Path repository;
    static Path gnupg;
    static String buildOutput;

    @BeforeAll
    static void buildTheRelease() throws Exception {
        String snapshot = System.getProperty("distribution.snapshot");
        version = snapshot.replace("-SNAPSHOT", "");
        sources = Tools.copySources(Path.of(System.getProperty("distribution.sources")), tmp.resolve("sources"));
        Tools.setVersion(sources, snapshot, version);
        gnupg = Files.createDirectories(tmp.resolve("gnupg"));
        String secretKey = Tools.generateSigningKey(gnupg);
        repository = tmp.resolve("repository");
        buildOutput = Tools.mvn(sources, Map.of("MAVEN_GPG_KEY", secretKey), Tools.WRAPPER, "-B", "-P", "release", "-DskipTests",
                "-Dinvoker.skip=true", "-Dmaven.install.skip=true", "-Dgpg.signer=bc", "deploy",
                "-DaltDeploymentRepository=dist::file://" + repository);
    }

    private static Path artifact(String artifactId, String classifierAndExtension) {
        return repository.resolve(GROUP_PATH + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + classifierAndExtension);
    }

    @Test
    @Order(1)
    void everyArtifactCentralNeedsIsThereSignedWithChecksums() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(artifact("brokle-release-parent", ".pom"));
        for (String module : List.of("brokle-release-core", "brokle-release-maven-plugin")) {
            for (String file : List.of(".pom", ".jar", "-sources.jar", "-javadoc.jar")) {
                files.add(artifact(module, file));
            }
        }
        files.add(artifact("brokle-release-maven-plugin", "-cyclonedx.json"));
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            for (String suffix : List.of("", ".asc", ".md5", ".sha1")) {
                if (!Files.isRegularFile(Path.of(file + suffix))) {
                    missing.add(repository.relativize(Path.of(file + suffix)).toString());
                }
            }
        }
        assertEquals(List.of(), missing, "missing from the deployed release");
        for (Path file : files) {
            Tools.verifySignature(gnupg, file);
        }
        assertFalse(Files.exists(repository.resolve(GROUP_PATH + "/brokle-release-benchmark")), "the benchmarks are not published");
        assertFalse(Files.exists(repository.resolve(GROUP_PATH + "/brokle-release-distribution")), "nor is this test");
        assertTrue(Files.readString(repository.resolve(GROUP_PATH + "/maven-metadata.xml")).contains("<prefix>brokle-release</prefix>"),
                "the group metadata maps the short prefix to the plugin");
    }

    @Test
    @Order(2)
    void thePomsCarryWhatCentralRequires() throws Exception {
        Document parent = Tools.xml(artifact("brokle-release-parent", ".pom"));
        for (String path : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
                "scm/connection", "scm/developerConnection", "scm/url")) {
            assertFalse(Tools.text(parent, path).isBlank(), "the parent POM has " + path);
        }
        assertEquals("Apache-2.0", Tools.text(parent, "licenses/license/name"));
        for (String module : List.of("brokle-release-core", "brokle-release-maven-plugin")) {
            Document pom = Tools.xml(artifact(module, ".pom"));
            assertFalse(Tools.text(pom, "name").isBlank(), module);
            assertFalse(Tools.text(pom, "description").isBlank(), module);
            assertEquals("brokle-release-parent", Tools.text(pom, "parent/artifactId"), module + " inherits url, licences, developers and scm");
            assertEquals(version, Tools.text(pom, "parent/version"));
        }
        assertTrue(Files.readString(sources.resolve("LICENSE")).contains("Apache License"));
    }

    @Test
    @Order(3)
    void thePluginJarBundlesOnlyRelocatedLibrariesWithTheirSbomAndLicences() throws Exception {
        try (ZipFile jar = new ZipFile(artifact("brokle-release-maven-plugin", ".jar").toFile())) {
            List<String> outside = jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class") && !n.startsWith("ai/brokle/"))
                    .toList();
            assertEquals(List.of(), outside, "every bundled class is relocated under ai.brokle.release.shaded");
            Set<String> licences = new TreeSet<>();
            jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith("META-INF/licenses/")).forEach(licences::add);
            JsonNode sbom;
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/sbom/bom.json"))) {
                sbom = JSON.readTree(in);
            }
            List<String> without = new ArrayList<>();
            for (JsonNode component : sbom.path("components")) {
                String name = component.path("name").asText();
                if (component.path("group").asText().equals("ai.brokle") || Tools.GIVEN_BY_MAVEN.contains(name)) {
                    continue;
                }
                if (!Tools.hasLicenceText(licences, name, component.path("version").asText(), component.path("licenses"))) {
                    without.add(name);
                }
            }
            assertEquals(List.of(), without, "bundled libraries without a licence text in META-INF/licenses");
            assertTrue(sbom.path("components").size() > 30, "the SBOM lists the bundled libraries");
            String manifest = new String(jar.getInputStream(jar.getEntry("META-INF/MANIFEST.MF")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Implementation-Version: " + version), manifest);
        }
        Document pom = Tools.xml(artifact("brokle-release-maven-plugin", ".pom"));
        String dependencies = Tools.text(pom, "dependencies");
        assertTrue(dependencies.contains("plexus-utils"), "declared, so that Maven 3.8 injects no plexus-utils 1.1");
        assertFalse(dependencies.contains("org.eclipse.jgit"), "bundled libraries are not dependencies of the installed POM");
    }

    @Test
    @Order(4)
    void aSecondBuildWithoutCleanPrintsNoWarning() throws Exception {
        String again = Tools.mvn(sources, Map.of(), Tools.WRAPPER, "-B", "-DskipTests", "-Dinvoker.skip=true", "package");
        List<String> warnings = again.lines().filter(l -> l.startsWith("[WARNING]")).toList();
        assertEquals(List.of(), warnings, "warnings of a second build");
    }

    @Test
    @Order(5)
    void aNewUserRunsTheGoalsWithTheShortPrefixFromThatRepositoryAlone() throws Exception {
        Tools.seedFromCentral(repository, Path.of(System.getProperty("distribution.localRepository")));
        Path settings = Files.writeString(tmp.resolve("settings.xml"), "<settings>\n  <pluginGroups>\n    <pluginGroup>ai.brokle</pluginGroup>\n"
                + "  </pluginGroups>\n  <mirrors>\n    <mirror>\n      <id>release</id>\n      <mirrorOf>*</mirrorOf>\n      <url>file://" + repository
                + "</url>\n    </mirror>\n  </mirrors>\n</settings>\n");
        for (Path maven : List.of(sources.resolve(Tools.WRAPPER), oldestMaven())) {
            Path sdk = Tools.pythonSdk(tmp.resolve("sdk-" + maven.getFileName() + "-" + Files.getLastModifiedTime(maven).toMillis()));
            Path fresh = tmp.resolve("fresh-" + sdk.getFileName());
            String common = "-Dmaven.repo.local=" + fresh;
            String next = Tools.mvn(sdk, Map.of(), maven.toString(), "-B", "-s", settings.toString(), common, "brokle-release:next-version");
            assertTrue(next.contains("[INFO]   next version    : 0.4.1"), next);
            String init = Tools.mvn(sdk, Map.of(), maven.toString(), "-B", "-s", settings.toString(), common, "brokle-release:init", "-Dbrokle.force=true");
            assertTrue(init.contains("Wrote .github/workflows/publish.yml"), init);
            String workflow = Files.readString(sdk.resolve(".github/workflows/publish.yml"));
            assertTrue(workflow.contains("ai.brokle:brokle-release-maven-plugin:" + version + ":"), "the released version: " + workflow);
            assertFalse(workflow.contains("SNAPSHOT"), "no generated workflow names a SNAPSHOT: " + workflow);
            assertTrue(Files.isDirectory(fresh.resolve(GROUP_PATH + "/brokle-release-maven-plugin/" + version)), "resolved into the new local repository");
        }
    }

    @Test
    @Order(6)
    void theActionPassesActionlintAndItsStepsRunAGoalWithThePluginFromThatRepository() throws Exception {
        CompositeAction action = new CompositeAction(sources);
        Path workflow = Files.writeString(Files.createDirectories(tmp.resolve("lint/.github/workflows")).resolve("action.yml"), action.asWorkflow());
        assertEquals(List.of(), Actionlint.check(List.of(workflow, sources.resolve(".github/workflows/release.yml"))),
                "actionlint on the action's steps, inputs and outputs, and on this project's own release workflow");

        // a runner's home with the settings.xml setup-java writes; the action adds the plugin group to it
        Path home = tmp.resolve("runner-home");
        Path settings = Files.writeString(Files.createDirectories(home.resolve(".m2")).resolve("settings.xml"), "<settings>\n"
                + "  <localRepository>" + tmp.resolve("runner-m2") + "</localRepository>\n  <servers>\n    <server>\n      <id>github</id>\n"
                + "      <username>${env.GITHUB_ACTOR}</username>\n    </server>\n  </servers>\n  <mirrors>\n    <mirror>\n      <id>release</id>\n"
                + "      <mirrorOf>*</mirrorOf>\n      <url>file://" + repository + "</url>\n    </mirror>\n  </mirrors>\n</settings>\n");
        Path sdk = Tools.pythonSdk(tmp.resolve("action-sdk"));
        // Java takes user.home from the password database, not from HOME: both point at the runner's home
        Map<String, String> env = Map.of("HOME", home.toString(), "MAVEN_OPTS", "-Duser.home=" + home, "MAVEN", oldestMaven().toString());
        Map<String, String> outputs = action.run(Map.of("goal", "next-version"), "v" + version, sdk, env, Files.createDirectories(tmp.resolve("steps")));
        assertEquals("v0.4.1", outputs.get("tag"), outputs.toString());
        assertEquals("0.4.1", outputs.get("version"), outputs.toString());
        String written = Files.readString(settings);
        assertTrue(written.contains("<pluginGroup>ai.brokle</pluginGroup>") && written.contains("<id>github</id>"), written);
        // later steps of the job call the short prefix
        String shortPrefix = Tools.run(sdk, env, Tools.BUILD_TIMEOUT_MINUTES, oldestMaven().toString(), "-B", "brokle-release:validate");
        assertTrue(shortPrefix.contains("BUILD SUCCESS"), shortPrefix);
    }

    @Test
    @Order(7)
    void theActionNamesAReleasedPluginVersionOrStops() throws Exception {
        Path script = sources.resolve("action/plugin-version.sh");
        Path output = Files.createFile(tmp.resolve("version-output"));
        for (Map<String, String> env : List.of(Map.of("ACTION_REF", "main"), Map.of("INPUT_VERSION", "0.3.0-SNAPSHOT"),
                Map.of("INPUT_VERSION", "latest"))) {
            Map<String, String> all = new java.util.HashMap<>(env);
            all.put("GITHUB_OUTPUT", output.toString());
            AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                    () -> Tools.run(tmp, all, 1, "bash", script.toString()));
            assertTrue(refused.getMessage().contains("::error title=brokle-release::"), refused.getMessage());
        }
        Tools.run(tmp, Map.of("ACTION_REF", "v0.2.0", "GITHUB_OUTPUT", output.toString()), 1, "bash", script.toString());
        assertEquals("version=0.2.0\n", Files.readString(output));
    }

    @Test
    @Order(8)
    void theGeneratedUpdateSubmodulesWorkflowRunsGreenAfterAnSdkRelease() throws Exception {
        String token = "ghs_apptoken0123456789abcdefghijklmnopqr";
        try (ai.brokle.release.testing.FakeGitHub github = ai.brokle.release.testing.FakeGitHub.start(token)) {
            // the Python SDK, released as v0.4.0; the platform pins it and keeps the compatibility matrix
            Path sdkWork = tmp.resolve("wf-python");
            ObjectIdHolder v040 = new ObjectIdHolder();
            try (ai.brokle.release.testing.TestRepo sdk = ai.brokle.release.testing.TestRepo.init(sdkWork)) {
                v040.id = sdk.commit("feat: client").copy();
                sdk.annotatedTag("v0.4.0");
            }
            Path sdkRemote = tmp.resolve("wf-python.git");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(sdkWork.toUri().toString()).setDirectory(sdkRemote.toFile()).setBare(true).call().close();
            Path origin = tmp.resolve("wf-platform-origin.git");
            org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
            Path platformDir = tmp.resolve("wf-platform");
            try (ai.brokle.release.testing.TestRepo platform = ai.brokle.release.testing.TestRepo.init(platformDir)) {
                platform.write("go.mod", "module brokle\n\ngo 1.25\n");
                platform.write(".gitmodules", "[submodule \"sdk/python\"]\n\tpath = sdk/python\n\turl = " + sdkRemote.toUri() + "\n");
                platform.git().add().addFilepattern(".").call();
                platform.stageGitlink("sdk/python", v040.id);
                platform.commitIndex("feat: platform");
                platform.annotatedTag("v1.0.0");
                platform.git().remoteAdd().setName("origin").setUri(new org.eclipse.jgit.transport.URIish(origin.toUri().toString())).call();
            }
            // maintainers: init, the matrix, commit, push (the released plugin, as runners get it)
            Path bin = Files.createDirectories(tmp.resolve("wf-bin"));
            Path settings = Files.writeString(tmp.resolve("wf-settings.xml"), "<settings>\n  <localRepository>" + tmp.resolve("wf-m2")
                    + "</localRepository>\n  <mirrors>\n    <mirror>\n      <id>release</id>\n      <mirrorOf>*</mirrorOf>\n      <url>file://"
                    + repository + "</url>\n    </mirror>\n  </mirrors>\n</settings>\n");
            Tools.seedFromCentral(repository, Path.of(System.getProperty("distribution.localRepository")));
            Path mvn = bin.resolve("mvn");
            Files.writeString(mvn, "#!/bin/sh\nexec '" + oldestMaven() + "' -s '" + settings + "' \"$@\"\n");
            mvn.toFile().setExecutable(true);
            Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"), "GITHUB_API_URL",
                    github.apiUrl().toString(), "GITHUB_REPOSITORY", "brokle-ai/brokle"));
            String plugin = "ai.brokle:brokle-release-maven-plugin:" + version;
            Tools.run(platformDir, env, Tools.BUILD_TIMEOUT_MINUTES, mvn.toString(), "-B", plugin + ":init");
            Tools.run(platformDir, Map.copyOf(withToken(env, token)), Tools.BUILD_TIMEOUT_MINUTES, mvn.toString(), "-B", plugin + ":compatibility-matrix");
            try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(platformDir.toFile())) {
                git.add().addFilepattern(".brokle-release.yml").addFilepattern(".github").addFilepattern("docs").call();
                git.commit().setMessage("chore: brokle-release").setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").call();
                git.push().setRemote("origin").add("main").setPushTags().call();
            }
            String matrixBefore = Files.readString(platformDir.resolve("docs/SDK_COMPATIBILITY.md"));
            assertTrue(matrixBefore.contains("| Python SDK | 0.4.0 |"), matrixBefore);

            // the SDK releases v0.4.1 and dispatches sdk-released
            try (ai.brokle.release.testing.TestRepo sdk = ai.brokle.release.testing.TestRepo.open(sdkWork)) {
                sdk.commit("fix: retry on 429");
                sdk.annotatedTag("v0.4.1");
                sdk.git().push().setRemote(sdkRemote.toUri().toString()).setPushAll().setPushTags().call();
            }
            Path event = Files.writeString(tmp.resolve("wf-event.json"),
                    "{\"action\":\"sdk-released\",\"client_payload\":{\"sdk\":\"python\",\"version\":\"0.4.1\",\"tag\":\"v0.4.1\"}}");
            env.put("GITHUB_EVENT_PATH", event.toString());
            env.put("GITHUB_EVENT_NAME", "repository_dispatch");

            // the workflow's steps in order: the App token step gives the token; checkout, Java and the cache are in place already
            WorkflowSteps update = WorkflowSteps.read(platformDir.resolve(".github/workflows/update-submodules.yml"), "update-submodules");
            Map<String, String> expressions = Map.of("steps.app-token.outputs.token", token, "inputs.prerelease || false", "false",
                    "secrets.GITHUB_TOKEN", token);
            List<String> ran = update.run(platformDir, env, expressions);
            assertTrue(ran.stream().anyMatch(r -> r.contains(":update-submodules")), "the update step ran: " + ran);

            // the pull request: the bot branch with the gitlink and the refreshed matrix, auto-merge on
            assertEquals(1, github.pullRequests().size(), github.requests().toString());
            com.fasterxml.jackson.databind.JsonNode pull = github.pullRequests().get(0);
            assertEquals("bot/update-sdk-submodules", pull.path("head").asText());
            assertEquals("SQUASH", pull.path("auto_merge").path("merge_method").asText(), pull.toString());

            // CI on the pull request: the validate-submodules workflow's steps on the bot branch pass
            Path pr = tmp.resolve("wf-pr");
            org.eclipse.jgit.api.Git.cloneRepository().setURI(origin.toUri().toString()).setBranch("bot/update-sdk-submodules")
                    .setDirectory(pr.toFile()).call().close();
            assertTrue(Files.readString(pr.resolve("docs/SDK_COMPATIBILITY.md")).contains("| Python SDK | 0.4.1 |"), "the matrix in the same commit");
            WorkflowSteps validate = WorkflowSteps.read(pr.resolve(".github/workflows/validate-submodules.yml"), "validate-submodules");
            List<String> checks = validate.run(pr, withToken(env, token), Map.of("secrets.GITHUB_TOKEN", token));
            assertTrue(checks.stream().anyMatch(c -> c.contains(":compatibility-matrix -Dbrokle.check=true")), "the matrix check ran: " + checks);
        }
    }

    private static Map<String, String> withToken(Map<String, String> env, String token) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put("GITHUB_TOKEN", token);
        return out;
    }

    /** A commit id set inside a try block. */
    private static final class ObjectIdHolder {
        org.eclipse.jgit.lib.ObjectId id;
    }

    private static Path oldestMaven() {
        Path oldest = Path.of(System.getProperty("distribution.oldestMaven"), "bin", "mvn");
        assertTrue(Files.isExecutable(oldest), "the oldest supported Maven, unpacked by the plugin module's build: " + oldest);
        return oldest;
    }
}
