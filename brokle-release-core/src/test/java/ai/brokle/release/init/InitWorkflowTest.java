package ai.brokle.release.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ComponentConfig;
import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.goal.InitOptions;
import ai.brokle.release.goal.InitWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.testing.Actionlint;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init on layouts like each Brokle repository: the configuration it writes loads, every workflow passes actionlint with least permissions. */
class InitWorkflowTest {
    private static final String PLUGIN = InitRun.PLUGIN;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private Map<String, String> init(Path dir, boolean force) {
        return InitRun.run(dir, force, log);
    }

    /** Every workflow passes actionlint; none grants at the top; each job asks for exactly what it needs. */
    private static Map<String, JsonNode> checkWorkflows(Path dir, Map<String, String> files) throws Exception {
        List<Path> workflows = files.keySet().stream().filter(p -> p.startsWith(".github/workflows/")).map(dir::resolve).toList();
        assertFalse(workflows.isEmpty());
        assertEquals(List.of(), Actionlint.check(workflows));
        Map<String, JsonNode> jobs = new java.util.LinkedHashMap<>();
        for (Path workflow : workflows) {
            JsonNode w = YAML.readTree(workflow.toFile());
            assertTrue(w.path("permissions").isObject() && w.path("permissions").isEmpty(), workflow + ": permissions: {} at the top");
            for (Iterator<Map.Entry<String, JsonNode>> it = w.path("jobs").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> job = it.next();
                assertTrue(job.getValue().path("permissions").isObject(), workflow + " job " + job.getKey() + " declares its permissions");
                jobs.put(workflow.getFileName() + "#" + job.getKey(), job.getValue());
            }
            assertFalse(Files.readString(workflow).contains("write-all"));
        }
        return jobs;
    }

    private static String permissions(JsonNode job) {
        return job.path("permissions").toString();
    }

