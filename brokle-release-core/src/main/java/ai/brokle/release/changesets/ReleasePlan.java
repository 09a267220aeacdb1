package ai.brokle.release.changesets;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.version.Bump;
import ai.brokle.release.version.SemVer;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code changeset version} would do: one release per package, from the change files, the
 * {@code fixed} and {@code linked} groups and the packages that depend on released ones, worked out
 * as Changesets works it out, so that both tools give the same versions. Where Changesets is known
 * to go wrong in pre-release mode this plan does not follow it:
 * <ul>
 * <li>leaving pre mode makes stable only the packages whose version moved while in it (Changesets
 * also moves any package that was on a pre-release before, and every member of a linked group);</li>
 * <li>ignored packages are never released when leaving pre mode;</li>
 * <li>pre.json records only the change files that released something.</li>
 * </ul>
 *
 * @param changesets the change files this release reads its changelog entries from
 * @param releases the packages released, in the order Changesets lists them
 * @param preState pre.json as it will be after this release; empty outside pre mode or when leaving it
 * @param exitingPre whether this release leaves pre mode
 * @param consumed the ids of the change files the release deletes (none while in pre mode)
 */
public record ReleasePlan(List<Changeset> changesets, List<Release> releases, Optional<PreState> preState, boolean exitingPre,
        List<String> consumed) {
    /**
     * One package's release.
     *
     * @param name the package
     * @param type the bump; NONE when only its dependency ranges change
     * @param oldVersion the version its package.json holds
     * @param newVersion the version it gets
     * @param changesets the ids of the change files that name it
     */
    public record Release(String name, Bump type, SemVer oldVersion, SemVer newVersion, List<String> changesets) {
        /** The npm dist-tag this version is published under: {@code latest} for a stable version, never for a pre-release. */
        public String distTag() {
            return DistTags.of(newVersion);
        }
    }

    /** A release while it is worked out (Changesets changes these in place as groups and dependents are applied). */
    private static final class Draft {
        final String name;
        Bump type;
        SemVer oldVersion;
        final List<String> changesets;

        Draft(String name, Bump type, SemVer oldVersion, List<String> changesets) {
            this.name = name;
            this.type = type;
            this.oldVersion = oldVersion;
            this.changesets = changesets;
        }

        /** Moves this release to a group's bump and version; true when that changed it. */
        boolean align(Bump groupType, SemVer groupVersion) {
            boolean changed = type != groupType || !oldVersion.toString().equals(groupVersion.toString());
            type = groupType;
            oldVersion = groupVersion;
            return changed;
        }
    }

    /** Works out the plan; every package a change file names that is not in the workspace is reported at once. */
    public static ReleasePlan of(List<Changeset> all, Workspace workspace, ChangesetConfig config, Optional<PreState> pre) {
        Map<String, NpmManifest> byName = new LinkedHashMap<>();
        workspace.packages().forEach(p -> byName.put(p.name(), p));
        Set<String> skipped = skipped(workspace, config);
        List<String> problems = new ArrayList<>();
        for (Changeset c : all) {
            List<String> ignoredHere = new ArrayList<>();
            List<String> versionedHere = new ArrayList<>();
            for (String name : c.releases().keySet()) {
                if (!byName.containsKey(name)) {
                    problems.add(".changeset/" + c.id() + ".md names \"" + name + "\", which is not a package of the workspace (packages: "
                            + String.join(", ", byName.keySet()) + ")");
                } else {
                    (skipped.contains(name) ? ignoredHere : versionedHere).add(name);
                }
            }
            if (!ignoredHere.isEmpty() && !versionedHere.isEmpty()) {
                problems.add(".changeset/" + c.id() + ".md names ignored packages (" + String.join(", ", ignoredHere) + ") and versioned ones ("
                        + String.join(", ", versionedHere) + "); split it into two change files");
            }
        }
        for (List<String> group : concat(config.fixed(), config.linked())) {
            for (String name : group) {
                if (!byName.containsKey(name)) {
                    problems.add(ChangesetConfig.FILE + ": the group " + group + " names \"" + name + "\", which is not a package of the workspace");
                }
            }
        }
        problems.addAll(dependentsOfSkipped(workspace, config, skipped));
        if (!problems.isEmpty()) {
            throw new ChangesetException("The change files do not fit the workspace", problems);
        }
        boolean inPre = pre.isPresent() && pre.get().inPreMode();
        boolean exiting = pre.isPresent() && !pre.get().inPreMode();
        List<Changeset> relevant = inPre ? all.stream().filter(c -> !pre.get().changesets().contains(c.id())).toList() : all;
        Map<String, Integer> preVersions = inPre ? preVersions(workspace, config, skipped) : Map.of();
        String preTag = inPre ? pre.get().tag() : null;

        Map<String, Draft> releases = flatten(relevant, byName, skipped);
        Map<String, List<String>> dependents = dependents(workspace, config, false);
        boolean changed = true;
        while (changed) {
            boolean added = determineDependents(releases, byName, dependents, skipped, config, preVersions, preTag);
            boolean fixed = matchFixed(releases, byName, config, skipped);
            boolean linked = applyLinks(releases, byName, config);
            changed = added || fixed || linked;
        }
        if (exiting) {
            for (NpmManifest p : workspace.packages()) {
                SemVer version = SemVer.parse(p.versionText());
                String initial = pre.get().initialVersions().get(p.name());
                boolean movedInPre = version.isPrerelease() && !p.versionText().equals(initial);
                if (!movedInPre || skipped.contains(p.name())) {
                    continue;
                }
                Draft existing = releases.get(p.name());
                if (existing == null) {
                    releases.put(p.name(), new Draft(p.name(), Bump.PATCH, version, new ArrayList<>()));
                } else if (existing.type == Bump.NONE) {
                    existing.type = Bump.PATCH;
                }
            }
        }
        List<Release> out = new ArrayList<>();
        for (Draft d : releases.values()) {
            out.add(new Release(d.name, d.type, d.oldVersion, newVersion(d, preVersions, preTag), List.copyOf(d.changesets)));
        }
        Optional<PreState> after = Optional.empty();
        if (inPre) {
            Set<String> released = new HashSet<>(pre.get().changesets());
            out.forEach(r -> released.addAll(r.changesets()));
            List<String> used = all.stream().map(Changeset::id).filter(released::contains).toList();
            Map<String, String> initial = new LinkedHashMap<>(pre.get().initialVersions());
            workspace.packages().forEach(p -> initial.putIfAbsent(p.name(), p.versionText()));
            after = Optional.of(new PreState(PreState.PRE, preTag, initial, used));
        }
        List<String> consumed = inPre ? List.of() : relevant.stream()
                .filter(c -> c.releases().keySet().stream().noneMatch(skipped::contains)).map(Changeset::id).toList();
        return new ReleasePlan(relevant, out, after, exiting, consumed);
    }

    private static SemVer newVersion(Draft d, Map<String, Integer> preVersions, String preTag) {
        if (d.type == Bump.NONE) {
            return d.oldVersion;
        }
        SemVer next = NpmRange.increment(d.oldVersion, d.type);
        if (preTag != null) {
            Integer n = preVersions.get(d.name);
            next = SemVer.parse(next + "-" + preTag + "." + (n == null ? 0 : n));
        }
        return next;
    }

    /** Packages never versioned: ignored by name or glob, or without a version. */
    private static Set<String> skipped(Workspace workspace, ChangesetConfig config) {
        List<PathMatcher> globs = config.ignore().stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        Set<String> out = new HashSet<>();
        for (NpmManifest p : workspace.packages()) {
            if (p.versionText() == null || config.ignore().contains(p.name()) || globs.stream().anyMatch(m -> m.matches(Path.of(p.name())))
                    || p.privatePackage() && !config.versionPrivatePackages()) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** One release per package named in the change files, with the highest bump asked for. */
    private static Map<String, Draft> flatten(List<Changeset> changesets, Map<String, NpmManifest> byName, Set<String> skipped) {
        Map<String, Draft> releases = new LinkedHashMap<>();
        for (Changeset c : changesets) {
            c.releases().forEach((name, type) -> {
                if (skipped.contains(name)) {
                    return;
                }
                Draft r = releases.get(name);
                if (r == null) {
                    List<String> ids = new ArrayList<>();
                    ids.add(c.id());
                    releases.put(name, new Draft(name, type, SemVer.parse(byName.get(name).versionText()), ids));
                } else {
                    if (type == Bump.MAJOR || ((r.type == Bump.PATCH || r.type == Bump.NONE) && (type == Bump.MINOR || type == Bump.PATCH))) {
                        r.type = type;
                    }
                    r.changesets.add(c.id());
                }
            });
        }
        return releases;
    }

    /**
     * Package name → the packages that depend on its current version, in workspace order; with
     * {@code bumpVersionsWithWorkspaceProtocolOnly}, only {@code workspace:} ranges count.
     */
    private static Map<String, List<String>> dependents(Workspace workspace, ChangesetConfig config, boolean ignoreDevDependencies) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        workspace.packages().forEach(p -> out.put(p.name(), new ArrayList<>()));
        for (NpmManifest p : workspace.packages()) {
            Set<String> seen = new HashSet<>();
            for (NpmManifest.Dependency d : p.dependencies()) {
                NpmManifest target = workspace.get(d.name()).orElse(null);
                if (target == null || d.name().equals(p.name()) || ignoreDevDependencies && d.type().equals("devDependencies")
                        || config.bumpVersionsWithWorkspaceProtocolOnly() && !d.range().startsWith("workspace:")
                        || !seen.add(d.name()) || !dependsOnWorkspaceVersion(workspace, target, d.range())) {
                    continue;
                }
                out.get(d.name()).add(p.name());
            }
        }
        return out;
    }

    private static boolean dependsOnWorkspaceVersion(Workspace workspace, NpmManifest target, String range) {
        if (range.startsWith("workspace:")) {
            String r = range.substring("workspace:".length());
            if (r.equals("*") || r.equals("^") || r.equals("~") || Path.of(r).normalize().toString().equals(target.directory())) {
                return true;
            }
            range = r;
        }
        Optional<NpmRange> parsed = NpmRange.parse(range);
        return parsed.isPresent() && target.versionText() != null && parsed.get().test(SemVer.parse(target.versionText()));
    }

    /**
     * A package that is skipped (ignored, or private while {@code privatePackages.version} is false)
     * cannot be a dependency of a published package that is versioned, as the CLI checks.
     */
    private static List<String> dependentsOfSkipped(Workspace workspace, ChangesetConfig config, Set<String> skipped) {
        List<String> problems = new ArrayList<>();
        if (config.ignore().isEmpty() && config.versionPrivatePackages()) {
            return problems;
        }
        Map<String, List<String>> graph = dependents(workspace, config, true);
        for (NpmManifest p : workspace.packages()) {
            if (!skipped.contains(p.name())) {
                continue;
            }
            for (String dependent : graph.getOrDefault(p.name(), List.of())) {
                NpmManifest d = workspace.get(dependent).orElseThrow();
                if (!skipped.contains(dependent) && !d.privatePackage()) {
                    problems.add(ChangesetConfig.FILE + ": the package \"" + dependent + "\" depends on the skipped package \"" + p.name()
                            + "\" (ignore, or privatePackages.version false) but is not skipped itself: add \"" + dependent + "\" to ignore");
                }
            }
        }
        return problems;
    }

    /** Adds or raises the releases of packages that depend on released ones; true when anything changed. */
    private static boolean determineDependents(Map<String, Draft> releases, Map<String, NpmManifest> byName,
            Map<String, List<String>> graph, Set<String> skipped, ChangesetConfig config, Map<String, Integer> preVersions, String preTag) {
        boolean updated = false;
        Deque<Draft> search = new ArrayDeque<>(releases.values());
        while (!search.isEmpty()) {
            Draft next = search.poll();
            for (String dependent : graph.getOrDefault(next.name, List.of())) {
                NpmManifest dependentManifest = byName.get(dependent);
                Bump type = null;
                if (skipped.contains(dependent)) {
                    type = Bump.NONE;
                } else {
                    for (String depType : NpmManifest.DEPENDENCY_TYPES) {
                        String raw = dependentManifest.range(depType, next.name);
                        String range = raw == null ? null : effectiveRange(raw, next, byName.get(next.name));
                        if (range == null || next.type == Bump.NONE) {
                            continue;
                        }
                        SemVer nextVersion = newVersion(next, preVersions, preTag);
                        Draft existing = releases.get(dependent);
                        boolean inRange = NpmRange.satisfies(nextVersion, range);
                        if (depType.equals("peerDependencies") && next.type != Bump.PATCH && (!config.onlyUpdatePeerDependentsWhenOutOfRange() || !inRange)
                                && (existing == null || existing.type != Bump.MAJOR)) {
                            type = Bump.MAJOR;
                        } else if ((existing == null || existing.type == Bump.NONE) && (config.updateInternalDependentsAlways() || !inRange)) {
                            if (depType.equals("devDependencies")) {
                                if (type == null) {
                                    type = Bump.NONE;
                                }
                            } else if (type != Bump.MAJOR && type != Bump.MINOR) {
                                type = Bump.PATCH;
                            }
                        }
                    }
                }
                Draft existing = releases.get(dependent);
                if (type == null || (existing != null && existing.type == type)) {
                    continue;
                }
                updated = true;
                if (existing != null && type == Bump.MAJOR && existing.type != Bump.MAJOR) {
                    existing.type = Bump.MAJOR;
                    search.add(existing);
                } else {
                    Draft added = new Draft(dependent, type, SemVer.parse(dependentManifest.versionText()), new ArrayList<>());
                    search.add(added);
                    releases.put(dependent, added);
                }
            }
        }
        return updated;
    }

    /** The range a dependent states on {@code dependency}, with workspace: shorthands read as Changesets reads them; null to ignore it. */
    private static String effectiveRange(String raw, Draft dependency, NpmManifest dependencyManifest) {
        if (!raw.startsWith("workspace:")) {
            return raw;
        }
        String r = raw.substring("workspace:".length());
        return switch (r) {
            case "*" -> dependency.oldVersion.toString();
            case "^", "~" -> r + dependency.oldVersion;
            default -> NpmRange.isValid(r) ? r
                    : Path.of(r).normalize().toString().equals(dependencyManifest.directory()) ? dependency.oldVersion.toString() : null;
        };
    }

    private static boolean matchFixed(Map<String, Draft> releases, Map<String, NpmManifest> byName, ChangesetConfig config, Set<String> skipped) {
        boolean updated = false;
        for (List<String> group : config.fixed()) {
            List<Draft> releasing = releases.values().stream().filter(r -> group.contains(r.name) && r.type != Bump.NONE).toList();
            if (releasing.isEmpty()) {
                continue;
            }
            Bump highest = highest(releasing);
            SemVer version = highestVersion(group, byName);
            for (String name : group) {
                if (skipped.contains(name)) {
                    continue;
                }
                Draft r = releases.get(name);
                if (r == null) {
                    updated = true;
                    releases.put(name, new Draft(name, highest, version, new ArrayList<>()));
                    continue;
                }
                updated |= r.align(highest, version);
            }
        }
        return updated;
    }

    private static boolean applyLinks(Map<String, Draft> releases, Map<String, NpmManifest> byName, ChangesetConfig config) {
        boolean updated = false;
        for (List<String> group : config.linked()) {
            List<Draft> releasing = releases.values().stream().filter(r -> group.contains(r.name) && r.type != Bump.NONE).toList();
            if (releasing.isEmpty()) {
                continue;
            }
            Bump highest = highest(releasing);
            SemVer version = highestVersion(group, byName);
            for (Draft r : releasing) {
                updated |= r.align(highest, version);
            }
        }
        return updated;
    }

    private static Bump highest(List<Draft> releases) {
        Bump highest = Bump.NONE;
        for (Draft r : releases) {
            highest = highest.max(r.type);
        }
        return highest;
    }

    private static SemVer highestVersion(List<String> group, Map<String, NpmManifest> byName) {
        SemVer highest = null;
        for (String name : group) {
            SemVer v = SemVer.parse(byName.get(name).versionText());
            if (highest == null || v.compareTo(highest) > 0) {
                highest = v;
            }
        }
        return highest;
    }

    /** The next pre-release number of every versioned package (alpha.2 gives 3, a stable version 0), shared within fixed and linked groups. */
    private static Map<String, Integer> preVersions(Workspace workspace, ChangesetConfig config, Set<String> skipped) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (NpmManifest p : workspace.packages()) {
            if (!skipped.contains(p.name())) {
                out.put(p.name(), preVersion(p.versionText()));
            }
        }
        for (List<String> group : concat(config.fixed(), config.linked())) {
            int highest = 0;
            for (String name : group) {
                highest = Math.max(highest, preVersion(workspace.get(name).orElseThrow().versionText()));
            }
            for (String name : group) {
                out.put(name, highest);
            }
        }
        return out;
    }

    private static int preVersion(String version) {
        List<String> pre = SemVer.parse(version).prerelease();
        if (pre.size() < 2) {
            return 0;
        }
        try {
            return Integer.parseInt(pre.get(1)) + 1;
        } catch (NumberFormatException e) {
            throw new ReleaseFailure(version + " is a pre-release whose number is not a number; pre-release mode counts versions as <tag>.<number>");
        }
    }

    private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
        List<List<String>> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
