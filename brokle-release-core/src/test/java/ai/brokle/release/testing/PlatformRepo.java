package ai.brokle.release.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.brokle.release.goal.ReleaseOptions;
import ai.brokle.release.plan.PrepareState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The platform repository as prepare and rollback meet it: released as 1.2.0 (package.json, a
 * VERSION.ts pattern, a CHANGELOG.md with a hand-written Unreleased note) with one feature since,
 * pushed to and tracking a {@link BareRemote} served by git daemon.
 */
public final class PlatformRepo implements AutoCloseable {
    public static final String CONFIG = "repositoryUrl: https://github.com/brokle-ai/brokle\ncomponents:\n"
            + "  platform:\n    path: .\n    tagPrefix: v\n    changelog: CHANGELOG.md\n    versionFiles:\n"
            + "      - path: web/package.json\n"
            + "      - path: web/src/constants/VERSION.ts\n        pattern: 'export const VERSION = \"v{{version}}\";'\n";
    public static final String PACKAGE_JSON = "{\n  \"name\": \"web\",\n  \"version\": \"1.2.0\",\n  \"private\": true\n}\n";
    public static final String VERSION_TS = "// generated\nexport const VERSION = \"v1.2.0\";\n";
    public static final String CHANGELOG = "# Changelog\n\n## [Unreleased]\n\n- Hand-written note\n\n## [1.2.0] - 2026-01-01\n\n### Added\n\n"
            + "- everything\n";

    public final TestRepo repo;
    public final BareRemote remote;
    public final RecordingLog log = new RecordingLog();
    private final Path work;
    private ObjectId base;

    private PlatformRepo(TestRepo repo, BareRemote remote, ObjectId base) {
        this.repo = repo;
        this.remote = remote;
        this.work = repo.dir();
        this.base = base;
    }

    /** Creates the work repository under {@code tmp}/work and its remote under {@code tmp}/remote.git. */
    public static PlatformRepo create(Path tmp) {
        BareRemote remote = BareRemote.create(tmp.resolve("remote.git"));
        TestRepo repo = TestRepo.init(tmp.resolve("work"));
        repo.write(".brokle-release.yml", CONFIG);
        repo.write("web/package.json", PACKAGE_JSON);
        repo.write("web/src/constants/VERSION.ts", VERSION_TS);
        repo.write("CHANGELOG.md", CHANGELOG);
        repo.commitAll("chore(release): v1.2.0");
        repo.annotatedTag("v1.2.0");
        ObjectId base = repo.commit("feat(web): usage dashboard (#42)").copy();
        remote.connect(repo);
        return new PlatformRepo(repo, remote, base);
    }

    public Path work() {
        return work;
    }

    /** The commit a release starts from: the feature commit, unless {@link #markBase()} moved it. */
    public ObjectId base() {
        return base;
    }

    /** Takes the current main as the commit a release starts from. */
    public void markBase() {
        base = ref("refs/heads/main");
    }

    /** Options for the work repository, logging to {@link #log}, with a fixed release date (2026-09-21). */
    public ReleaseOptions options() {
        return ReleaseOptions.of(work).withLog(log).withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1790000000"));
    }

    /** The object a local ref points at, or null. */
    public ObjectId ref(String name) {
        try {
            var ref = repo.git().getRepository().exactRef(name);
            return ref == null ? null : ref.getObjectId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String file(String path) {
        try {
            return Files.readString(work.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean stateExists() {
        return Files.exists(work.resolve(".git").resolve(PrepareState.FILE));
    }

    /** Nothing of a release of {@code tag}: the branch at the base here and there, the files of 1.2.0, no tag, no state. */
    public void assertUntouched(String tag) {
        assertEquals(base, ref("refs/heads/main"));
        assertNull(ref("refs/tags/" + tag));
        assertEquals(PACKAGE_JSON, file("web/package.json"));
        assertEquals(VERSION_TS, file("web/src/constants/VERSION.ts"));
        assertEquals(CHANGELOG, file("CHANGELOG.md"));
        assertEquals(base, remote.ref("refs/heads/main"));
        assertNull(remote.ref("refs/tags/" + tag));
        assertFalse(stateExists());
    }

    @Override
    public void close() {
        try {
            repo.close();
        } finally {
            remote.close();
        }
    }
}
