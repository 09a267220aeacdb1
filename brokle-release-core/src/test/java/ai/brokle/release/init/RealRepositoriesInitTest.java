package ai.brokle.release.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.goal.PrepareOptions;
import ai.brokle.release.goal.PrepareWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.goal.SubmoduleOptions;
import ai.brokle.release.goal.SubmoduleWorkflow;
import ai.brokle.release.testing.Actionlint;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * init on fixtures built from the three real repositories' files (their workflows, Dockerfiles, Go
 * version package, web version constant, package.json, pyproject, tags): what it keeps, what it
 * detects, what it changes, and that what it writes passes the current actionlint.
 */
class RealRepositoriesInitTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private Map<String, String> init(Path dir, boolean force) {
        return InitRun.run(dir, force, log);
    }

    /** A repository with the fixture's files committed. */
    private TestRepo fixture(String name, String origin) throws Exception {
        TestRepo repo = TestRepo.init(tmp.resolve(name));
        Path from = Path.of(getClass().getResource("/real-init/" + name).toURI());
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    repo.write(from.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        repo.git().remoteAdd().setName("origin").setUri(new URIish(origin)).call();
        return repo;
    }

    /** A bare SDK remote with a commit per tag (the real repositories' tag names). */
    private Path sdkRemote(String name, String... tags) throws Exception {
        Path work = tmp.resolve(name + "-work");
        try (TestRepo repo = TestRepo.init(work)) {
            for (String tag : tags) {
                repo.commit("feat: " + tag);
                repo.annotatedTag(tag);
            }
        }
        Path bare = tmp.resolve(name + ".git");
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        return bare;
    }

    private static RevCommit tagged(Path remote, String tag) throws IOException {
        try (Git git = Git.open(remote.toFile()); org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            return walk.parseCommit(git.getRepository().resolve(tag + "^{commit}"));
        }
    }

    /** actionlint over the written workflows, each under its real name beside the repository's other workflows. */
    private List<String> lint(Path repo, Map<String, String> written) throws IOException {
        Path project = tmp.resolve("lint-" + repo.getFileName());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> existing = Files.list(repo.resolve(".github/workflows"))) {
            for (Path p : (Iterable<Path>) existing::iterator) {
                String name = p.getFileName().toString().replace(InitFilesStep.PROPOSED, "");
                Path target = project.resolve(".github/workflows/" + name);
                Files.createDirectories(target.getParent());
                Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String path : written.keySet()) {
            if (path.startsWith(".github/workflows/")) {
                Path target = project.resolve(path);
                Files.writeString(target, written.get(path), StandardCharsets.UTF_8);
                if (!path.endsWith("/ci.yml")) {
                    files.add(target); // their CI's own jobs are theirs (old action majors included); it is there to be called
                }
            }
        }
        return Actionlint.check(files);
    }

    /** The jobs init writes itself (not the kept ones): a timeout each, and no checkout that leaves the token behind. */
    private static void hardened(String workflow, List<String> keptJobs) throws IOException {
        JsonNode w = YAML.readTree(workflow);
        assertTrue(w.path("concurrency").path("group").isTextual(), "a concurrency group: " + workflow);
        assertTrue(w.path("permissions").isObject() && w.path("permissions").isEmpty(), "nothing granted at the top");
        for (Iterator<Map.Entry<String, JsonNode>> it = w.path("jobs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> job = it.next();
            assertTrue(job.getValue().path("permissions").isObject(), job.getKey() + " declares its permissions");
            if (keptJobs.contains(job.getKey()) || job.getValue().has("uses")) {
                continue;
            }
            assertTrue(job.getValue().path("timeout-minutes").isInt(), job.getKey() + " has a timeout");
            for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText("").startsWith("actions/checkout@")) {
                    assertEquals("v6", step.path("uses").asText().substring("actions/checkout@".length()));
                    assertFalse(step.path("with").path("persist-credentials").asBoolean(true), job.getKey() + ": persist-credentials: false");
                }
            }
        }
    }

    private String fixtureText(String path) {
        try {
            return Files.readString(Path.of(getClass().getResource("/real-init/" + path).toURI()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void platformKeepsItsImagesGateAndBinariesAndStampsTheVersionWhereTheCodeReadsIt() throws Exception {
        Path python = sdkRemote("brokle-python", "v0.3.3", "v0.4.0");
        Path js = sdkRemote("brokle-js", "brokle@0.1.0", "v0.3.3", "v0.4.0");
        try (TestRepo repo = fixture("platform", "https://github.com/brokle-ai/brokle.git")) {
            repo.write(".gitmodules", fixtureText("platform/.gitmodules").replace("https://github.com/brokle-ai/brokle-python.git", python.toUri().toString())
                    .replace("https://github.com/brokle-ai/brokle-js.git", js.toUri().toString()));
            repo.git().add().addFilepattern(".").call();
            repo.stageGitlink("sdk/python", tagged(python, "v0.4.0"));
            repo.stageGitlink("sdk/javascript", tagged(js, "v0.4.0"));
            repo.commitIndex("chore: release v0.4.0");
            repo.annotatedTag("v0.4.0");
            String existingRelease = Files.readString(repo.dir().resolve(".github/workflows/release.yml"));

            Map<String, String> files = init(repo.dir(), false);

            // nothing of theirs is overwritten: the merged release workflow is proposed beside theirs
            assertEquals(existingRelease, Files.readString(repo.dir().resolve(".github/workflows/release.yml")));
            String proposed = Files.readString(repo.dir().resolve(".github/workflows/release.yml.proposed"));
            assertEquals(files.get(".github/workflows/release.yml"), proposed);
            assertEquals(fixtureText("platform/.github/workflows/ci.yml"), Files.readString(repo.dir().resolve(".github/workflows/ci.yml")));

            // their Dependabot file is kept; the proposal is it, every line and comment, with the SDK submodules added
            String dependabot = files.get(".github/dependabot.yml");
            assertEquals(fixtureText("platform/.github/dependabot.yml"), Files.readString(repo.dir().resolve(".github/dependabot.yml")));
            assertTrue(dependabot.startsWith(fixtureText("platform/.github/dependabot.yml")), dependabot);
            JsonNode updates = YAML.readTree(dependabot).path("updates");
            assertEquals(List.of("gomod /", "docker /", "npm /web", "github-actions /", "gitsubmodule /"), java.util.stream.StreamSupport.stream(
                    updates.spliterator(), false).map(u -> u.path("package-ecosystem").asText() + " " + u.path("directory").asText()).toList(),
                    "nothing they have is added twice");
            JsonNode submodules = updates.get(4);
            assertEquals("deps(submodules)", submodules.path("commit-message").path("prefix").asText(), "their commit style");
            assertEquals("monthly", submodules.path("schedule").path("interval").asText());
            assertTrue(log.everything().contains(".github/dependabot.yml: kept, with gitsubmodule / added"), log.everything());
            assertTrue(log.lines().contains("Kept .github/workflows/release.yml as it is; wrote .github/workflows/release.yml.proposed beside it:"
                    + " compare them (diff .github/workflows/release.yml .github/workflows/release.yml.proposed), then move it over, or run init"
                    + " again with -Dbrokle.force=true"), log.everything());

            // the report names what it found, kept and replaced
            String report = log.everything();
            for (String line : List.of("version variable: brokle/internal/version.Version",
                    "version constant: web/src/constants/VERSION.ts (export const VERSION = \"v0.4.0\")",
                    "test gate: ./.github/workflows/ci.yml (it has workflow_call)",
                    "kept test: the test gate (./.github/workflows/ci.yml)",
                    "kept build-docker: images built from their Dockerfiles (ghcr.io/brokle-ai/brokle-server, brokle/brokle-server,"
                            + " ghcr.io/brokle-ai/brokle-worker, brokle/brokle-worker, ghcr.io/brokle-ai/brokle-web, brokle/brokle-web)",
                    "replaced build-binaries by build", "replaced create-or-update-release by perform", "replaced validate by validate",
                    "it ran on 'release: published'",
                    "warning: ./Dockerfile declares no ARG VERSION",
                    "submodule sdk/python: its SDK tags v<version>", "submodule sdk/javascript: its SDK tags v<version>")) {
                assertTrue(report.contains(line), line + " in:\n" + report);
            }

            // the configuration: the SDKs' real prefixes, the UI's version constant, no Jib images for what Dockerfiles build
            ReleaseConfig config = ConfigLoader.load(repo.dir());
            ComponentConfig platform = config.components().get(0);
            assertEquals(List.of("v", "v"), config.submodules().stream().map(s -> s.tagPrefix()).toList());
            assertEquals(List.of("web/package.json", "web/src/constants/VERSION.ts"), platform.versionFiles().stream().map(f -> f.path()).toList());
            assertEquals("export const VERSION = \"v{{version}}\"", platform.versionFiles().get(1).pattern());
            assertTrue(platform.publish().images().isEmpty(), "the Dockerfile images stay with their Docker job");
            assertEquals("brokle-ai/brokle", config.github().repository());

            // the proposed workflow: their gate, their Docker job with its three images and Docker Hub, their binaries, the real -X target
            JsonNode w = YAML.readTree(proposed);
            JsonNode jobs = w.path("jobs");
            assertEquals("./.github/workflows/ci.yml", jobs.path("test").path("uses").asText());
            assertEquals("[\"validate\",\"test\",\"approve\"]", jobs.path("build-docker").path("needs").toString(), "images after the approval");
            assertEquals("production", jobs.path("approve").path("environment").asText());
            assertEquals("[\"validate\",\"test\",\"build\"]", jobs.path("approve").path("needs").toString(), "approval after the tests passed");
            assertTrue(proposed.contains("brokle/brokle-web") && proposed.contains("ghcr.io/brokle-ai/brokle-web"), proposed);
            assertTrue(proposed.contains("username: ${{ secrets.DOCKERHUB_USERNAME }}"), "Docker Hub kept");
            assertTrue(proposed.contains("-tags=enterprise") && proposed.contains("bin/${GOOS}-${GOARCH}/brokle-server-enterprise\" ./cmd/server"), proposed);
            assertTrue(proposed.contains("-X brokle/internal/version.Version=${VERSION}"), proposed);
            assertFalse(proposed.contains("main.version"), "the code reads internal/version.Version");
            assertEquals("1.25", jobs.path("build").path("steps").get(1).path("with").path("go-version").asText(), "their Go version");
            assertTrue(jobs.path("perform").path("needs").toString().contains("\"test\""), "perform waits for the tests");
            assertTrue(proposed.contains("checklist -Dbrokle.passed=tests=${{ needs.test.result }},ci=${{ needs.build-docker.result }}"), proposed);
            assertTrue(proposed.contains("sha256sum -- * > SHA256SUMS.txt"), "checksums as their release had");
            hardened(proposed, List.of("test", "build-docker"));
            hardened(files.get(".github/workflows/update-submodules.yml"), List.of());
            hardened(files.get(".github/workflows/validate-submodules.yml"), List.of());
            assertEquals(List.of(), lint(repo.dir(), files));

            // the real submodules sit on v-tagged releases: validate-submodules passes with the prefixes init found
            Files.delete(repo.dir().resolve(".github/workflows/release.yml.proposed"));
            repo.git().add().addFilepattern(".").call();
            repo.commitIndex("chore: brokle-release configuration and workflows");
            List<ai.brokle.release.submodules.SubmoduleChecks.Status> statuses = new SubmoduleWorkflow(SubmoduleOptions.of(
                    ReleaseOptions.of(repo.dir()).withLog(log))).validate();
            assertTrue(statuses.stream().allMatch(ai.brokle.release.submodules.SubmoduleChecks.Status::ok), statuses.toString());

            // prepare updates the UI's constant as the real release script did, with the v
            repo.commit("fix: a fix to release");
            new PrepareWorkflow(PrepareOptions.of(ReleaseOptions.of(repo.dir()).withLog(log).withOffline(true)).withPush(false)).execute();
            assertTrue(Files.readString(repo.dir().resolve("web/src/constants/VERSION.ts")).contains("export const VERSION = \"v0.4.1\";"));
            assertTrue(Files.readString(repo.dir().resolve("web/package.json")).contains("\"version\": \"0.4.1\""));

            // asked to replace, init writes the merged workflow over theirs
            init(repo.dir(), true);
            assertEquals(proposed, Files.readString(repo.dir().resolve(".github/workflows/release.yml")));
            assertTrue(log.lines().contains("Replaced .github/workflows/release.yml"), log.everything());
        }
    }

    @Test
    void pythonSdkKeepsVTagsTestsBeforePublishingAndAConcurrencyGroup() throws Exception {
        try (TestRepo repo = fixture("python", "https://github.com/brokle-ai/brokle-python.git")) {
            repo.commitAll("chore: release v0.4.0");
            for (String tag : List.of("v0.1.0a1", "v0.3.3", "v0.4.0")) {
                repo.annotatedTag(tag);
            }
            String existing = Files.readString(repo.dir().resolve(".github/workflows/publish.yml"));
            Map<String, String> files = init(repo.dir(), false);
            assertEquals(existing, Files.readString(repo.dir().resolve(".github/workflows/publish.yml")), "theirs is kept");
            ReleaseConfig config = ConfigLoader.load(repo.dir());
            assertEquals("v", config.components().get(0).tagPrefix(), "the real tags are v*");
            assertEquals(List.of("brokle/version.py"), config.components().get(0).versionFiles().stream().map(f -> f.path()).toList());

            assertEquals(List.of("github-actions /", "pip /"), java.util.stream.StreamSupport.stream(YAML.readTree(files.get(
                    ".github/dependabot.yml")).path("updates").spliterator(), false).map(u -> u.path("package-ecosystem").asText() + " "
                    + u.path("directory").asText()).toList(), "a new Dependabot file for what the SDK uses");

            String proposed = files.get(".github/workflows/publish.yml");
            JsonNode jobs = YAML.readTree(proposed).path("jobs");
            assertEquals("./.github/workflows/ci.yml", jobs.path("test").path("uses").asText(), "their CI (Python 3.9-3.12) runs before publishing");
            String ci = fixtureText("python/.github/workflows/ci.yml");
            assertEquals(ci, Files.readString(repo.dir().resolve(".github/workflows/ci.yml")), "their CI is kept");
            assertEquals(ci.replace("on:\n  push:", "on:\n  workflow_call:          # the release workflow calls it on the tagged commit\n  push:"),
                    Files.readString(repo.dir().resolve(".github/workflows/ci.yml.proposed")), "the one line that makes it callable, proposed beside");
            assertEquals("[\"build\",\"test\"]", jobs.path("publish").path("needs").toString());
            assertEquals("${{ contains(github.ref_name, '-') && 'testpypi' || 'pypi' }}", jobs.path("publish").path("environment").asText());
            assertTrue(proposed.contains("checklist -Dbrokle.passed=tests=${{ needs.test.result }},build=${{ needs.build.result }}"), proposed);
            assertEquals("3.11", jobs.path("build").path("steps").get(1).path("with").path("python-version").asText(), "their Python");
            assertTrue(log.everything().contains("replaced publish by perform (PyPI, TestPyPI for pre-releases, then the GitHub release)"),
                    log.everything());
            assertTrue(log.everything().contains("was used; init's publishing jobs wait for the approval of 'pypi' ('testpypi' for a pre-release)"),
                    "the SDK's own environments, not the platform's: " + log.everything());
            hardened(proposed, List.of());
            assertEquals(List.of(), lint(repo.dir(), files));
        }
    }

    @Test
    void javascriptSdkPreparesWithAnAppTokenAndPublishesTheRootPackageOnItsVTags() throws Exception {
        try (TestRepo repo = fixture("js", "https://github.com/brokle-ai/brokle-js.git")) {
            repo.commitAll("chore: release v0.4.0");
            for (String tag : List.of("brokle@0.1.0", "v0.3.3", "v0.4.0")) {
                repo.annotatedTag(tag);
            }
            Map<String, String> files = init(repo.dir(), false);
            ReleaseConfig config = ConfigLoader.load(repo.dir());
            assertEquals("v", config.components().get(0).tagPrefix());
            assertEquals(List.of("package.json"), config.components().get(0).versionFiles().stream().map(f -> f.path()).toList(),
                    "one package at the root");
            String dependabot = files.get(".github/dependabot.yml");
            assertEquals(List.of("github-actions /", "npm /"), java.util.stream.StreamSupport.stream(YAML.readTree(dependabot).path("updates")
                    .spliterator(), false).map(u -> u.path("package-ecosystem").asText() + " " + u.path("directory").asText()).toList());
            assertEquals("chore(npm)", YAML.readTree(dependabot).path("updates").get(1).path("commit-message").path("prefix").asText());
            String proposed = files.get(".github/workflows/release.yml");
            JsonNode jobs = YAML.readTree(proposed).path("jobs");
            JsonNode prepare = jobs.path("prepare");
            assertEquals("actions/create-github-app-token@v2", prepare.path("steps").get(0).path("uses").asText());
            assertEquals("${{ steps.app-token.outputs.token }}", prepare.path("steps").get(5).path("env").path("GITHUB_TOKEN").asText(),
                    "the release commit and tag go with the App's token: they reach a protected main and start the publish run");
            assertEquals("{\"contents\":\"read\"}", prepare.path("permissions").toString(), "GITHUB_TOKEN itself pushes nothing");
            assertTrue(jobs.path("publish").path("needs").toString().contains("validate"), jobs.path("publish").toString());
            assertTrue(proposed.contains("node-version: 24"), "their Node, which npm Trusted Publishing needs (npm 11.5.1 or later)");
            assertFalse(proposed.contains("NPM_TOKEN"), "npm Trusted Publishing: no token stored");
            assertFalse(jobs.path("publish").toString().contains("registry-url"),
                    "no setup-node .npmrc asking for a NODE_AUTH_TOKEN: publish-npm writes its own for the registry configured");
            assertEquals("write", jobs.path("publish").path("permissions").path("id-token").asText());
            assertFalse(proposed.contains("version: 8.15.0"), "pnpm's version comes from packageManager, which pnpm/action-setup requires alone");
            assertEquals("./.github/workflows/ci.yml", jobs.path("test").path("uses").asText(), "their lint, typecheck and Node 20-24 tests");
            hardened(proposed, List.of());
            assertEquals(List.of(), lint(repo.dir(), files));
        }
    }
}
