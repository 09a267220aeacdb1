package ai.brokle.release.config;

/**
 * How a component's release notes are written.
 *
 * @param title the product name in the notes' heading ("Brokle" gives "## Brokle v3.2.0 - 2025-01-15"); null for the component's name
 * @param template a Mustache template file relative to the repository root; null for the built-in one
 */
public record ReleaseNotesConfig(String title, String template) {
    public static ReleaseNotesConfig defaults() {
        return new ReleaseNotesConfig(null, null);
    }
}
