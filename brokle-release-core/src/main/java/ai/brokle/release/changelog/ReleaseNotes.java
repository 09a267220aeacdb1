package ai.brokle.release.changelog;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Release notes rendered from a Mustache template over a {@link ReleaseChanges}. The built-in
 * template follows the release-notes template of the Brokle release strategy: highlights,
 * breaking changes with migration notes, features, fixes, documentation, internal changes,
 * upgrade instructions and the full-changelog link.
 */
public final class ReleaseNotes {
    private static final String DEFAULT_TEMPLATE = "release-notes.mustache";

    private final Template template;
    private final String name;

    private ReleaseNotes(Template template, String name) {
        this.template = template;
        this.name = name;
    }

    /** The built-in template. */
    public static ReleaseNotes defaultTemplate() {
        try (InputStream in = ReleaseNotes.class.getResourceAsStream(DEFAULT_TEMPLATE)) {
            if (in == null) {
                throw new ReleaseError("The built-in release-notes template is missing from the plugin's jar");
            }
            return compile(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in release-notes template");
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the built-in release-notes template: " + e.getMessage(), e);
        }
    }

    /**
     * A template given as text; {@code name} (its file) is used in messages. Values are written
     * as they are (Markdown, not HTML, so nothing is escaped); a name the model does not have
     * fails the rendering, naming the line.
     */
    public static ReleaseNotes compile(String text, String name) {
        try {
            return new ReleaseNotes(Mustache.compiler().escapeHTML(false).nullValue("").compile(text), name);
        } catch (MustacheException e) {
            throw new ReleaseFailure("The release-notes template " + name + " is not valid Mustache: " + e.getMessage());
        }
    }

    public String render(ReleaseChanges changes) {
        try {
            return template.execute(changes);
        } catch (MustacheException e) {
            throw new ReleaseFailure("The release-notes template " + name + " cannot be rendered: " + e.getMessage()
                    + "; the names a template can use are listed in docs/changelog.md");
        }
    }
}
