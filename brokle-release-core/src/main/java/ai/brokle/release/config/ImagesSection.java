package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code images} of a component: notes-only repository names or Jib builds. */
final class ImagesSection {
    private final ConfigFields fields;

    ImagesSection(ConfigFields fields) {
        this.fields = fields;
    }

    /**
     * The image repositories release notes show: a text entry is a repository published by other
     * means; a mapping is an image built and pushed on release (added to {@code builds}).
     */
    List<String> images(Object node, String key, List<ImageConfig> builds) {
        List<String> images = new ArrayList<>();
        if (node == null) {
            return images;
        }
        if (!(node instanceof List<?> items)) {
            fields.problem(key, "must be a list of image repositories (text) or of images to build (mappings with keys " + String.join(", ", IMAGE_KEYS)
                    + ")");
            return images;
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key + "[" + i + "]";
            if (items.get(i) instanceof Map) {
                ImageConfig image = image(fields.map(items.get(i)), itemKey);
                if (image != null) {
                    if (!names.add(image.name())) {
                        fields.problem(itemKey + ".name", "'" + image.name() + "' names another image of this component too; give each its own name");
                    }
                    builds.add(image);
                    if (!image.repositories().isEmpty()) {
                        images.add(image.repositories().get(0));
                    }
                }
            } else if (items.get(i) instanceof String image) {
                if (imageRepository(image, itemKey)) {
                    images.add(image);
                }
            } else {
                fields.problem(itemKey, "must be an image repository (text) or an image to build (a mapping)");
            }
        }
        return images;
    }

    private boolean imageRepository(String image, String key) {
        if (IMAGE.matcher(image).matches()) {
            return true;
        }
        String hint = image.contains("@") || image.lastIndexOf(':') > image.lastIndexOf('/')
                ? "give the repository without tag or digest; the release adds the version"
                : "use lower-case letters, digits, '.', '_', '-' and '/', e.g. ghcr.io/brokle-ai/brokle-server";
        fields.problem(key, "'" + image + "' is not an image repository: " + hint);
        return false;
    }

    private ImageConfig image(Map<String, Object> node, String key) {
        fields.checkKeys(node, key, IMAGE_KEYS);
        List<String> repositories = fields.stringList(node.get("repositories"), key + ".repositories");
        if (repositories.isEmpty()) {
            fields.problem(key + ".repositories", "missing; list where the image is pushed, e.g. [ghcr.io/brokle-ai/brokle-server, brokle/brokle-server]");
        }
        for (int r = 0; r < repositories.size(); r++) {
            imageRepository(repositories.get(r), key + ".repositories[" + r + "]");
        }
        String fallback = repositories.isEmpty() ? "image" : repositories.get(0).substring(repositories.get(0).lastIndexOf('/') + 1);
        String name = fields.string(node, key, "name", fallback);
        if (name != null && !IMAGE_NAME.matcher(name).matches()) {
            fields.problem(key + ".name", "'" + name + "' is not an image name; use lower-case letters, digits, '.', '_' and '-'");
        }
        String from = fields.string(node, key, "from", ImageConfig.SCRATCH);
        if (from != null && !from.equals(ImageConfig.SCRATCH)
                && !from.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9._-]+)*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?")) {
            fields.problem(key + ".from", "'" + from + "' is not an image reference; give scratch or e.g. gcr.io/distroless/static-debian12@sha256:<digest>");
        }
        List<String> platforms = node.containsKey("platforms") ? fields.stringList(node.get("platforms"), key + ".platforms")
                : ImageConfig.DEFAULT_PLATFORMS;
        for (int p = 0; p < platforms.size(); p++) {
            if (!PLATFORM.matcher(platforms.get(p)).matches()) {
                fields.problem(key + ".platforms[" + p + "]", "'" + platforms.get(p) + "' is not a platform; write os/arch, e.g. linux/amd64 or linux/arm64");
            }
        }
        if (node.containsKey("platforms") && platforms.isEmpty()) {
            fields.problem(key + ".platforms", "lists no platform; leave it out for linux/amd64 and linux/arm64");
        }
        if (Set.copyOf(platforms).size() != platforms.size()) {
            fields.problem(key + ".platforms", "names a platform twice");
        }
        List<ImageConfig.Layer> layers = new ArrayList<>();
        Object layerNode = node.get("layers");
        if (layerNode != null && !(layerNode instanceof List)) {
            fields.problem(key + ".layers", "must be a list of files to add, e.g. [{from: bin/{os}-{arch}/brokle-server, to: /app/brokle-server}]");
        } else if (layerNode != null) {
            List<?> items = (List<?>) layerNode;
            for (int l = 0; l < items.size(); l++) {
                String layerKey = key + ".layers[" + l + "]";
                Map<String, Object> layer = fields.mapping(items.get(l), layerKey, LAYER_KEYS);
                if (layer == null) {
                    continue;
                }
                String source = fields.relativePath(layer, layerKey, "from", null);
                if (source == null && layer.get("from") == null) {
                    fields.problem(layerKey + ".from", "missing; give a file or directory the build produced, e.g. bin/{os}-{arch}/brokle-server");
                }
                String to = fields.string(layer, layerKey, "to", null);
                if (to == null || !to.startsWith("/") || ConfigFields.segments(to).contains("..")) {
                    fields.problem(layerKey + ".to", (to == null ? "missing" : "'" + to + "' is not an absolute path") + "; give where the files go in the"
                            + " image, e.g. /app/brokle-server");
                }
                Object modeValue = layer.get("mode");
                String mode = modeValue == null ? null : String.valueOf(modeValue);
                if (mode != null && !MODE.matcher(mode).matches()) {
                    fields.problem(layerKey + ".mode", "'" + mode + "' is not a file mode; write it in octal, e.g. 755");
                }
                // /app/./bin//x is /app/bin/x
                layers.add(new ImageConfig.Layer(source, to == null ? null : "/" + String.join("/", ConfigFields.segments(to)), mode));
            }
        }
        List<String> entrypoint = fields.stringList(node.get("entrypoint"), key + ".entrypoint");
        List<String> arguments = fields.stringList(node.get("arguments"), key + ".arguments");
        String user = fields.scalar(node, key, "user");
        String workingDirectory = fields.string(node, key, "workingDirectory", null);
        if (workingDirectory != null && !workingDirectory.startsWith("/")) {
            fields.problem(key + ".workingDirectory", "'" + workingDirectory + "' is not an absolute path, e.g. /app");
        }
        Map<String, String> environment = fields.textMap(node.get("environment"), key + ".environment");
        environment.keySet().stream().filter(n -> !ENV_NAME.matcher(n).matches())
                .forEach(n -> fields.problem(key + ".environment." + n, "'" + n + "' is not an environment variable name"));
        List<String> ports = new ArrayList<>();
        Object portNode = node.get("ports");
        List<?> portItems = portNode == null ? List.of() : portNode instanceof List<?> l ? l : List.of(portNode);
        for (int p = 0; p < portItems.size(); p++) {
            String port = String.valueOf(portItems.get(p));
            java.util.regex.Matcher m = PORT.matcher(port);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
                fields.problem(key + ".ports[" + p + "]", "'" + port + "' is not a port; write a number from 1 to 65535, with /tcp or /udp if needed");
            }
            ports.add(port);
        }
        Map<String, String> labels = fields.textMap(node.get("labels"), key + ".labels");
        return new ImageConfig(name, repositories, from, platforms, List.copyOf(layers), entrypoint, arguments, user, workingDirectory,
                environment, List.copyOf(ports), labels, fields.scalar(node, key, "description"), fields.scalar(node, key, "licenses"));
    }
}