    @Test
    void platformWithTwoCommandsAndSdkSubmodules() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("brokle"))) {
            repo.write("go.mod", "module github.com/brokle-ai/brokle\n\ngo 1.22\n");
            repo.write("cmd/brokle-server/main.go", "package main\n\nfunc main() {}\n");
            repo.write("cmd/brokle-worker/main.go", "package main\n\nfunc main() {}\n");
            repo.write("web/package.json", "{\n  \"name\": \"web\",\n  \"private\": true,\n  \"version\": \"3.2.0\"\n}\n");
            repo.write("CHANGELOG.md", "# Changelog\n\n## [3.2.0] - 2026-11-01\n");
            repo.write(".gitmodules", "[submodule \"sdk/python\"]\n\tpath = sdk/python\n\turl = ../brokle-python.git\n"
                    + "[submodule \"sdk/javascript\"]\n\tpath = sdk/javascript\n\turl = ../brokle-js.git\n");
            repo.commitAll("chore(release): v3.2.0");
            repo.annotatedTag("v3.1.0");
            repo.annotatedTag("v3.2.0");
            repo.git().remoteAdd().setName("origin").setUri(new URIish("https://github.com/brokle-ai/brokle.git")).call();

            Map<String, String> files = init(repo.dir(), false);
            assertEquals(List.of(".brokle-release.yml", ".github/workflows/release.yml", ".github/workflows/validate-submodules.yml",
                    ".github/workflows/update-submodules.yml", ".github/workflows/release-pr.yml", ".github/dependabot.yml"), List.copyOf(files.keySet()));
            ReleaseConfig config = ConfigLoader.load(repo.dir());
            ComponentConfig platform = config.components().get(0);
            assertEquals("v", platform.tagPrefix());
            assertEquals("CHANGELOG.md", platform.changelogPath());
            assertEquals(List.of("web/package.json"), platform.versionFiles().stream().map(f -> f.path()).toList());
            assertEquals(List.of("brokle-server", "brokle-worker"), platform.publish().images().stream().map(i -> i.name()).toList());
            assertEquals("ghcr.io/brokle-ai/brokle-server", platform.publish().images().get(0).repositories().get(0));
            assertEquals("brokle-ai/brokle", config.github().repository());
            assertEquals(List.of("python-v", "js-v"), config.submodules().stream().map(s -> s.tagPrefix()).toList());
            assertTrue(config.registry("ghcr.io").usernameEnv().equals("GITHUB_ACTOR"));

            Map<String, JsonNode> jobs = checkWorkflows(repo.dir(), files);
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("release.yml#validate")));
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("release.yml#build")));
            assertEquals("{\"contents\":\"write\",\"packages\":\"write\",\"id-token\":\"write\",\"attestations\":\"write\"}",
                    permissions(jobs.get("release.yml#images")), "packages for ghcr.io, contents for the publication record the checklist reads,"
                    + " id-token and attestations for the provenance");
            assertEquals("{\"contents\":\"write\",\"id-token\":\"write\",\"attestations\":\"write\"}", permissions(jobs.get("release.yml#perform")));
            // the attestations name what was published: each image's pushed index, and the release assets
            JsonNode attestImage = null;
            for (JsonNode step : jobs.get("release.yml#images").path("steps")) {
                if (step.path("uses").asText().startsWith("actions/attest-build-provenance@")
                        && step.path("with").path("subject-name").asText().equals("ghcr.io/brokle-ai/brokle-worker")) {
                    attestImage = step;
                }
            }
            assertTrue(attestImage != null, jobs.get("release.yml#images").toString());
            assertEquals("${{ steps.images.outputs.digest-brokle-worker }}", attestImage.path("with").path("subject-digest").asText());
            assertTrue(attestImage.path("with").path("push-to-registry").asBoolean());
            assertTrue(jobs.get("release.yml#perform").toString().contains("\"subject-path\":\"dist/*\""), jobs.get("release.yml#perform").toString());
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("validate-submodules.yml#validate-submodules")));
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("update-submodules.yml#update-submodules")),
                    "GITHUB_TOKEN reads; the GitHub App's token pushes the branch and opens the pull request, so that CI runs on it");
            // validate, the tests (no CI of its own: go test), the binaries in a matrix, the approval, then images, then perform
            assertEquals("[\"validate\"]", jobs.get("release.yml#test").path("needs").toString());
            assertEquals("[\"validate\",\"test\"]", jobs.get("release.yml#build").path("needs").toString());
            assertEquals("[\"amd64\",\"arm64\"]", jobs.get("release.yml#build").path("strategy").path("matrix").path("goarch").toString());
            assertEquals("[\"validate\",\"test\",\"build\"]", jobs.get("release.yml#approve").path("needs").toString());
            assertEquals("production", jobs.get("release.yml#approve").path("environment").asText());
            assertEquals("[\"approve\"]", jobs.get("release.yml#images").path("needs").toString(), "no image (latest included) before the approval");
            assertEquals("[\"approve\",\"images\",\"build\",\"test\"]", jobs.get("release.yml#perform").path("needs").toString());
            String release = files.get(".github/workflows/release.yml");
            assertTrue(release.contains("mvn -B " + PLUGIN + ":images"), release);
            assertTrue(release.contains("checklist -Dbrokle.passed=tests=${{ needs.test.result }},ci=${{ needs.images.result }}"),
                    "the pipeline's results, not a literal: " + release);
            assertTrue(release.contains("go build -trimpath") && release.contains("./cmd/brokle-worker"), release);
            assertTrue(release.contains("- run: go test ./..."), release);
            assertFalse(release.contains("-X "), "no version variable in this Go code: nothing stamped rather than a wrong target");
            String update = files.get(".github/workflows/update-submodules.yml");
            assertTrue(update.contains("repository_dispatch:\n    types: [sdk-released]") && update.contains("workflow_dispatch:"), update);
            assertTrue(update.contains("-Dbrokle.updateSubmodules.prereleases=\"${PRERELEASE}\" -Dbrokle.autoMerge=squash"), update);
            assertTrue(update.contains("git config user.name"), "a git identity for the commit");
            assertTrue(update.contains("GITHUB_TOKEN: ${{ steps.app-token.outputs.token }}"), update);
            assertTrue(files.get(".github/workflows/validate-submodules.yml").contains("compatibility-matrix -Dbrokle.check=true"),
                    "the pull request's matrix is checked where it runs: on the pull request");
        }
    }

    @Test
    void pythonSdk() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("brokle-python"))) {
            repo.write("pyproject.toml", "[project]\nname = \"brokle\"\ndynamic = [\"version\"]\n");
            repo.write("brokle/__init__.py", "from .version import __version__\n");
            repo.write("brokle/version.py", "__version__ = \"0.2.9\"\n");
            repo.write("CHANGELOG.md", "# Changelog\n");
            repo.commitAll("chore(release): python-v0.2.9");
            repo.annotatedTag("python-v0.2.8");
            repo.annotatedTag("python-v0.2.9");
            Map<String, String> files = init(repo.dir(), false);
            assertEquals(List.of(".brokle-release.yml", ".github/workflows/publish.yml", ".github/workflows/release-pr.yml", ".github/dependabot.yml"),
                    List.copyOf(files.keySet()));
            ComponentConfig python = ConfigLoader.load(repo.dir()).components().get(0);
            assertEquals("python-v", python.tagPrefix());
            assertEquals(List.of("brokle/version.py"), python.versionFiles().stream().map(f -> f.path()).toList());
            assertTrue(python.publish().pypi() != null);
            Map<String, JsonNode> jobs = checkWorkflows(repo.dir(), files);
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("publish.yml#build")));
            assertEquals("[\"build\",\"test\"]", jobs.get("publish.yml#publish").path("needs").toString(), "published after the tests passed");
            assertEquals("{\"contents\":\"write\",\"id-token\":\"write\",\"attestations\":\"write\"}", permissions(jobs.get("publish.yml#publish")),
                    "Trusted Publishing needs id-token: write; the attestation of the distributions attestations: write");
            assertTrue(jobs.get("publish.yml#publish").toString().contains("\"subject-path\":\"dist/*\""));
            assertFalse(files.get(".github/workflows/publish.yml").contains("PYPI_TOKEN"), "no stored PyPI token");
            assertTrue(files.get(".github/workflows/publish.yml").contains("-Dbrokle.passed=tests=${{ needs.test.result }},build=${{ needs.build.result }}"),
                    "the checklist reads the test job's result");
        }
    }

    @Test
    void javascriptSdkWithChangesets() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("brokle-js"))) {
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            repo.write("packages/brokle/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.5.0\"\n}\n");
            repo.write(".changeset/config.json", "{\n  \"baseBranch\": \"main\",\n  \"access\": \"public\"\n}\n");
            repo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
            repo.commitAll("chore(release): js-v0.5.0");
            repo.annotatedTag("js-v0.5.0");
            Map<String, String> files = init(repo.dir(), false);
            assertEquals(List.of(".brokle-release.yml", ".github/workflows/release.yml", ".github/workflows/changeset-status.yml",
                    ".github/workflows/release-pr.yml", ".github/dependabot.yml"), List.copyOf(files.keySet()));
            ComponentConfig js = ConfigLoader.load(repo.dir()).components().get(0);
            assertEquals("js-v", js.tagPrefix());
            assertTrue(js.changesets());
            assertTrue(js.publish().npm() != null);
            Map<String, JsonNode> jobs = checkWorkflows(repo.dir(), files);
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("release.yml#prepare")), "the App token pushes, not GITHUB_TOKEN");
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("changeset-status.yml#changeset-status")));
            assertEquals("{\"contents\":\"write\",\"id-token\":\"write\"}", permissions(jobs.get("release.yml#publish")));
            assertTrue(files.get(".github/workflows/release.yml").contains("pnpm install --frozen-lockfile"), "a pnpm workspace is built with pnpm");
            String releasePr = files.get(".github/workflows/release-pr.yml");
            assertEquals("{\"contents\":\"read\"}", permissions(jobs.get("release-pr.yml#release-pr")), "the App token pushes, not GITHUB_TOKEN");
            assertTrue(releasePr.contains("push:\n    branches: [main]") && releasePr.contains(PLUGIN + ":release-pr")
                    && releasePr.contains("GITHUB_TOKEN: ${{ steps.app-token.outputs.token }}") && releasePr.contains("Version Packages"), releasePr);
        }
    }

    @Test
    void tagsUnderOtherPrefixesAreProposedAsPreviousTagPrefixes() throws Exception {
        // as the JavaScript SDK's history: v0.x tags, and brokle@0.1.0 style tags of its packages
        try (TestRepo repo = TestRepo.init(tmp.resolve("brokle-js"))) {
            repo.write("package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.2.0\"\n}\n");
            repo.commitAll("chore: release v0.1.0");
            repo.lightweightTag("v0.1.0");
            repo.lightweightTag("brokle@0.1.0");
            repo.lightweightTag("brokle-openai@0.1.0");
            repo.commit("feat: streaming");
            repo.lightweightTag("v0.2.0");
            repo.commit("fix: retries");
            init(repo.dir(), false);
            ComponentConfig js = ConfigLoader.load(repo.dir()).components().get(0);
            assertEquals("v", js.tagPrefix());
            assertEquals(List.of("brokle-openai@", "brokle@"), js.previousTagPrefixes(), "most used first, then by name");
            assertTrue(Files.readString(repo.dir().resolve(".brokle-release.yml")).contains("previousTagPrefixes: ['brokle-openai@', 'brokle@']"
                    + "   # tags found under other prefixes"));
        }
        // as the Python SDK: only v tags, where the strategy tags python-v: the move is proposed in a comment
        try (TestRepo repo = TestRepo.init(tmp.resolve("brokle-python"))) {
            repo.write("pyproject.toml", "[project]\nname = \"brokle\"\ndynamic = [\"version\"]\n");
            repo.write("brokle/version.py", "__version__ = \"0.4.0\"\n");
            repo.commitAll("chore(release): 0.4.0");
            repo.lightweightTag("v0.4.0");
            init(repo.dir(), false);
            String yml = Files.readString(repo.dir().resolve(".brokle-release.yml"));
            assertTrue(yml.contains("    # to tag as the release strategy does (python-v1.2.3), set tagPrefix: python-v and previousTagPrefixes: ['v']"),
                    yml);
            assertEquals("v", ConfigLoader.load(repo.dir()).components().get(0).tagPrefix());
        }
    }

    @Test
    void aSnapshotBuildWritesWorkflowsNamingTheReleaseItLeadsTo() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("snapshot"))) {
            repo.write("pyproject.toml", "[project]\nname = \"brokle\"\nversion = \"0.4.0\"\n");
            repo.commitAll("chore: init");
            Map<String, String> files = new InitWorkflow(new InitOptions(ReleaseOptions.of(repo.dir()).withLog(log),
                    "ai.brokle:brokle-release-maven-plugin:0.3.0-SNAPSHOT", false, true),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
            files.forEach((path, text) -> assertFalse(text.contains("SNAPSHOT"), path + " names a SNAPSHOT: " + text));
            assertTrue(files.get(".github/workflows/publish.yml").contains("ai.brokle:brokle-release-maven-plugin:0.3.0:perform"));
            assertTrue(log.lines().stream().anyMatch(l -> l.contains("the workflows name the release it leads to, 0.3.0")), log.lines().toString());
        }
    }

    @Test
    void existingFilesAreNeverOverwrittenUnlessForced() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("app"))) {
            repo.write("release-1.4.0.txt", "x");
            repo.commitAll("init");
            repo.annotatedTag("release-1.4.0");
            repo.write(".brokle-release.yml", "# ours\ncomponents:\n  app: {}\n");
            Map<String, String> files = init(repo.dir(), false);
            assertEquals("# ours\ncomponents:\n  app: {}\n", Files.readString(repo.dir().resolve(".brokle-release.yml")), "theirs is kept");
            assertEquals(files.get(".brokle-release.yml"), Files.readString(repo.dir().resolve(".brokle-release.yml.proposed")),
                    "init's is beside it, to compare");
            assertTrue(log.lines().contains("Kept .brokle-release.yml as it is; wrote .brokle-release.yml.proposed beside it: compare them"
                    + " (diff .brokle-release.yml .brokle-release.yml.proposed), then move it over, or run init again with -Dbrokle.force=true"),
                    log.lines().toString());
            assertTrue(Files.exists(repo.dir().resolve(".github/workflows/release.yml")), "the files that did not exist are written");
            RecordingLog again = new RecordingLog();
            InitRun.run(repo.dir(), false, again);
            assertTrue(again.lines().contains("[init-files] already done"), "a second run finds its files and proposal in place: " + again.lines());

            init(repo.dir(), true);
            ReleaseConfig config = ConfigLoader.load(repo.dir());
            assertEquals("release-", config.components().get(0).tagPrefix(), "the prefix of the existing tags");
            assertTrue(log.lines().contains("Replaced .brokle-release.yml"), log.lines().toString());
        }
    }

    @Test
    void actionlintDoesFindFaults() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: echo ${{ github.no_such_property }}\n");
        List<String> found = Actionlint.check(List.of(bad));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("property \"no_such_property\" is not defined"), found.toString());

        // it knows the current majors of the common actions: a misspelled input of setup-java@v4 is found
        Path misspelled = Files.writeString(tmp.resolve("misspelled.yml"), "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          java-versoin: '17'\n");
        List<String> input = Actionlint.check(List.of(misspelled));
        assertTrue(input.stream().anyMatch(l -> l.contains("java-versoin")), input.toString());
    }
}
