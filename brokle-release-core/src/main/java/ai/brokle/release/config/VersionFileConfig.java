package ai.brokle.release.config;

/**
 * A file that carries a component's version.
 *
 * @param path path relative to the repository root, with '/' separators
 * @param kind how the version is found in it
 * @param pattern for {@link VersionFileKind#PATTERN}: the text around the version, with {@code {{version}}}
 * @param matches for {@link VersionFileKind#PATTERN}: how many times the pattern occurs in the file
 */
public record VersionFileConfig(String path, VersionFileKind kind, String pattern, int matches) {
    public static final String PLACEHOLDER = "{{version}}";

    public VersionFileConfig(String path, VersionFileKind kind, String pattern) {
        this(path, kind, pattern, 1);
    }
}
