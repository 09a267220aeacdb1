package ai.brokle.release.maven;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The settings.xml adapter: the servers the user names by id, decrypted, handed to the core's
 * {@link Credentials} (which reads them before the environment). A server that is missing, cannot
 * be decrypted or lacks the token it is named for is a failure naming the property to fix.
 */
final class SettingsServers {
    private final Supplier<Settings> settings;
    private final SettingsDecrypter decrypter;

    /** @param settings the build's settings, asked for only when a server is looked up */
    SettingsServers(Supplier<Settings> settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** What each purpose's server holds, in the words of the failure that misses it. */
    static String describe(Credentials.Purpose purpose) {
        return switch (purpose) {
            case GIT -> "the git remote";
            case GITHUB -> "GitHub (a token with contents: write)";
            case PYPI -> "the package index (an API token)";
            case NPM -> "the npm registry (an automation token)";
        };
    }

    /**
     * The credentials with the server named by {@code property} (value {@code serverId}) for
     * {@code purpose}; unchanged when no id is given. A token purpose needs a password.
     */
    Credentials named(Credentials credentials, Credentials.Purpose purpose, String property, String serverId) {
        if (serverId == null || serverId.isBlank()) {
            return credentials;
        }
        Server plain = decrypted(property, serverId.trim(), describe(purpose));
        if (purpose != Credentials.Purpose.GIT && (plain.getPassword() == null || plain.getPassword().isBlank())) {
            throw new ReleaseFailure(property + ": server '" + serverId.trim() + "' in settings.xml has no <password>; put the token for "
                    + describe(purpose) + " there");
        }
        return credentials.withServer(purpose, login(plain));
    }

    /** Every server by id, decrypted only when asked for (container registries name theirs in the configuration). */
    Function<String, Optional<Login>> byId() {
        return id -> settings.get().getServer(id) == null ? Optional.empty()
                : Optional.of(login(decrypted("registries.<host>.serverId", id, "the container registry")));
    }

    private static Login login(Server plain) {
        return new Login(plain.getUsername() == null ? "" : plain.getUsername(), plain.getPassword() == null ? "" : plain.getPassword());
    }

    private Server decrypted(String property, String id, String purpose) {
        Server server = settings.get().getServer(id);
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
