package ai.brokle.release.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code .github/dependabot.yml}: the ecosystems the repository uses (github-actions, gomod, npm,
 * pip, each in the directories that hold their manifests) and, for a repository with submodules,
 * {@code gitsubmodule}. An existing file is kept as written, comments included; only the entries it
 * lacks (by ecosystem and directory) are added at the end of its {@code updates} list.
 */
final class DependabotFile {
    static final String PATH = ".github/dependabot.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ITEM = Pattern.compile("(?m)^(\\s*)-\\s+package-ecosystem:");
    private static final Set<String> SKIPPED = Set.of("node_modules", "vendor", "dist", "build", "target", ".git", ".github");

    /** An update entry: an ecosystem in a directory ("/" for the root). */
    record Entry(String ecosystem, String directory) {
    }

    private DependabotFile() {
    }

    /** The entries the repository at {@code root} calls for. */
    static List<Entry> wanted(Path root, Layout layout) throws IOException {
        Set<Entry> entries = new LinkedHashSet<>();
        entries.add(new Entry("github-actions", "/"));
        if (!layout.submodules().isEmpty()) {
            entries.add(new Entry("gitsubmodule", "/"));
        }
        List<Path> dirs = new ArrayList<>(List.of(root));
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory).filter(d -> !SKIPPED.contains(d.getFileName().toString()))
                    .filter(d -> !layout.submodules().containsKey(root.relativize(d).toString().replace('\\', '/'))).sorted().forEach(dirs::add);
        }
        for (String[] kind : new String[][] {{"gomod", "go.mod"}, {"npm", "package.json"}, {"pip", "pyproject.toml"}, {"pip", "requirements.txt"}}) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(kind[1]))) {
                    entries.add(new Entry(kind[0], dir.equals(root) ? "/" : "/" + root.relativize(dir).toString().replace('\\', '/')));
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The file's content: the existing one with the entries it lacks added, or a new one; the report
     * says what was added or kept.
     */
    static String content(Path root, Layout layout, List<String> report) throws IOException {
        List<Entry> wanted = wanted(root, layout);
        Path file = root.resolve(PATH);
        if (!Files.isRegularFile(file)) {
            StringBuilder w = new StringBuilder("# Dependabot: version updates of what this repository uses. Written by brokle-release init.\n");
            w.append("version: 2\nupdates:\n");
            wanted.forEach(e -> w.append(entry(e, "  ", "chore")));
            report.add(PATH + ": Dependabot for " + String.join(", ", wanted.stream().map(e -> e.ecosystem() + " " + e.directory()).toList()));
            return w.toString();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<Entry> present = new LinkedHashSet<>();
        JsonNode updates = YAML.readTree(text).path("updates");
        boolean depsPrefix = false;
        for (JsonNode u : updates) {
            String ecosystem = u.path("package-ecosystem").asText();
            List<String> directories = new ArrayList<>();
            if (u.has("directory")) {
                directories.add(u.path("directory").asText());
            }
            u.path("directories").forEach(d -> directories.add(d.asText()));
            directories.forEach(d -> present.add(new Entry(ecosystem, normal(d))));
            depsPrefix |= u.path("commit-message").path("prefix").asText("").startsWith("deps");
        }
        List<Entry> missing = wanted.stream().filter(e -> !present.contains(e)).toList();
        if (missing.isEmpty()) {
            report.add(PATH + ": kept as it is; it has every ecosystem init would add");
            return text;
        }
        Matcher item = ITEM.matcher(text);
        String indent = item.find() ? item.group(1) : "  ";
        StringBuilder added = new StringBuilder();
        String style = depsPrefix ? "deps" : "chore";
        missing.forEach(e -> added.append(entry(e, indent, style)));
        report.add(PATH + ": kept, with " + String.join(", ", missing.stream().map(e -> e.ecosystem() + " " + e.directory()).toList()) + " added");
        return insertAtEndOfUpdates(text, added.toString());
    }

    private static String normal(String directory) {
        String d = directory.strip();
        d = d.startsWith("/") ? d : "/" + d;
        return d.length() > 1 && d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
    }

    /** One entry of the updates list, indented as the file's own. */
    private static String entry(Entry e, String indent, String style) {
        String in = indent + "  ";
        StringBuilder w = new StringBuilder();
        if (e.ecosystem().equals("gitsubmodule")) {
            w.append('\n').append(indent).append("# SDK submodules: Dependabot proposes each SDK's newest commit; update-submodules moves them to SDK releases\n")
                    .append(indent).append("# (what validate-submodules accepts). Its PR says an SDK has unreleased work: release the SDK instead of merging it.\n");
        }
        w.append(indent).append("- package-ecosystem: \"").append(e.ecosystem()).append("\"\n");
        w.append(in).append("directory: \"").append(e.directory()).append("\"\n");
        w.append(in).append("schedule:\n").append(in).append("  interval: \"").append(e.ecosystem().equals("github-actions")
                || e.ecosystem().equals("gitsubmodule") ? "monthly" : "weekly").append("\"\n");
        w.append(in).append("open-pull-requests-limit: ").append(e.ecosystem().equals("gitsubmodule") ? 1 : 5).append('\n');
        w.append(in).append("labels:\n").append(in).append("  - \"dependencies\"\n");
        String scope = switch (e.ecosystem()) {
            case "gitsubmodule" -> "submodules";
            case "github-actions" -> "actions";
            case "gomod" -> "go";
            default -> e.ecosystem();
        };
        w.append(in).append("commit-message:\n").append(in).append("  prefix: \"").append(style).append('(').append(scope).append(")\"\n");
        return w.toString();
    }

    /** {@code added} placed after the last line of the top-level {@code updates} list. */
    private static String insertAtEndOfUpdates(String text, String added) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("updates:")) {
                start = i;
                break;
            }
        }
        int end = lines.size();
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#") && !l.startsWith("-")) {
                end = i;
                break;
            }
        }
        int last = end;
        while (last > start + 1 && lines.get(last - 1).isBlank()) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; i++) {
            out.append(lines.get(i)).append('\n');
        }
        out.append(added);
        for (int i = last; i < lines.size(); i++) {
            out.append(lines.get(i)).append('\n');
        }
        return out.toString();
    }
}
