package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code submodules} section: the SDK submodules and their tag prefixes. */
final class SubmodulesSection {
    private final ConfigFields fields;

    SubmodulesSection(ConfigFields fields) {
        this.fields = fields;
    }

    List<SubmoduleConfig> submodules(Object node) {
        List<SubmoduleConfig> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof Map)) {
            fields.problem("submodules", "must map each submodule's path to its settings (" + String.join(", ", SUBMODULE_KEYS) + "), e.g."
                    + " sdk/python: {tagPrefix: python-v}");
            return result;
        }
        for (Map.Entry<String, Object> e : fields.map(node).entrySet()) {
            String key = "submodules." + e.getKey();
            String path = e.getKey().replaceAll("^\\./", "").replaceAll("/+$", "");
            if (path.isEmpty() || path.startsWith("/") || path.startsWith("..") || path.contains("/../")) {
                fields.problem(key, "'" + e.getKey() + "' must be the submodule's path inside the repository, as in .gitmodules");
            }
            Map<String, Object> s = fields.mapping(e.getValue() == null ? Map.of() : e.getValue(), key, SUBMODULE_KEYS);
            if (s == null) {
                continue;
            }
            SubmoduleConfig defaults = SubmoduleConfig.defaults(path);
            String prefix = fields.string(s, key, "tagPrefix", defaults.tagPrefix());
            if (prefix != null) {
                new ComponentsSection(fields).checkTagPrefix(key + ".tagPrefix", prefix);
            }
            String name = fields.string(s, key, "name", defaults.name());
            String sdk = fields.string(s, key, "sdk", defaults.sdk());
            result.add(new SubmoduleConfig(path, name == null ? defaults.name() : name, sdk == null ? defaults.sdk() : sdk,
                    prefix == null ? defaults.tagPrefix() : prefix));
        }
        return result;
    }
}
