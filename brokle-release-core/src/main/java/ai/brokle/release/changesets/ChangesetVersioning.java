package ai.brokle.release.changesets;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.files.FileChange;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.version.Bump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code changeset version} writes for a release plan: each released package's version and
 * the ranges it gives other released packages, a CHANGELOG.md section per package made of the
 * change files' summaries (grouped Major, Minor and Patch Changes, with "Updated dependencies"
 * entries), pre.json, and the change files it deletes. The section is the one the Changesets CLI
 * writes with its default changelog and formatting; the rest of each file keeps its bytes.
 */
public final class ChangesetVersioning {
    private static final Pattern VERSION_HEADING = Pattern.compile("^#{1,6}\\s+\\d+\\.\\d+");
    private static final Map<Bump, String> HEADINGS = Map.of(Bump.MAJOR, "Major", Bump.MINOR, "Minor", Bump.PATCH, "Patch");

    /**
     * The files a release changes.
     *
     * @param plan the release plan
     * @param changes the files written, relative to the workspace root (one character per byte)
     * @param deletions the files deleted, relative to the workspace root
     * @param entries each released package's new CHANGELOG.md section, by package name
     */
    public record Outcome(ReleasePlan plan, List<FileChange> changes, List<String> deletions, Map<String, String> entries) {
        public boolean isEmpty() {
            return changes.isEmpty() && deletions.isEmpty();
        }
    }

    private final Workspace workspace;
    private final ChangesetConfig config;
    /** The commit that added a change file, by id (shown as its first 7 characters), when known. */
    private final Function<String, Optional<String>> commitOf;

    public ChangesetVersioning(Workspace workspace, ChangesetConfig config, Function<String, Optional<String>> commitOf) {
        this.workspace = workspace;
        this.config = config;
        this.commitOf = commitOf;
    }

    /** The files {@code plan} changes, worked out in memory; nothing is written. */
    public Outcome outcome(ReleasePlan plan) {
        List<Changeset> changesets = plan.changesets();
        Map<String, String> commits = new TreeMap<>();
        for (Changeset c : changesets) {
            commitOf.apply(c.id()).ifPresent(sha -> commits.put(c.id(), sha));
        }
        List<FileChange> changes = new ArrayList<>();
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (ReleasePlan.Release release : plan.releases()) {
            NpmManifest manifest = workspace.get(release.name()).orElseThrow();
            changes.add(new FileChange(manifest.path(), manifest.text(), versioned(manifest, release, plan)));
            if (release.type() != Bump.NONE) {
                String entry = entry(release, manifest, plan, commits);
                entries.put(release.name(), entry);
                if (!config.changelog()) {
                    continue;
                }
                String path = (manifest.directory().isEmpty() ? "" : manifest.directory() + "/") + "CHANGELOG.md";
                String before = read(path);
                changes.add(new FileChange(path, before, prepend(before, release.name(), entry)));
            }
        }
        List<String> deletions = new ArrayList<>();
        if (plan.preState().isPresent()) {
            String path = ChangesetDirectory.NAME + "/pre.json";
            changes.add(new FileChange(path, read(path), latin1(plan.preState().get().write())));
        } else if (plan.exitingPre()) {
            deletions.add(ChangesetDirectory.NAME + "/pre.json");
        }
        plan.consumed().forEach(id -> deletions.add(ChangesetDirectory.NAME + "/" + id + ".md"));
        return new Outcome(plan, changes.stream().filter(FileChange::changes).toList(), deletions, entries);
    }

