package ai.brokle.release.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseException;
import ai.brokle.release.testing.HttpRemote;
import ai.brokle.release.testing.RecordingLog;
import ai.brokle.release.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prepare and rollback against a remote that asks for credentials, over smart HTTP: credentials used, never printed. */
class AuthenticatedPushTest {
    @TempDir
    Path tmp;

    private HttpRemote remote;
    private TestRepo repo;
    private ObjectId base;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void create() throws Exception {
        remote = HttpRemote.create(tmp);
        repo = TestRepo.init(tmp.resolve("work"));
        repo.write(".brokle-release.yml", "components:\n  python:\n    path: .\n    tagPrefix: python-v\n    versionFiles:\n"
                + "      - path: brokle/version.py\n");
        repo.write("brokle/version.py", "__version__ = \"0.2.9\"\n");
        repo.commitAll("chore(release): python-v0.2.9");
        repo.annotatedTag("python-v0.2.9");
        base = repo.commit("feat: streaming").copy();
        repo.git().remoteAdd().setName("origin").setUri(new URIish(remote.url())).call();
        StoredConfig config = repo.git().getRepository().getConfig();
        config.setString("branch", "main", "remote", "origin");
        config.setString("branch", "main", "merge", "refs/heads/main");
        config.save();
        repo.git().push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).setPushTags()
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(HttpRemote.USER, HttpRemote.PASSWORD)).call();
        repo.git().fetch().setRemote("origin")
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider(HttpRemote.USER, HttpRemote.PASSWORD)).call();
    }

    @AfterEach
    void close() throws Exception {
        repo.close();
        remote.close();
    }

    private ReleaseOptions options(Map<String, String> env) {
        return ReleaseOptions.of(repo.dir()).withLog(log).withEnvironment(env);
    }

    private String logged() {
        return String.join("\n", log.lines());
    }

    @Test
    void credentialsFromTheEnvironmentAuthenticateThePushAndTheRollback() throws Exception {
        Map<String, String> env = Map.of("BROKLE_GIT_USERNAME", HttpRemote.USER, "BROKLE_GIT_PASSWORD", HttpRemote.PASSWORD);
        new PrepareWorkflow(PrepareOptions.of(options(env))).execute();
        assertNotNull(remote.ref("refs/tags/python-v0.3.0"));
        assertEquals(repo.git().getRepository().resolve("refs/heads/main"), remote.ref("refs/heads/main"));

        new RollbackWorkflow(RollbackOptions.of(options(env))).execute();
        assertNull(remote.ref("refs/tags/python-v0.3.0"));
        assertEquals(repo.git().getRepository().resolve("refs/heads/main"), remote.ref("refs/heads/main"));
        assertFalse(logged().contains(HttpRemote.PASSWORD), logged());
    }

    @Test
    void aWrongPasswordStopsTheReleaseBeforeAnyChangeAndIsNeverPrinted() throws Exception {
        String secret = "wrong-secret-7f3a";
        ReleaseException e = assertThrows(ReleaseException.class, () -> new PrepareWorkflow(PrepareOptions.of(
                options(Map.of("BROKLE_GIT_USERNAME", HttpRemote.USER, "BROKLE_GIT_PASSWORD", secret)))).execute());
        assertTrue(e.getMessage().contains(remote.url()), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        assertFalse(logged().contains(secret), logged());
        assertEquals(base, repo.git().getRepository().resolve("refs/heads/main"));
        assertNull(repo.git().getRepository().exactRef("refs/tags/python-v0.3.0"));
        assertEquals(base, remote.ref("refs/heads/main"));
    }

    @Test
    void credentialsWrittenIntoTheRemoteUrlWorkAndAreNeverPrinted() throws Exception {
        StoredConfig config = repo.git().getRepository().getConfig();
        config.setString("remote", "origin", "url", remote.urlWithCredentials());
        config.save();
        new PrepareWorkflow(PrepareOptions.of(options(Map.of()))).execute();
        assertNotNull(remote.ref("refs/tags/python-v0.3.0"));
        assertTrue(logged().contains("pushed to origin (" + remote.url() + ")"), logged());
        assertFalse(logged().contains(HttpRemote.PASSWORD), logged());
    }
}
