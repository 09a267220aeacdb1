package ai.brokle.release.config;

import java.util.List;
import java.util.Map;

/**
 * A container image a component builds (with Jib, no Docker daemon) and pushes on release.
 *
 * @param name its short name, for {@code brokle.image} and messages (default: the last part of its first repository)
 * @param repositories where it is pushed, without tag (ghcr.io/brokle-ai/brokle-server, brokle/brokle-server)
 * @param from the base image ({@code scratch}, or a reference, best pinned by digest)
 * @param platforms os/arch pairs, each built from its own files ({@code linux/amd64}, {@code linux/arm64})
 * @param layers files the build produced, one layer each; their {@code from} may hold {@code {os}} and {@code {arch}}
 * @param entrypoint the entrypoint, or empty to keep the base image's
 * @param arguments the default arguments (CMD), or empty to keep the base image's
 * @param user the user (and group) the container runs as, or null to keep the base image's
 * @param workingDirectory the working directory, or null to keep the base image's
 * @param environment environment variables added to the base image's
 * @param ports exposed ports ({@code 8080}, {@code 9090/udp})
 * @param labels labels added to the release's own OCI labels
 * @param description the image's org.opencontainers.image.description, or null for the project's (package metadata)
 * @param licenses the image's org.opencontainers.image.licenses (SPDX), or null for the project's
 */
public record ImageConfig(String name, List<String> repositories, String from, List<String> platforms, List<Layer> layers,
        List<String> entrypoint, List<String> arguments, String user, String workingDirectory, Map<String, String> environment,
        List<String> ports, Map<String, String> labels, String description, String licenses) {
    public static final String SCRATCH = "scratch";
    public static final List<String> DEFAULT_PLATFORMS = List.of("linux/amd64", "linux/arm64");

    /**
     * Files of one layer.
     *
     * @param from a file or directory relative to the repository root, with {@code {os}} / {@code {arch}} for per-platform files
     * @param to the absolute path in the image
     * @param mode octal permissions of files (directories get 755), or null for 644 (755 when executable here)
     */
    public record Layer(String from, String to, String mode) {
        /** The source for a platform. */
        public String from(String os, String arch) {
            return from.replace("{os}", os).replace("{arch}", arch);
        }
    }
}
