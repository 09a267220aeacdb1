package ai.brokle.release.config;

/**
 * Where a component's npm packages are published.
 *
 * @param registry the registry's address
 * @param access {@code public} or {@code restricted} for scoped packages; null to take .changeset/config.json's, else npm's default
 */
public record NpmConfig(String registry, String access) {
    public static final String NPMJS = "https://registry.npmjs.org/";
}
