package ai.brokle.release.config;

import static ai.brokle.release.config.ConfigSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a component publishes: GitHub release assets, dispatches, notifications, PyPI, npm, images. */
final class PublishSection {
    private final ConfigFields fields;

    PublishSection(ConfigFields fields) {
        this.fields = fields;
    }

    PublishConfig publish(Map<String, Object> component, String key, List<ImageConfig> images) {
        List<String> assets = List.of();
        String checksums = PublishConfig.DEFAULT_CHECKSUMS;
        Object release = component.get("githubRelease");
        if (release != null) {
            Map<String, Object> r = fields.mapping(release, key + ".githubRelease", GITHUB_RELEASE_KEYS);
            if (r != null) {
                assets = fields.stringList(r.get("assets"), key + ".githubRelease.assets");
                Object sums = r.get("checksums");
                if (Boolean.FALSE.equals(sums)) {
                    checksums = null;
                } else {
                    checksums = fields.string(r, key + ".githubRelease", "checksums", PublishConfig.DEFAULT_CHECKSUMS);
                    if (checksums != null && (checksums.isBlank() || checksums.contains("/"))) {
                        fields.problem(key + ".githubRelease.checksums", "'" + checksums + "' is not a file name; give one such as SHA256SUMS,"
                                + " or false for no checksum file");
                    }
                }
            }
        }
        List<PublishConfig.Dispatch> dispatches = new ArrayList<>();
        Object dispatch = component.get("dispatch");
        if (dispatch != null) {
            if (!(dispatch instanceof List)) {
                fields.problem(key + ".dispatch", "must be a list of entries with keys " + String.join(", ", DISPATCH_KEYS));
            } else {
                List<?> items = (List<?>) dispatch;
                for (int i = 0; i < items.size(); i++) {
                    String itemKey = key + ".dispatch[" + i + "]";
                    Map<String, Object> d = fields.mapping(items.get(i), itemKey, DISPATCH_KEYS);
                    if (d == null) {
                        continue;
                    }
                    String repository = fields.string(d, itemKey, "repository", null);
                    if (repository == null || !GITHUB_REPOSITORY.matcher(repository).matches()) {
                        fields.problem(itemKey + ".repository", (repository == null ? "missing" : "'" + repository + "' is not a repository")
                                + "; write owner/name, e.g. brokle-ai/brokle");
                    }
                    String eventType = fields.string(d, itemKey, "eventType", null);
                    if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
                        fields.problem(itemKey + ".eventType", (eventType == null ? "missing" : "'" + eventType + "' is not an event type")
                                + "; give the type the receiving workflow listens for, e.g. sdk-released (no spaces, at most 100 characters)");
                    }
                    Object payload = d.get("payload");
                    if (payload != null && !(payload instanceof Map)) {
                        fields.problem(itemKey + ".payload", "must be a mapping, e.g. {sdk: python, version: \"{{version}}\"}");
                    } else if (payload != null) {
                        checkPayload(payload, itemKey + ".payload");
                    }
                    dispatches.add(new PublishConfig.Dispatch(repository, eventType, payload instanceof Map ? fields.map(payload) : Map.of()));
                }
            }
        }
        List<String> notify = fields.stringList(component.get("notify"), key + ".notify");
        for (int i = 0; i < notify.size(); i++) {
            if (!PublishConfig.NOTIFIERS.contains(notify.get(i))) {
                fields.problem(key + ".notify[" + i + "]", "'" + notify.get(i) + "' is not a notification; use " + String.join(" or ",
                        PublishConfig.NOTIFIERS) + " (their webhook URLs come from SLACK_WEBHOOK_URL and DISCORD_WEBHOOK_URL)");
            }
        }
        PypiConfig pypi = null;
        if (component.get("pypi") != null) {
            Map<String, Object> p = fields.mapping(component.get("pypi") instanceof Map ? component.get("pypi") : Map.of(), key + ".pypi", PYPI_KEYS);
            if (p != null) {
                List<String> dist = p.containsKey("dist") ? fields.stringList(p.get("dist"), key + ".pypi.dist") : PypiConfig.DEFAULT_DIST;
                pypi = new PypiConfig(dist, fields.url(p, key + ".pypi", "repository", PypiConfig.PYPI), fields.url(p, key + ".pypi", "simple", PypiConfig.PYPI_SIMPLE),
                        fields.url(p, key + ".pypi", "testRepository", PypiConfig.TEST_PYPI), fields.url(p, key + ".pypi", "testSimple", PypiConfig.TEST_PYPI_SIMPLE));
            }
        }
        NpmConfig npm = null;
        if (component.get("npm") != null) {
            Map<String, Object> n = fields.mapping(component.get("npm") instanceof Map ? component.get("npm") : Map.of(), key + ".npm", NPM_KEYS);
            if (n != null) {
                String access = fields.string(n, key + ".npm", "access", null);
                if (access != null && !access.equals("public") && !access.equals("restricted")) {
                    fields.problem(key + ".npm.access", "'" + access + "' is not an access level; use public or restricted");
                }
                npm = new NpmConfig(fields.url(n, key + ".npm", "registry", NpmConfig.NPMJS), access);
            }
        }
        return new PublishConfig(assets, checksums, List.copyOf(dispatches), notify, pypi, npm, List.copyOf(images));
    }

    /** Every text value of a payload, however deep, may hold only the dispatch's placeholders. */
    private void checkPayload(Object node, String key) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> checkPayload(v, key + "." + k));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkPayload(list.get(i), key + "[" + i + "]");
            }
        } else if (node instanceof String text) {
            Placeholders.DISPATCH_PAYLOAD.problems(text).forEach(p -> fields.problem(key, p));
        }
    }
}
