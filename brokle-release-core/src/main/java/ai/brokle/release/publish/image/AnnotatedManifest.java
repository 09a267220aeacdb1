package ai.brokle.release.publish.image;

import com.google.cloud.tools.jib.image.json.OciManifestTemplate;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OCI image manifest with annotations (Jib's own template has none), serialised by Jib's JSON
 * mapper, so that its digest is the same when it is written to the layout and when it is pushed.
 */
public final class AnnotatedManifest extends OciManifestTemplate {
    private TreeMap<String, String> annotations;

    void annotate(Map<String, String> values) {
        if (annotations == null) {
            annotations = new TreeMap<>();
        }
        annotations.putAll(values);
    }

    Map<String, String> annotations() {
        return annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