    /** Writes the outcome under the workspace root: each file atomically, then the deletions. */
    public void apply(Outcome outcome) {
        for (FileChange c : outcome.changes()) {
            Path file = workspace.root().resolve(c.path());
            try {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
                Files.write(temp, c.afterBytes());
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new ReleaseError("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        for (String path : outcome.deletions()) {
            try {
                Files.deleteIfExists(workspace.root().resolve(path));
            } catch (IOException e) {
                throw new ReleaseError("Cannot delete " + workspace.root().resolve(path) + ": " + e.getMessage(), e);
            }
        }
    }

    /** The manifest with its new version and the ranges on released packages moved as Changesets moves them. */
    private String versioned(NpmManifest manifest, ReleasePlan.Release release, ReleasePlan plan) {
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (manifest.version() != null) {
            spans.add(manifest.version());
            values.add(release.newVersion().toString());
        }
        Set<String> done = new HashSet<>();
        for (String type : NpmManifest.DEPENDENCY_TYPES) {
            for (ReleasePlan.Release dep : plan.releases()) {
                NpmManifest.Dependency d = manifest.dependencies().stream().filter(x -> x.type().equals(type) && x.name().equals(dep.name()))
                        .findFirst().orElse(null);
                if (d == null || d.span() == null || !done.add(type + "\0" + dep.name())) {
                    continue;
                }
                String range = newRange(d.range(), d.type(), dep);
                if (range != null) {
                    spans.add(d.span());
                    values.add(range);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
        int at = 0;
        String text = manifest.text();
        for (int i : order) {
            out.append(text, at, spans.get(i)[0]).append(values.get(i));
            at = spans.get(i)[1];
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The range that replaces {@code current} after {@code dep}'s release, or null to leave it. */
    private String newRange(String current, String type, ReleasePlan.Release dep) {
        if (current.startsWith("file:") || current.startsWith("link:") || !shouldUpdate(current, type, dep)) {
            return null;
        }
        boolean workspaceRange = current.startsWith("workspace:");
        if (!workspaceRange && config.bumpVersionsWithWorkspaceProtocolOnly()) {
            return null;
        }
        String range = current;
        if (workspaceRange) {
            range = current.substring("workspace:".length());
            if (range.equals("*") || range.equals("^") || range.equals("~")) {
                return null;
            }
        }
        Optional<NpmRange> parsed = NpmRange.parse(range);
        if (parsed.isEmpty()) {
            return null;
        }
        if (parsed.get().isAny() && !dep.newVersion().isPrerelease()) {
            return null;
        }
        String next = NpmRange.prefix(range) + dep.newVersion();
        return workspaceRange ? "workspace:" + next : next;
    }

    /** Whether a dependent's range on {@code dep} moves: when the new version leaves it, or the bump reaches updateInternalDependencies. */
    private boolean shouldUpdate(String current, String type, ReleasePlan.Release dep) {
        String range = current;
        if (range.startsWith("workspace:")) {
            range = range.substring("workspace:".length());
            if (range.equals("*")) {
                return true;
            }
            if (range.equals("^") || range.equals("~")) {
                range = range + dep.oldVersion();
            } else if (!NpmRange.isValid(range)) {
                NpmManifest target = workspace.get(dep.name()).orElseThrow();
                return Path.of(range).normalize().toString().equals(target.directory());
            }
        }
        if (!NpmRange.satisfies(dep.newVersion(), range)) {
            return true;
        }
        if (type.equals("peerDependencies")) {
            return !config.onlyUpdatePeerDependentsWhenOutOfRange();
        }
        return dep.type().compareTo(Bump.fromLabel(config.updateInternalDependencies())) >= 0;
    }

    /** The CHANGELOG.md section of one release, formatted as the Changesets CLI leaves it. */
    private String entry(ReleasePlan.Release release, NpmManifest manifest, ReleasePlan plan, Map<String, String> commits) {
        Map<Bump, List<String>> lines = new EnumMap<>(Bump.class);
        for (Bump b : List.of(Bump.MAJOR, Bump.MINOR, Bump.PATCH)) {
            lines.put(b, new ArrayList<>());
        }
        for (Changeset c : plan.changesets()) {
            Bump type = c.releases().get(release.name());
            if (type != null && type != Bump.NONE) {
                lines.get(type).add(releaseLine(c, commits.get(c.id())));
            }
        }
        List<ReleasePlan.Release> updated = new ArrayList<>();
        for (ReleasePlan.Release dep : plan.releases()) {
            String dependency = manifest.range("dependencies", dep.name());
            String peer = manifest.range("peerDependencies", dep.name());
            String range = dependency != null ? dependency : peer;
            if (range != null && (range.startsWith("workspace:") || NpmRange.isValid(range))
                    && shouldUpdate(range, dependency != null ? "dependencies" : "peerDependencies", dep)) {
                updated.add(dep);
            }
        }
        if (!updated.isEmpty()) {
            Set<String> ids = new LinkedHashSet<>();
            updated.forEach(d -> ids.addAll(d.changesets()));
            List<String> text = new ArrayList<>();
            for (Changeset c : plan.changesets()) {
                if (ids.contains(c.id())) {
                    String sha = commits.get(c.id());
                    text.add("- Updated dependencies" + (sha != null ? " [" + sha.substring(0, 7) + "]" : ""));
                }
            }
            // with no item above it in the section, the formatter lifts the nested list to the top level
            String indent = text.isEmpty() && lines.get(Bump.PATCH).isEmpty() ? "" : "  ";
            updated.forEach(d -> text.add(indent + "- " + d.name() + "@" + d.newVersion()));
            lines.get(Bump.PATCH).add(String.join("\n", text));
        }
        StringBuilder out = new StringBuilder("## ").append(release.newVersion()).append('\n');
        for (Bump b : List.of(Bump.MAJOR, Bump.MINOR, Bump.PATCH)) {
            List<String> items = lines.get(b);
            if (items.isEmpty()) {
                continue;
            }
            out.append("\n### ").append(HEADINGS.get(b)).append(" Changes\n\n");
            for (int i = 0; i < items.size(); i++) {
                String item = items.get(i);
                out.append(item).append('\n');
                // a list item with a blank line inside is loose: the formatter separates it from the next item
                if (i < items.size() - 1 && item.contains("\n\n")) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One entry: {@code - abc1234: first line}, further lines indented under it, blank lines kept single and empty. */
    private static String releaseLine(Changeset c, String sha) {
        String[] lines = c.summary().split("\n", -1);
        StringBuilder out = new StringBuilder("- ");
        if (sha != null) {
            out.append(sha, 0, 7).append(": ");
        }
        out.append(lines[0].stripTrailing());
        boolean blank = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            out.append(blank ? "\n\n" : "\n").append("  ").append(line);
            blank = false;
        }
        return out.toString().stripTrailing();
    }

    /** CHANGELOG.md with {@code entry} added where Changesets adds it: under the title line, or at the top when the file starts with a version. */
    private static String prepend(String before, String name, String entry) {
        String section = latin1(entry);
        if (before == null || before.isEmpty()) {
            return "# " + name + "\n\n" + section;
        }
        if (VERSION_HEADING.matcher(before).find()) {
            return section + "\n" + before;
        }
        int newline = before.indexOf('\n');
        if (newline < 0) {
            return before + "\n\n" + section;
        }
        String rest = before.substring(newline + 1);
        return before.substring(0, newline) + "\n\n" + section + (rest.startsWith("\n") || rest.startsWith("\r\n") ? "" : "\n") + rest;
    }

    private String read(String path) {
        Path file = workspace.root().resolve(path);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ReleaseError("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A Java string as file text of one character per UTF-8 byte. */
    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
