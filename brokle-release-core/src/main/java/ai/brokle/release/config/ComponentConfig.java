package ai.brokle.release.config;

import java.util.List;

/**
 * One releasable component of a repository.
 *
 * @param name the name used on the command line ({@code brokle.component}) and in plans
 * @param path directory, relative to the repository root, whose commits belong to it ("" for all)
 * @param tagPrefix text before the version in its release tags: v, python-v, js-v
 * @param versionFiles files that carry its version
 * @param changelog its changelog file relative to the repository root, or null
 */
public record ComponentConfig(String name, String path, String tagPrefix, List<VersionFileConfig> versionFiles, String changelog) {
    public String tagFor(Object version) {
        return tagPrefix + version;
    }

    /** The path as users wrote it, for messages: "." for the whole repository. */
    public String displayPath() {
        return path.isEmpty() ? "." : path;
    }
}
