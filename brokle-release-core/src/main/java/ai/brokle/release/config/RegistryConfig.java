package ai.brokle.release.config;

/**
 * How to reach one container registry.
 *
 * @param host the registry as image references name it (ghcr.io, docker.io, 127.0.0.1:5000)
 * @param serverId the settings.xml server holding its user name and password (default: the host)
 * @param usernameEnv the environment variable holding its user name, or null
 * @param passwordEnv the environment variable holding its password or token, or null
 * @param insecure whether plain HTTP (and unverified TLS) is allowed for it; only for registries on a trusted network
 */
public record RegistryConfig(String host, String serverId, String usernameEnv, String passwordEnv, boolean insecure) {
    public static RegistryConfig defaults(String host) {
        return new RegistryConfig(host, host, null, null, false);
    }
}
