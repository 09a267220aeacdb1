package ai.brokle.release.publish.image;

import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An OCI image index with annotations (Jib's own index template has none), serialised by Jib's
 * JSON mapper so its bytes, and so its digest, are the same wherever it is written or pushed.
 */
final class ImageIndex implements ManifestTemplate {
    static final String MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

    private final int schemaVersion = 2;
    private final String mediaType = MEDIA_TYPE;
    private final List<Entry> manifests = new ArrayList<>();
    private final TreeMap<String, String> annotations = new TreeMap<>();

    /** One platform's manifest. */
    static final class Entry implements JsonTemplate {
        private String mediaType;
        private String digest;
        private long size;
        private Platform platform;

        Entry() {
        }

        Entry(String mediaType, String digest, long size, String os, String architecture) {
            this.mediaType = mediaType;
            this.digest = digest;
            this.size = size;
            this.platform = new Platform(architecture, os);
        }

        String digest() {
            return digest;
        }
    }

    static final class Platform implements JsonTemplate {
        private String architecture;
        private String os;

        Platform() {
        }

        Platform(String architecture, String os) {
            this.architecture = architecture;
            this.os = os;
        }
    }

    void add(Entry entry) {
        manifests.add(entry);
    }

    void annotate(Map<String, String> values) {
        annotations.putAll(values);
    }

    List<Entry> manifests() {
        return manifests;
    }

    @Override
    public int getSchemaVersion() {
        return schemaVersion;
    }

    @Override
    public String getManifestMediaType() {
        return mediaType;
    }
}
