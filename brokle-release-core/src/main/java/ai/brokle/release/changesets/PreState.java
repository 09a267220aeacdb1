package ai.brokle.release.changesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-release mode, as {@code .changeset/pre.json} records it: the mode ({@code pre} while in it,
 * {@code exit} once leaving is asked for), the pre-release tag ({@code alpha}), every package's
 * version when the mode was entered, and the change files already released in it.
 */
public record PreState(String mode, String tag, Map<String, String> initialVersions, List<String> changesets) {
    public static final String PRE = "pre";
    public static final String EXIT = "exit";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PreState {
        initialVersions = Collections.unmodifiableMap(new LinkedHashMap<>(initialVersions));
        changesets = List.copyOf(changesets);
    }

    public boolean inPreMode() {
        return PRE.equals(mode);
    }

    public PreState withMode(String value) {
        return new PreState(value, tag, initialVersions, changesets);
    }

    /** Parses pre.json; the message of the exception names what is wrong. */
    public static PreState parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(".changeset/pre.json is not valid JSON (" + e.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(".changeset/pre.json must hold an object with mode, tag, initialVersions and changesets");
        }
        String mode = root.path("mode").asText(null);
        if (!PRE.equals(mode) && !EXIT.equals(mode)) {
            problems.add("mode is " + root.path("mode") + " where \"pre\" or \"exit\" belongs");
        }
        String tag = root.path("tag").isTextual() ? root.get("tag").asText() : null;
        if (tag == null || tag.isBlank()) {
            problems.add("tag is missing (the pre-release identifier, e.g. \"alpha\")");
        }
        Map<String, String> initial = new LinkedHashMap<>();
        JsonNode versions = root.path("initialVersions");
        if (!versions.isObject()) {
            problems.add("initialVersions must map package names to versions");
        } else {
            versions.fields().forEachRemaining(e -> initial.put(e.getKey(), e.getValue().asText()));
        }
        List<String> used = new ArrayList<>();
        JsonNode ids = root.path("changesets");
        if (!ids.isArray()) {
            problems.add("changesets must list the ids of the change files released in pre mode");
        } else {
            ids.forEach(id -> used.add(id.asText()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(".changeset/pre.json: " + String.join("; ", problems));
        }
        return new PreState(mode, tag, initial, used);
    }

    /** The file's text, as the Changesets CLI writes it. */
    public String write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", mode);
        root.put("tag", tag);
        ObjectNode versions = root.putObject("initialVersions");
        initialVersions.forEach(versions::put);
        changesets.forEach(root.putArray("changesets")::add);
        return JsonText.stringify(root);
    }
}
