package ai.brokle.release.maven;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.workflow.ReleaseOptions;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The credentials of a settings.xml server handed to the core as the git credentials of the environment. */
final class GitServer {
    private GitServer() {
    }

    /** The options with the named server's username and password (decrypted) as the git credentials; unchanged without an id. */
    static ReleaseOptions apply(ReleaseOptions options, String serverId, Settings settings, SettingsDecrypter decrypter) {
        if (serverId == null || serverId.isBlank()) {
            return options;
        }
        String id = serverId.trim();
        Server server = settings.getServer(id);
        if (server == null) {
            throw new ReleaseFailure("brokle.gitServerId: settings.xml has no <server> with id '" + id
                    + "'; add one with the <username> and <password> (or token) for the git remote");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (decrypted.getProblems().stream().anyMatch(p -> p.getSeverity() != DefaultSettingsProblem.Severity.WARNING)) {
            throw new ReleaseFailure("brokle.gitServerId: the password of server '" + id + "' in settings.xml cannot be"
                    + " decrypted; check settings-security.xml");
        }
        Server plain = decrypted.getServer();
        Map<String, String> env = new HashMap<>(options.environment());
        env.put("BROKLE_GIT_USERNAME", plain.getUsername() == null ? "" : plain.getUsername());
        env.put("BROKLE_GIT_PASSWORD", plain.getPassword() == null ? "" : plain.getPassword());
        return options.withEnvironment(env);
    }
}
