package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import ai.brokle.release.goal.ReleaseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** A settings.xml server's credentials become the core's credentials (never environment variables); a bad id or password is a clear failure. */
class SettingsServersTest {
    private static final String SECRET = "{encrypted-4c1d}";

    private final ReleaseOptions options = ReleaseOptions.of(Path.of(".")).withEnvironment(Map.of("HOME", "/home/ci"));

    private static Settings settings() {
        Server server = new Server();
        server.setId("github");
        server.setUsername("brokle-bot");
        server.setPassword(SECRET);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    /** A decrypter that turns the encrypted password into a plain one, or reports an error. */
    private static SettingsDecrypter decrypter(String plain, boolean fails) {
        return (SettingsDecryptionRequest request) -> new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                Server copy = request.getServers().get(0).clone();
                copy.setPassword(plain);
                return copy;
            }

            @Override
            public List<Server> getServers() {
                return List.of(getServer());
            }

            @Override
            public Proxy getProxy() {
                return null;
            }

            @Override
            public List<Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return fails ? List.of(new DefaultSettingsProblem("cannot decrypt", SettingsProblem.Severity.ERROR, "settings.xml", -1, -1, null))
                        : List.of();
            }
        };
    }

    private static SettingsServers servers(String plain, boolean fails) {
        return new SettingsServers(SettingsServersTest::settings, decrypter(plain, fails));
    }

    @Test
    void theServersCredentialsBecomeTheGitCredentialsWithoutTouchingTheEnvironment() {
        List<String> masked = new ArrayList<>();
        Credentials applied = servers("ghp_plain", false).named(options.credentials().masking(masked::add), Credentials.Purpose.GIT,
                Properties.GIT_SERVER_ID, " github ");
        assertEquals(new Login("brokle-bot", "ghp_plain"), applied.git().orElseThrow());
        assertEquals(List.of("ghp_plain"), masked, "the password is masked as it is handed out");
        ReleaseOptions withServer = options.withCredentials(applied);
        assertEquals(Map.of("HOME", "/home/ci"), withServer.environment(), "nothing is written into the environment");
        assertEquals("brokle-bot", withServer.credentials().git().orElseThrow().username(), "the options carry the server, not a variable");
    }

    @Test
    void withoutAnIdTheCredentialsAreLeftAsTheyAre() {
        Credentials none = options.credentials();
        assertSame(none, servers("x", false).named(none, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, null));
        assertSame(none, servers("x", false).named(none, Credentials.Purpose.GIT, Properties.GIT_SERVER_ID, "  "));
    }

    @Test
    void anUnknownIdOrAnUndecryptablePasswordIsAFailureThatPrintsNoSecret() {
        Credentials none = options.credentials();
        ReleaseFailure missing = assertThrows(ReleaseFailure.class, () -> servers("x", false).named(none, Credentials.Purpose.GIT,
                Properties.GIT_SERVER_ID, "gitlab"));
        assertTrue(missing.getMessage().contains("settings.xml has no <server> with id 'gitlab'"), missing.getMessage());
        ReleaseFailure undecryptable = assertThrows(ReleaseFailure.class, () -> servers("x", true).named(none, Credentials.Purpose.GIT,
                Properties.GIT_SERVER_ID, "github"));
        assertTrue(undecryptable.getMessage().contains("the password of server 'github' in settings.xml cannot be decrypted"),
                undecryptable.getMessage());
        assertFalse(undecryptable.getMessage().contains(SECRET), undecryptable.getMessage());
    }

    @Test
    void tokensAndRegistryLoginsComeFromServersAndNameWhatTheyAreFor() {
        Credentials none = options.credentials();
        assertEquals("ghp_plain", servers("ghp_plain", false).named(none, Credentials.Purpose.GITHUB, Properties.GITHUB_SERVER_ID, "github")
                .token(Credentials.Purpose.GITHUB).orElseThrow());
        ReleaseFailure missing = assertThrows(ReleaseFailure.class, () -> servers("x", false).named(none, Credentials.Purpose.PYPI,
                Properties.PYPI_SERVER_ID, "pypi"));
        assertTrue(missing.getMessage().contains("the <username> and <password> (or token) for the package index (an API token)"),
                missing.getMessage());
        ReleaseFailure empty = assertThrows(ReleaseFailure.class, () -> servers("", false).named(none, Credentials.Purpose.NPM,
                Properties.NPM_SERVER_ID, "github"));
        assertTrue(empty.getMessage().contains("has no <password>; put the token for the npm registry (an automation token) there"),
                empty.getMessage());

        Credentials registries = none.withServers(servers("registry-pw", false).byId());
        assertEquals("brokle-bot", registries.server("github").orElseThrow().username());
        assertEquals("registry-pw", registries.server("github").orElseThrow().password());
        assertTrue(registries.server("ghcr.io").isEmpty(), "no server of that id: anonymous or another source");
        assertFalse(registries.server("github").orElseThrow().toString().contains("registry-pw"));
    }
}
