package ai.brokle.release.config;

/**
 * A file that carries a component's version.
 *
 * @param path path relative to the repository root, with '/' separators
 * @param kind how the version is found in it
 * @param pattern for {@link VersionFileKind#PATTERN}: the text around the version, with {@code {{version}}}
 * @param matches for {@link VersionFileKind#PATTERN}: how many times the pattern occurs in the file
 * @param pep440 for Python files ({@code format: pep440}): the version is written in PEP 440's normal
 *     form (0.5.0b1) instead of the tag's spelling (0.5.0-beta.1, which PEP 440 also reads)
 */
public record VersionFileConfig(String path, VersionFileKind kind, String pattern, int matches, boolean pep440) {
    public static final String PLACEHOLDER = "{{version}}";

    public VersionFileConfig(String path, VersionFileKind kind, String pattern, int matches) {
        this(path, kind, pattern, matches, false);
    }

    public VersionFileConfig(String path, VersionFileKind kind, String pattern) {
        this(path, kind, pattern, 1);
    }
}
