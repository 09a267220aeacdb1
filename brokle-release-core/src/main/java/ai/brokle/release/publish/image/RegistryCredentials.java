package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.RegistryConfig;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.credentials.Login;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a registry's user name and password come from, in order: the settings.xml server named by
 * its {@code serverId} (by default its host), the environment variables its {@code usernameEnv} /
 * {@code passwordEnv} name, then a Docker {@code config.json} ({@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}, its {@code auths} and credential helpers, read by Jib). None of them:
 * anonymous. Passwords are never logged.
 */
public final class RegistryCredentials {
    private final ReleaseConfig config;
    private final Credentials credentials;
    private final Map<String, String> env;
    private final ReleaseLog log;

    /**
     * @param credentials the settings.xml servers and the secrets of the environment
     * @param env the environment, for the variable names the configuration gives and DOCKER_CONFIG
     */
    public RegistryCredentials(ReleaseConfig config, Credentials credentials, Map<String, String> env, ReleaseLog log) {
        this.config = config;
        this.credentials = credentials;
        this.env = env;
        this.log = log;
    }

    public RegistryConfig settings(String registry) {
        return config.registry(canonical(registry));
    }

    /** Docker Hub's names for itself, as users write them, are one registry. */
    static String canonical(String registry) {
        return switch (registry) {
            case "registry-1.docker.io", "index.docker.io", "registry.hub.docker.com" -> "docker.io";
            default -> registry;
        };
    }

    /** Problems found without asking any registry: a configured variable that is not set. */
    public List<String> problems(String registry) {
        List<String> problems = new ArrayList<>();
        RegistryConfig r = settings(registry);
        if (r.usernameEnv() != null && blank(env.get(r.usernameEnv()))) {
            problems.add("registries." + r.host() + ".usernameEnv: " + r.usernameEnv() + " is not set");
        }
        if (r.passwordEnv() != null && blank(env.get(r.passwordEnv()))) {
            problems.add("registries." + r.host() + ".passwordEnv: " + r.passwordEnv() + " is not set");
        }
        return problems;
    }

    /** As {@link #problems(String)}, for the registry of an image reference (a bad reference is a problem too). */
    public List<String> problemsForImage(String reference) {
        try {
            return problems(ImageReference.parse(reference).getRegistry());
        } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            return List.of("'" + reference + "' is not an image reference");
        }
    }

    /** Where the credential for {@code image}'s registry is found, or empty for anonymous access. */
    public Optional<Credential> find(ImageReference image) {
        RegistryConfig r = settings(image.getRegistry());
        Optional<Login> server = credentials.server(r.serverId());
        if (server.isPresent()) {
            log.debug("Registry " + r.host() + ": user " + server.get().username() + " from settings.xml server " + r.serverId());
            return Optional.of(Credential.from(server.get().username(), server.get().password()));
        }
        if (r.usernameEnv() != null && !blank(env.get(r.usernameEnv())) && !blank(env.get(r.passwordEnv()))) {
            log.debug("Registry " + r.host() + ": user from " + r.usernameEnv() + ", password from " + r.passwordEnv());
            return Optional.of(Credential.from(env.get(r.usernameEnv()), credentials.masked(env.get(r.passwordEnv()))));
        }
        Path dockerConfig = blank(env.get("DOCKER_CONFIG")) ? Path.of(System.getProperty("user.home"), ".docker", "config.json")
                : Path.of(env.get("DOCKER_CONFIG"), "config.json");
        if (Files.isRegularFile(dockerConfig)) {
            CredentialRetriever retriever = CredentialRetrieverFactory.forImage(image, JibLog.to(log), env).dockerConfig(dockerConfig);
            try {
                Optional<Credential> found = retriever.retrieve();
                if (found.isPresent()) {
                    credentials.masked(found.get().getPassword());
                    log.debug("Registry " + r.host() + ": credential from " + dockerConfig);
                    return found;
                }
            } catch (Exception e) {
                log.warn("Registry " + r.host() + ": cannot read credentials from " + dockerConfig + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        log.debug("Registry " + r.host() + ": no credential configured, anonymous access");
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
