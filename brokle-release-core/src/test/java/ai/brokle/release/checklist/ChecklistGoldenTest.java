package ai.brokle.release.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.goal.ChecklistWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checklist goal against golden files under src/test/resources/golden/checklist: a stable
 * platform release and a Python SDK pre-release, each with some steps published and some items
 * vouched for. Run with {@code -Dgolden.update=true} to rewrite them after a deliberate change.
 */
class ChecklistGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/checklist");

    @TempDir
    Path tmp;
    private final RecordingLog log = new RecordingLog();

    private String checklist(Path dir, String tag, String passed, Path output) {
        Map<String, String> env = new HashMap<>();
        env.put("GITHUB_REF", "refs/tags/" + tag);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String markdown = new ChecklistWorkflow(new ChecklistWorkflow.Options(ReleaseOptions.of(dir).withEnvironment(env).withLog(log), null, null,
                passed, output), new PrintStream(out, true, StandardCharsets.UTF_8)).execute();
        if (output == null) {
            assertEquals(markdown, out.toString(StandardCharsets.UTF_8), "printed when no file is given");
        }
        return markdown;
    }

    private static void golden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, name);
    }

    @Test
    void stablePlatformRelease() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("platform"))) {
            repo.write(".brokle-release.yml", "github:\n  repository: brokle-ai/brokle\ncomponents:\n  platform:\n    path: .\n    tagPrefix: v\n"
                    + "    versionFiles: [web/package.json]\n    changelog: CHANGELOG.md\n"
                    + "    images: [{repositories: [ghcr.io/brokle-ai/brokle-server], layers: [{from: 'bin/{os}-{arch}/brokle-server', to: /app/s}]}]\n"
                    + "    notify: [slack]\n");
            repo.write("web/package.json", "{\n  \"name\": \"web\",\n  \"version\": \"3.2.1\"\n}\n");
            repo.write("CHANGELOG.md", "# Changelog\n\n## [3.2.1] - 2026-11-20\n\n### Fixed\n\n- retry on 429\n");
            repo.commitAll("chore(release): v3.2.1");
            repo.annotatedTag("v3.2.1");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                PublicationRecord.record(git, "v3.2.1", PublicationRecord.Entry.now("images", "ghcr.io/brokle-ai/brokle-server as 3.2.1, 3.2, 3, latest"));
                PublicationRecord.record(git, "v3.2.1", PublicationRecord.Entry.now("github-release",
                        "https://github.com/brokle-ai/brokle/releases/tag/v3.2.1"));
            }
            golden("platform-v3.2.1.md", checklist(repo.dir(), "v3.2.1", "tests=success, ci=SUCCESS", null));

            // what the pipeline did not pass stays open, saying so; a bare key is a person's word, said as such
            String results = checklist(repo.dir(), "v3.2.1", "tests=failure,ci=", null);
            assertTrue(results.contains("- [ ] All tests passing — _not passed in this pipeline (failure)_"), results);
            assertTrue(results.contains("- [ ] CI/CD pipeline passed — _not passed in this pipeline (did not run)_"), results);
            // a pipeline that ran no tests names none: "All tests passing" stays open
            String noTests = checklist(repo.dir(), "v3.2.1", "ci=success", null);
            assertTrue(noTests.contains("- [ ] All tests passing"), noTests);
            assertTrue(noTests.contains("- [x] CI/CD pipeline passed"), noTests);
            String vouched = checklist(repo.dir(), "v3.2.1", "tests", null);
            assertTrue(vouched.contains("- [x] All tests passing — _vouched for by whoever ran this_"), vouched);

            // a version file out of step is left open, with what it says
            repo.write("web/package.json", "{\n  \"name\": \"web\",\n  \"version\": \"3.2.0\"\n}\n");
            Path file = tmp.resolve("out/checklist.md");
            String drifted = checklist(repo.dir(), "v3.2.1", "", file);
            assertEquals(drifted, Files.readString(file));
            assertTrue(drifted.contains("- [ ] Version bumped in appropriate files — _web/package.json says 3.2.0_"), drifted);
        }
    }

    @Test
    void pythonSdkPreRelease() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("python"))) {
            repo.write(".brokle-release.yml", "components:\n  python:\n    path: .\n    tagPrefix: python-v\n"
                    + "    versionFiles: [brokle/version.py]\n    changelog: CHANGELOG.md\n    pypi: {}\n");
            repo.write("pyproject.toml", "[project]\nname = \"brokle\"\ndynamic = [\"version\"]\n");
            repo.write("brokle/version.py", "__version__ = \"1.3.0b1\"\n");
            repo.write("CHANGELOG.md", "# Changelog\n\n## [1.3.0-beta.1] - 2026-11-20\n\n### Added\n\n- streaming\n");
            repo.commitAll("chore(release): python-v1.3.0-beta.1");
            repo.annotatedTag("python-v1.3.0-beta.1");
            try (GitRepository git = GitRepository.open(repo.dir())) {
                PublicationRecord.record(git, "python-v1.3.0-beta.1", PublicationRecord.Entry.now("pypi", "https://test.pypi.org/simple/brokle"));
            }
            golden("python-v1.3.0-beta.1.md", checklist(repo.dir(), "python-v1.3.0-beta.1", "tests=success,typecheck=success", null));

            ReleaseFailure bad = assertThrows(ReleaseFailure.class, () -> checklist(repo.dir(), "python-v1.3.0-beta.1", "tests,tag,coverage", null));
            assertTrue(bad.getMessage().contains("brokle.passed: 'tag' is checked by brokle-release itself"), bad.getMessage());
            assertTrue(bad.getMessage().contains("brokle.passed: 'coverage' is not an item of the python checklist; its items a pipeline vouches for"
                    + " are tests, integration, typecheck, docs, readme, install, verify, docs-site, examples"), bad.getMessage());
        }
    }

    @Test
    void javascriptSdkFromChangeFiles() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("js"))) {
            repo.write(".brokle-release.yml", "components:\n  js:\n    path: .\n    tagPrefix: js-v\n    versioning: changesets\n    npm: {}\n");
            repo.write("package.json", "{\n  \"name\": \"brokle-js\",\n  \"private\": true,\n  \"workspaces\": [\"packages/*\"]\n}\n");
            repo.write(".changeset/config.json", "{\n  \"baseBranch\": \"main\"\n}\n");
            repo.write("packages/brokle/package.json", "{\n  \"name\": \"brokle\",\n  \"version\": \"0.6.0-beta.0\"\n}\n");
            repo.write("packages/brokle/CHANGELOG.md", "# brokle\n\n## 0.6.0-beta.0\n\n### Minor Changes\n\n- abc1234: streaming\n");
            repo.commitAll("chore(release): js-v0.6.0-beta.0");
            repo.annotatedTag("js-v0.6.0-beta.0");
            String main = repo.git().getRepository().getBranch();
            repo.write(".brokle-release.yml", "releaseBranch: " + main + "\n" + Files.readString(repo.dir().resolve(".brokle-release.yml")));
            String markdown = checklist(repo.dir(), "js-v0.6.0-beta.0", "tests", null);
            assertTrue(markdown.startsWith("## JavaScript SDK release checklist: js-v0.6.0-beta.0\n"), markdown);
            assertTrue(markdown.contains("- [x] Changesets created for all changes — _1 package changelog with their version's section_"), markdown);
            assertTrue(markdown.contains("- [x] PR merged to main — _the release commit is on " + main + "_"), markdown);
            assertTrue(markdown.contains("- [ ] npm packages published automatically\n"), markdown);
            assertTrue(markdown.contains("- [ ] Test installation: `npm install brokle@beta`"), "a pre-release installs from its channel: " + markdown);

            // the packages' changelog without the version's section is left open, naming the package
            repo.write("packages/brokle/CHANGELOG.md", "# brokle\n");
            assertTrue(checklist(repo.dir(), "js-v0.6.0-beta.0", "", null).contains(
                    "- [ ] Changesets created for all changes — _no changelog section for brokle@0.6.0-beta.0_"));
        }
    }
}
