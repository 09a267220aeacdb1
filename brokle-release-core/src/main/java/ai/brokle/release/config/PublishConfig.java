package ai.brokle.release.config;

import java.util.List;
import java.util.Map;

/**
 * What {@code perform} does for a component's release tag after its registry publications.
 *
 * @param assets files (globs relative to the repository root) attached to the GitHub release
 * @param checksums the name of the checksum file attached beside them ({@code SHA256SUMS}); null for none
 * @param dispatches repository_dispatch events sent once the release is public
 * @param notifications the chat notifications sent last: {@code slack}, {@code discord}
 * @param pypi where its Python distributions go; null when it publishes none
 * @param npm where its npm packages go; null when it publishes none
 * @param images the container images it builds and pushes
 */
public record PublishConfig(List<String> assets, String checksums, List<Dispatch> dispatches, List<String> notifications, PypiConfig pypi,
        NpmConfig npm, List<ImageConfig> images) {
    public static final String DEFAULT_CHECKSUMS = "SHA256SUMS";
    public static final String EMAIL = "email";
    public static final List<String> NOTIFIERS = List.of("slack", "discord", EMAIL);

    /**
     * One repository_dispatch event.
     *
     * @param repository the receiving repository, {@code owner/name}
     * @param eventType the event type the receiving workflow listens for ({@code sdk-released})
     * @param payload the client payload; text values may hold {@code {{version}}}, {@code {{tag}}}, {@code {{component}}}
     */
    public record Dispatch(String repository, String eventType, Map<String, Object> payload) {
    }

    public static PublishConfig defaults() {
        return new PublishConfig(List.of(), DEFAULT_CHECKSUMS, List.of(), List.of(), null, null, List.of());
    }
}
