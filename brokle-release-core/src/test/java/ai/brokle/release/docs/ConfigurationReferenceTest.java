package ai.brokle.release.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.config.ConfigLoader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md documents every key the configuration loader accepts, each in a row of its
 * own under its full path. The loader's key lists are read from the loader itself, so a key added
 * to the model without a row in the reference fails this test, and so does a new list of keys
 * without a known place in the file.
 */
class ConfigurationReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    /** Each key list of the loader and the path its keys sit under. */
    private static final Map<String, String> PLACES = Map.ofEntries(
            Map.entry("TOP_KEYS", ""),
            Map.entry("VERSIONING_KEYS", "versioning."),
            Map.entry("GITHUB_KEYS", "github."),
            Map.entry("SUBMODULE_KEYS", "submodules.<path>."),
            Map.entry("REGISTRY_KEYS", "registries.<host>."),
            Map.entry("COMPONENT_KEYS", "components.<name>."),
            Map.entry("GITHUB_RELEASE_KEYS", "components.<name>.githubRelease."),
            Map.entry("DISPATCH_KEYS", "components.<name>.dispatch[]."),
            Map.entry("NPM_KEYS", "components.<name>.npm."),
            Map.entry("PYPI_KEYS", "components.<name>.pypi."),
            Map.entry("CHANGELOG_KEYS", "components.<name>.changelog."),
            Map.entry("EXCLUDE_KEYS", "components.<name>.changelog.exclude."),
            Map.entry("NOTES_KEYS", "components.<name>.releaseNotes."),
            Map.entry("VERSION_FILE_KEYS", "components.<name>.versionFiles[]."),
            Map.entry("IMAGE_KEYS", "components.<name>.images[]."),
            Map.entry("LAYER_KEYS", "components.<name>.images[].layers[]."));

    @Test
    void everyKeyOfTheModelHasItsRowInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (Field field : Class.forName("ai.brokle.release.config.ConfigSchema").getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !field.getName().endsWith("_KEYS")) {
                continue;
            }
            assertTrue(PLACES.containsKey(field.getName()), "ConfigSchema." + field.getName() + " is a new list of keys: say in this test where"
                    + " its keys sit, and document them in docs/configuration.md");
            field.setAccessible(true);
            for (Object key : (List<?>) field.get(null)) {
                keys++;
                String row = "| `" + PLACES.get(field.getName()) + key + "` |";
                if (!reference.contains(row)) {
                    missing.add(row);
                }
            }
        }
        assertEquals(PLACES.size(), Class.forName("ai.brokle.release.config.ConfigSchema").getDeclaredFields().length - otherFields(), "every list of keys was read");
        assertTrue(keys > 60, "the loader's keys were found: " + keys);
        assertEquals(List.of(), missing, "rows missing from docs/configuration.md");
    }

    private static int otherFields() throws ClassNotFoundException {
        int n = 0;
        for (Field field : Class.forName("ai.brokle.release.config.ConfigSchema").getDeclaredFields()) {
            if (!(Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_KEYS"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theExamplesInTheGuidesAreValidConfigurations() throws Exception {
        int examples = 0;
        for (String doc : List.of("configuration.md", "images.md", "submodules.md", "publishing.md", "changesets.md")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)```yaml\n(.*?)```").matcher(Files.readString(REFERENCE.resolveSibling(doc)));
            while (m.find()) {
                String yaml = m.group(1);
                if (!yaml.contains("components:")) {
                    continue;
                }
                examples++;
                String text = yaml.replace("<digest>", "0".repeat(64));
                try {
                    new ConfigLoader().parse(doc, text);
                } catch (ai.brokle.release.ReleaseFailure e) {
                    throw new AssertionError("an example of docs/" + doc + " does not load:\n" + text + "\n" + e.getMessage(), e);
                }
            }
        }
        assertTrue(examples >= 4, "examples found: " + examples);
    }
}
