package ai.brokle.release.config;

/**
 * A git submodule that pins a released SDK.
 *
 * @param path its path in the platform repository (sdk/python)
 * @param name how messages and documents call it (Python SDK)
 * @param sdk how a repository_dispatch payload names it ({@code "sdk": "python"})
 * @param tagPrefix text before the version in the SDK's release tags (python-v)
 */
public record SubmoduleConfig(String path, String name, String sdk, String tagPrefix) {
    /** The settings of a submodule the configuration does not mention: named after its last path segment, tags v<version>. */
    public static SubmoduleConfig defaults(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return new SubmoduleConfig(path, last, last, "v");
    }
}
