package ai.brokle.release.publish.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A project's description and licence as its own metadata states them, for the images' OCI
 * annotations: package.json ({@code description}, {@code license}), pyproject.toml ({@code [project]}
 * {@code description}, {@code license} as text or {@code {text = …}}), else a LICENSE file that is
 * one known licence from its first line. A licence file that covers parts under other terms gives
 * none: an annotation must not claim one licence for all of it.
 *
 * @param description the description, or null
 * @param licenses an SPDX expression, or null
 */
public record ProjectMetadata(String description, String licenses) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();
    private static final Map<String, String> FIRST_LINES = Map.of("MIT License", "MIT", "ISC License", "ISC", "BSD 3-Clause License",
            "BSD-3-Clause", "BSD 2-Clause License", "BSD-2-Clause", "Mozilla Public License Version 2.0", "MPL-2.0");

    /** Reads the component's directory, then the repository root; what neither states stays null. */
    public static ProjectMetadata read(Path root, String componentPath) {
        String description = null;
        String licenses = null;
        for (Path dir : componentPath.isEmpty() ? List.of(root) : List.of(root.resolve(componentPath), root)) {
            ProjectMetadata found = readDirectory(dir);
            description = description != null ? description : found.description();
            licenses = licenses != null ? licenses : found.licenses();
        }
        return new ProjectMetadata(description, licenses);
    }

    private static ProjectMetadata readDirectory(Path dir) {
        String description = null;
        String licenses = null;
        try {
            Path manifest = dir.resolve("package.json");
            if (Files.isRegularFile(manifest)) {
                JsonNode node = JSON.readTree(manifest.toFile());
                description = text(node.path("description"));
                licenses = text(node.path("license"));
            }
            Path pyproject = dir.resolve("pyproject.toml");
            if (Files.isRegularFile(pyproject)) {
                JsonNode project = TOML.readTree(pyproject.toFile()).path("project");
                description = description != null ? description : text(project.path("description"));
                licenses = licenses != null ? licenses : project.path("license").isObject() ? text(project.path("license").path("text"))
                        : text(project.path("license"));
            }
        } catch (IOException e) {
            // unreadable metadata states nothing; the build itself reports such files where they matter
        }
        if (licenses == null) {
            licenses = licenseFile(dir);
        }
        return new ProjectMetadata(description, licenses);
    }

    private static String licenseFile(Path dir) {
        for (String name : List.of("LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING")) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.isEmpty()) {
                    return null;
                }
                if (lines.get(0).equals("Apache License") && lines.size() > 1 && lines.get(1).startsWith("Version 2.0")) {
                    return "Apache-2.0";
                }
                return FIRST_LINES.get(lines.get(0));
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }
}
