package ai.brokle.release.config;

/**
 * A file that carries a component's version.
 *
 * @param path path relative to the repository root, with '/' separators
 * @param kind how the version is found in it
 * @param pattern for {@link VersionFileKind#PATTERN}: the text around the version, with {@code {{version}}}
 */
public record VersionFileConfig(String path, VersionFileKind kind, String pattern) {
    public static final String PLACEHOLDER = "{{version}}";
}
