package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import ai.brokle.release.version.Bump;
import ai.brokle.release.version.InvalidVersionException;
import ai.brokle.release.version.SemVer;
import ai.brokle.release.version.VersionPolicy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code versioning} section: bump rules, breaking changes while 0.x, the initial version. */
final class VersioningSection {
    private final ConfigFields fields;

    VersioningSection(ConfigFields fields) {
        this.fields = fields;
    }

    VersionPolicy versioning(Object node) {
        VersionPolicy defaults = VersionPolicy.defaults();
        if (node == null) {
            return defaults;
        }
        Map<String, Object> versioning = fields.mapping(node, "versioning", VERSIONING_KEYS);
        if (versioning == null) {
            return defaults;
        }
        Map<String, Bump> bumps = new HashMap<>(defaults.typeBumps());
        Object bumpsNode = versioning.get("bumps");
        if (bumpsNode != null) {
            if (!(bumpsNode instanceof Map)) {
                fields.problem("versioning.bumps", "must map commit types to a bump, e.g. {feat: minor, fix: patch}");
            } else {
                bumps.clear();
                for (Map.Entry<String, Object> e : fields.map(bumpsNode).entrySet()) {
                    String key = "versioning.bumps." + e.getKey();
                    if (!COMMIT_TYPE.matcher(e.getKey()).matches()) {
                        fields.problem(key, "'" + e.getKey() + "' is not a commit type (letters, digits, '-' and '_')");
                        continue;
                    }
                    Bump b = e.getValue() instanceof String ? Bump.fromLabel((String) e.getValue()) : null;
                    if (b == null) {
                        fields.problem(key, "'" + e.getValue() + "' is not a bump; use major, minor, patch or none");
                    } else {
                        bumps.put(e.getKey().toLowerCase(Locale.ROOT), b);
                    }
                }
            }
        }
        Bump whileZero = defaults.breakingWhileZero();
        String wz = fields.string(versioning, "versioning", "breakingWhileZero", null);
        if (wz != null) {
            Bump b = Bump.fromLabel(wz);
            if (b == Bump.MINOR || b == Bump.MAJOR) {
                whileZero = b;
            } else {
                fields.problem("versioning.breakingWhileZero", "'" + wz + "' is not allowed; use minor (0.x stays below 1.0.0) or major");
            }
        }
        SemVer initial = defaults.initialVersion();
        String iv = fields.string(versioning, "versioning", "initialVersion", null);
        if (iv != null) {
            try {
                initial = SemVer.parse(iv);
            } catch (InvalidVersionException e) {
                fields.problem("versioning.initialVersion", e.getMessage());
            }
        }
        return new VersionPolicy(bumps, whileZero, initial);
    }
}
