package ai.brokle.release.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a component's changelog is written.
 *
 * @param path its changelog file relative to the repository root, or null when it keeps none
 * @param sections commit type to Keep a Changelog section, in the file's order; null for the defaults
 * @param excludedTypes commit types left out
 * @param excludedScopes commit scopes left out
 * @param excludedMessages commits whose header matches one of these are left out
 */
public record ChangelogConfig(String path, Map<String, String> sections, List<String> excludedTypes, List<String> excludedScopes,
        List<Pattern> excludedMessages) {

    public static ChangelogConfig none() {
        return new ChangelogConfig(null, null, List.of(), List.of(), List.of());
    }

    public static ChangelogConfig at(String path) {
        return new ChangelogConfig(path, null, List.of(), List.of(), List.of());
    }
}
