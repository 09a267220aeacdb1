package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.testing.BareRemote;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository of three components: prepare releases those with changes in one commit with a tag each, or the one named. */
class MultiComponentPrepareTest {
    private static final String CONFIG = "components:\n"
            + "  api:\n    path: services/api\n    tagPrefix: api-v\n    versionFiles:\n"
            + "      - path: services/api/VERSION\n        pattern: '{{version}}'\n"
            + "  python:\n    path: sdk/python\n    tagPrefix: python-v\n    changelog: sdk/python/CHANGELOG.md\n    versionFiles:\n"
            + "      - path: sdk/python/brokle/version.py\n"
            + "  js:\n    path: sdk/js\n    tagPrefix: js-v\n    versionFiles:\n"
            + "      - path: sdk/js/package.json\n";
    private static final String PACKAGE_JSON = "{\n  \"name\": \"brokle\",\n  \"version\": \"0.5.0\"\n}\n";

    @TempDir
    Path tmp;

    private TestRepo repo;
    private BareRemote remote;
    private ObjectId base;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void create() {
        remote = BareRemote.create(tmp.resolve("remote.git"));
        repo = TestRepo.init(tmp.resolve("work"));
        repo.write(".brokle-release.yml", CONFIG);
        repo.write("services/api/VERSION", "1.0.0\n");
        repo.write("sdk/python/brokle/version.py", "__version__ = \"0.2.9\"\n");
        repo.write("sdk/python/CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [0.2.9] - 2026-01-01\n\n### Fixed\n\n- Retries\n");
        repo.write("sdk/js/package.json", PACKAGE_JSON);
        repo.commitAll("chore(release): api-v1.0.0, python-v0.2.9, js-v0.5.0");
        repo.annotatedTag("api-v1.0.0");
        repo.annotatedTag("python-v0.2.9");
        repo.annotatedTag("js-v0.5.0");
        repo.commitIn("sdk/python/brokle", "feat(python): streaming responses");
        base = repo.commitIn("sdk/js/src", "fix(js): retry on 429").copy();
        remote.connect(repo);
    }

    @AfterEach
    void close() {
        repo.close();
        remote.close();
    }

    private void prepare(String component) {
        new PrepareWorkflow(PrepareOptions.of(ReleaseOptions.of(repo.dir()).withComponent(component).withLog(log)
                .withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1790000000")))).execute();
    }

    private ObjectId ref(String name) throws Exception {
        Ref ref = repo.git().getRepository().exactRef(name);
        return ref == null ? null : ref.getObjectId();
    }

    private String file(String path) throws Exception {
        return Files.readString(repo.dir().resolve(path));
    }

    @Test
    void everyComponentWithChangesIsReleasedInOneCommitWithATagEach() throws Exception {
        prepare(null);
        try (RevWalk walk = new RevWalk(repo.git().getRepository())) {
            RevCommit commit = walk.parseCommit(ref("refs/heads/main"));
            assertEquals(base, commit.getParent(0), "one commit for the whole release");
            assertEquals("chore(release): python-v0.3.0, js-v0.5.1", commit.getShortMessage());
            assertEquals(Set.of("sdk/js/package.json", "sdk/python/CHANGELOG.md", "sdk/python/brokle/version.py"), repo.changedBy(commit));

            RevTag python = walk.parseTag(ref("refs/tags/python-v0.3.0"));
            RevTag js = walk.parseTag(ref("refs/tags/js-v0.5.1"));
            assertEquals(commit, python.getObject());
            assertEquals(commit, js.getObject());
            assertTrue(python.getFullMessage().contains("streaming responses") && !python.getFullMessage().contains("retry on 429"),
                    "each tag carries its own component's notes: " + python.getFullMessage());
            assertTrue(js.getFullMessage().contains("retry on 429") && !js.getFullMessage().contains("streaming"), js.getFullMessage());
            assertNull(ref("refs/tags/api-v1.0.1"), "no change, no release");
            assertNull(ref("refs/tags/api-v1.1.0"));

            assertEquals(commit, remote.ref("refs/heads/main"));
            assertEquals(python, remote.ref("refs/tags/python-v0.3.0"));
            assertEquals(js, remote.ref("refs/tags/js-v0.5.1"));
        }
        assertEquals("__version__ = \"0.3.0\"\n", file("sdk/python/brokle/version.py"));
        assertEquals(PACKAGE_JSON.replace("0.5.0", "0.5.1"), file("sdk/js/package.json"));
        assertEquals("1.0.0\n", file("services/api/VERSION"));
        assertTrue(file("sdk/python/CHANGELOG.md").contains("## [0.3.0] - 2026-09-21"), file("sdk/python/CHANGELOG.md"));
    }

    @Test
    void aNamedComponentIsReleasedAlone() throws Exception {
        prepare("python");
        try (RevWalk walk = new RevWalk(repo.git().getRepository())) {
            RevCommit commit = walk.parseCommit(ref("refs/heads/main"));
            assertEquals("chore(release): python-v0.3.0", commit.getShortMessage());
            assertEquals(Set.of("sdk/python/CHANGELOG.md", "sdk/python/brokle/version.py"), repo.changedBy(commit));
        }
        assertFalse(Files.readString(repo.dir().resolve("sdk/js/package.json")).contains("0.5.1"));
        assertNull(ref("refs/tags/js-v0.5.1"));
        assertNull(remote.ref("refs/tags/js-v0.5.1"));
        assertEquals(ref("refs/tags/python-v0.3.0"), remote.ref("refs/tags/python-v0.3.0"));

        // the other component's release is still there to make, from the same history
        prepare("js");
        assertEquals(ref("refs/tags/js-v0.5.1"), remote.ref("refs/tags/js-v0.5.1"));
        assertEquals(PACKAGE_JSON.replace("0.5.0", "0.5.1"), file("sdk/js/package.json"));
    }
}
