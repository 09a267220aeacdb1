package ai.brokle.release.maven;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.images.RegistryCredentials;
import ai.brokle.release.workflow.ReleaseOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The credentials of settings.xml servers handed to the core: git credentials, tokens, registry logins. */
final class GitServer {
    private GitServer() {
    }

    /** The options with the named server's username and password (decrypted) as the git credentials; unchanged without an id. */
    static ReleaseOptions apply(ReleaseOptions options, String serverId, Settings settings, SettingsDecrypter decrypter) {
        if (serverId == null || serverId.isBlank()) {
            return options;
        }
        Server plain = decrypted("brokle.gitServerId", serverId.trim(), settings, decrypter, "the git remote");
        Map<String, String> env = new HashMap<>(options.environment());
        env.put("BROKLE_GIT_USERNAME", plain.getUsername() == null ? "" : plain.getUsername());
        env.put("BROKLE_GIT_PASSWORD", plain.getPassword() == null ? "" : plain.getPassword());
        return options.withEnvironment(env);
    }

    static final String GITHUB = "GitHub (a token with contents: write)";
    static final String PACKAGE_INDEX = "the package index (an API token)";
    static final String NPM = "the npm registry (an automation token)";

    /** The token (the password) of the named server, decrypted, for {@code purpose}; null without an id. */
    static String token(String property, String serverId, String purpose, Settings settings, SettingsDecrypter decrypter) {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server plain = decrypted(property, serverId.trim(), settings, decrypter, purpose);
        if (plain.getPassword() == null || plain.getPassword().isBlank()) {
            throw new ReleaseFailure(property + ": server '" + serverId.trim() + "' in settings.xml has no <password>; put the token for "
                    + purpose + " there");
        }
        return plain.getPassword();
    }

    /** Container registry logins: the settings.xml server of the id asked for (decrypted only when asked), if there is one. */
    static RegistryCredentials.Servers registries(Settings settings, SettingsDecrypter decrypter) {
        return id -> {
            if (settings.getServer(id) == null) {
                return Optional.empty();
            }
            Server plain = decrypted("registries.<host>.serverId", id, settings, decrypter, "the container registry");
            return Optional.of(new RegistryCredentials.Login(plain.getUsername() == null ? "" : plain.getUsername(),
                    plain.getPassword() == null ? "" : plain.getPassword()));
        };
    }

    private static Server decrypted(String property, String id, Settings settings, SettingsDecrypter decrypter, String purpose) {
        Server server = settings.getServer(id);
        if (server == null) {
            throw new ReleaseFailure(property + ": settings.xml has no <server> with id '" + id
                    + "'; add one with the <username> and <password> (or token) for " + purpose);
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (decrypted.getProblems().stream().anyMatch(p -> p.getSeverity() != DefaultSettingsProblem.Severity.WARNING)) {
            throw new ReleaseFailure(property + ": the password of server '" + id + "' in settings.xml cannot be"
                    + " decrypted; check settings-security.xml");
        }
        return decrypted.getServer();
    }
}
