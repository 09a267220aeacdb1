package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.workflow.ReleaseOptions;
import java.nio.file.Path;
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

/** A settings.xml server's credentials become the git credentials the core reads; a bad id or password is a clear failure. */
class GitServerTest {
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

    @Test
    void theServersCredentialsBecomeTheGitCredentials() {
        ReleaseOptions applied = GitServer.apply(options, " github ", settings(), decrypter("ghp_plain", false));
        assertEquals("brokle-bot", applied.environment().get("BROKLE_GIT_USERNAME"));
        assertEquals("ghp_plain", applied.environment().get("BROKLE_GIT_PASSWORD"));
        assertEquals("/home/ci", applied.environment().get("HOME"), "the rest of the environment stays");
    }

    @Test
    void withoutAnIdTheEnvironmentIsLeftAsItIs() {
        assertSame(options, GitServer.apply(options, null, settings(), decrypter("x", false)));
        assertSame(options, GitServer.apply(options, "  ", settings(), decrypter("x", false)));
    }

    @Test
    void anUnknownIdOrAnUndecryptablePasswordIsAFailureThatPrintsNoSecret() {
        ReleaseFailure missing = assertThrows(ReleaseFailure.class, () -> GitServer.apply(options, "gitlab", settings(), decrypter("x", false)));
        assertTrue(missing.getMessage().contains("settings.xml has no <server> with id 'gitlab'"), missing.getMessage());
        ReleaseFailure undecryptable = assertThrows(ReleaseFailure.class, () -> GitServer.apply(options, "github", settings(), decrypter("x", true)));
        assertTrue(undecryptable.getMessage().contains("the password of server 'github' in settings.xml cannot be decrypted"),
                undecryptable.getMessage());
        assertFalse(undecryptable.getMessage().contains(SECRET), undecryptable.getMessage());
    }

    @Test
    void tokensAndRegistryLoginsComeFromServersAndNameWhatTheyAreFor() {
        assertEquals("ghp_plain", GitServer.token("brokle.githubServerId", "github", GitServer.GITHUB, settings(), decrypter("ghp_plain", false)));
        ReleaseFailure missing = assertThrows(ReleaseFailure.class, () -> GitServer.token("brokle.pypiServerId", "pypi", GitServer.PACKAGE_INDEX,
                settings(), decrypter("x", false)));
        assertTrue(missing.getMessage().contains("the <username> and <password> (or token) for the package index (an API token)"),
                missing.getMessage());
        ReleaseFailure empty = assertThrows(ReleaseFailure.class, () -> GitServer.token("brokle.npmServerId", "github", GitServer.NPM, settings(),
                decrypter("", false)));
        assertTrue(empty.getMessage().contains("has no <password>; put the token for the npm registry (an automation token) there"),
                empty.getMessage());

        ai.brokle.release.images.RegistryCredentials.Servers registries = GitServer.registries(settings(), decrypter("registry-pw", false));
        assertEquals("brokle-bot", registries.find("github").orElseThrow().username());
        assertEquals("registry-pw", registries.find("github").orElseThrow().password());
        assertTrue(registries.find("ghcr.io").isEmpty(), "no server of that id: anonymous or another source");
        assertFalse(registries.find("github").orElseThrow().toString().contains("registry-pw"));
    }
}
