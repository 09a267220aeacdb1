package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code registries} section: credentials and plain-HTTP permission per container registry host. */
final class RegistriesSection {
    private final ConfigFields fields;

    RegistriesSection(ConfigFields fields) {
        this.fields = fields;
    }

    List<RegistryConfig> registries(Object node) {
        List<RegistryConfig> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!(node instanceof Map)) {
            fields.problem("registries", "must be a mapping from registry host (ghcr.io, docker.io) to its settings (" + String.join(", ", REGISTRY_KEYS)
                    + ")");
            return result;
        }
        for (Map.Entry<String, Object> e : fields.map(node).entrySet()) {
            String host = e.getKey();
            String key = "registries." + host;
            if (!REGISTRY_HOST.matcher(host).matches()) {
                fields.problem(key, "'" + host + "' is not a registry host; write it as image references do, e.g. ghcr.io or 127.0.0.1:5000");
            }
            Map<String, Object> r = fields.mapping(e.getValue() == null ? Map.of() : e.getValue(), key, REGISTRY_KEYS);
            if (r == null) {
                continue;
            }
            String serverId = fields.string(r, key, "serverId", host);
            String usernameEnv = fields.string(r, key, "usernameEnv", null);
            String passwordEnv = fields.string(r, key, "passwordEnv", null);
            for (String[] env : new String[][] {{"usernameEnv", usernameEnv}, {"passwordEnv", passwordEnv}}) {
                if (env[1] != null && !ENV_NAME.matcher(env[1]).matches()) {
                    fields.problem(key + "." + env[0], "'" + env[1] + "' is not an environment variable name, e.g. GITHUB_TOKEN");
                }
            }
            if ((usernameEnv == null) != (passwordEnv == null)) {
                fields.problem(key + "." + (usernameEnv == null ? "usernameEnv" : "passwordEnv"), "missing; usernameEnv and passwordEnv go together");
            }
            Object insecure = r.get("insecure");
            if (insecure != null && !(insecure instanceof Boolean)) {
                fields.problem(key + ".insecure", "must be true or false");
            }
            result.add(new RegistryConfig(host, serverId, usernameEnv, passwordEnv, Boolean.TRUE.equals(insecure)));
        }
        return result;
    }
}
