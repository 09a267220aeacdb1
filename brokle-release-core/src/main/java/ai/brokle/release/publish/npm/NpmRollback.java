package ai.brokle.release.publish.npm;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changesets.DistTags;
import ai.brokle.release.changesets.Workspace;
import ai.brokle.release.config.NpmConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.Withdrawal;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Rolls back the npm packages of a published release: each dist-tag that names a bad version goes
 * back to that package's version in the newest good release that would hold the tag ({@code latest}:
 * a stable one; a channel: a pre-release of it; {@code release-X.Y}: a stable one of that line), or
 * is removed when none would (never {@code latest}, which npm keeps); then the bad version is
 * deprecated with the reason ({@code npm deprecate}). Each package's version in a release is read from
 * its package.json at the release's tag. dist-tag and deprecate need a token: Trusted Publishing
 * covers publishing only.
 */
public final class NpmRollback implements Step {
    public static final String NAME = "rollback-npm";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dist-tag to move ({@code to} set), to remove ({@code to} null, not latest) or to leave (latest without an earlier stable). */
    private record Move(String name, String tag, String bad, String to) {
    }

    private final Withdrawal withdrawal;
    private final NpmConfig config;
    private final Path root;
    private final Map<String, String> env;
    private final Credentials credentials;
    private final BiFunction<String, String, byte[]> filesAt;
    private final ReleaseLog log;
    /** Package name → its version in the bad release. */
    private final Map<String, String> badVersions = new LinkedHashMap<>();
    private List<Move> moves;

    /**
     * @param filesAt a file of a release tag's commit (tag, path relative to the repository root), null when it has none
     */
    public NpmRollback(Withdrawal withdrawal, Path workTree, Map<String, String> env, Credentials credentials,
            BiFunction<String, String, byte[]> filesAt, ReleaseLog log) {
        this.withdrawal = withdrawal;
        this.config = withdrawal.bad().component().publish().npm();
        String path = withdrawal.bad().component().path();
        this.root = path.isEmpty() ? workTree : workTree.resolve(path);
        this.env = env;
        this.credentials = credentials;
        this.filesAt = filesAt;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return config.registry();
    }

    private NpmCli cli() {
        return new NpmCli(root, env, credentials.token(Credentials.Purpose.NPM).orElse(null), NAME);
    }

    /** The package.json paths of the workspace's public packages, relative to the repository root. */
    private Map<String, String> manifests(List<Check> checks) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            Workspace workspace = Workspace.read(root);
            String prefix = withdrawal.bad().component().path().isEmpty() ? "" : withdrawal.bad().component().path() + "/";
            for (NpmManifest p : workspace.packages()) {
                if (!p.privatePackage()) {
                    found.put(p.name(), prefix + p.path());
                }
            }
        } catch (ReleaseFailure e) {
            e.problems().forEach(p -> checks.add(Check.problem(p)));
        }
        return found;
    }

    /** The package's version in the release {@code tag}, or empty when it had none there. */
    private Optional<String> versionAt(String tag, String manifest) {
        byte[] bytes = filesAt.apply(tag, manifest);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            String v = JSON.readTree(bytes).path("version").asText("");
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Check> check() {
        List<Check> checks = new ArrayList<>();
        if (!credentials.has(Credentials.Purpose.NPM)) {
            checks.add(Check.credential("[" + NAME + "] moving dist-tags and deprecating need an npm token (Trusted Publishing covers publishing"
                    + " only): set NPM_TOKEN, or name a settings.xml server with -Dbrokle.npmServerId"));
        }
        Map<String, String> manifests = manifests(checks);
        for (Map.Entry<String, String> e : manifests.entrySet()) {
            versionAt(withdrawal.bad().tag(), e.getValue()).ifPresent(v -> badVersions.put(e.getKey(), v));
        }
        if (checks.isEmpty()) {
            try {
                moves = moves(manifests);
                for (Move m : moves) {
                    if (m.to() != null && !view(m.name() + "@" + m.to(), "version").isTextual()) {
                        checks.add(Check.problem("[" + NAME + "] " + m.name() + "'s " + m.tag() + " should go back to " + m.to() + ", which "
                                + config.registry() + " does not have; publish it first, or skip this step (-Dbrokle.rollback.skipSteps="
                                + NAME + ")"));
                    }
                }
            } catch (ReleaseError e) {
                checks.add(Check.problem(e.getMessage()));
            }
        }
        return checks;
    }

    /** Which good release's version of the package would hold {@code tag}, had the bad release not been made. */
    private Optional<String> holder(String tag, String manifest, String badVersion) {
        for (ReleaseTag release : withdrawal.good()) {
            Optional<SemVer> v = versionAt(release.name(), manifest).flatMap(SemVer::tryParse);
            if (v.isEmpty()) {
                continue;
            }
            boolean holds = tag.equals(DistTags.LATEST) ? !v.get().isPrerelease()
                    : tag.startsWith("release-") ? !v.get().isPrerelease() && tag.equals("release-" + v.get().major() + "." + v.get().minor())
                    : v.get().isPrerelease() && tag.equals(DistTags.of(v.get()));
            if (holds && !v.get().toString().equals(badVersion)) {
                return Optional.of(v.get().toString());
            }
        }
        return Optional.empty();
    }

    private List<Move> moves(Map<String, String> manifests) {
        List<Move> found = new ArrayList<>();
        for (Map.Entry<String, String> bad : badVersions.entrySet()) {
            JsonNode tags = view(bad.getKey(), "dist-tags");
            var fields = tags.fields();
            while (fields.hasNext()) {
                var t = fields.next();
                if (t.getValue().asText().equals(bad.getValue())) {
                    String to = holder(t.getKey(), manifests.get(bad.getKey()), bad.getValue()).orElse(null);
                    found.add(new Move(bad.getKey(), t.getKey(), bad.getValue(), to));
                }
            }
        }
        return found;
    }

    private boolean deprecated(String name, String version) {
        JsonNode d = view(name + "@" + version, "deprecated");
        return d.isTextual() && !d.asText().isEmpty();
    }

    /** {@code npm view SPEC FIELD --json}; a missing package, version or field is a missing node. */
    private JsonNode view(String spec, String field) {
        return cli().view(config.registry(), spec, field);
    }

    private boolean pending(Move m) {
        return m.to() != null || !m.tag().equals(DistTags.LATEST);
    }

    @Override
    public Status status(Journal journal) {
        boolean tagsDone = moves.stream().noneMatch(this::pending);
        boolean allDeprecated = badVersions.entrySet().stream().allMatch(e -> deprecated(e.getKey(), e.getValue()));
        if (tagsDone && allDeprecated) {
            moves.forEach(this::warnStays);
            log.info("[" + NAME + "] " + String.join(", ", badVersions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).toList())
                    + ": deprecated, and no dist-tag an earlier version could take names it");
            return Status.DONE;
        }
        return Status.TODO;
    }

    private void warnStays(Move m) {
        if (!pending(m)) {
            log.warn("[" + NAME + "] " + m.name() + "'s latest stays at " + m.bad() + ": no earlier stable version to go back to (npm keeps a"
                    + " latest); it is deprecated");
        }
    }

    @Override
    public void simulate(ReleaseLog out) {
        for (Move m : moves) {
            if (m.to() != null) {
                out.info("[" + NAME + "] would move " + m.name() + "'s dist-tag " + m.tag() + " from " + m.bad() + " back to " + m.to());
            } else if (pending(m)) {
                out.info("[" + NAME + "] would remove " + m.name() + "'s dist-tag " + m.tag() + " (" + m.bad() + "): no earlier version holds it");
            } else {
                warnStays(m);
            }
        }
        badVersions.forEach((name, version) -> out.info("[" + NAME + "] would deprecate " + name + "@" + version + ": \"" + withdrawal.notice()
                + "\""));
    }

    @Override
    public Effect execute() {
        Path npmrc = null;
        try {
            NpmCli npm = cli();
            npmrc = npm.userconfig(config.registry());
            List<String> common = List.of("--registry", config.registry(), "--userconfig", npmrc.toString());
            for (Move m : moves) {
                List<String> command = new ArrayList<>();
                if (m.to() != null) {
                    command.addAll(List.of("npm", "dist-tag", "add", m.name() + "@" + m.to(), m.tag()));
                } else if (pending(m)) {
                    command.addAll(List.of("npm", "dist-tag", "rm", m.name(), m.tag()));
                } else {
                    warnStays(m);
                    continue;
                }
                command.addAll(common);
                npm.run(command, true, Map.of());
                log.info("[" + NAME + "] " + (m.to() != null ? "moved " + m.name() + "'s " + m.tag() + " back to " + m.to()
                        : "removed " + m.name() + "'s " + m.tag()));
            }
            for (Map.Entry<String, String> bad : badVersions.entrySet()) {
                List<String> command = new ArrayList<>(List.of("npm", "deprecate", bad.getKey() + "@" + bad.getValue(), withdrawal.notice()));
                command.addAll(common);
                npm.run(command, true, Map.of());
                log.info("[" + NAME + "] deprecated " + bad.getKey() + "@" + bad.getValue());
            }
            return Effect.done(config.registry() + " " + String.join(", ", badVersions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                    .toList()));
        } catch (IOException e) {
            throw new ReleaseError("[" + NAME + "] cannot prepare npm: " + e.getMessage(), e);
        } finally {
            if (npmrc != null) {
                try {
                    Files.deleteIfExists(npmrc);
                } catch (IOException ignored) {
                    // a temporary file without any secret in it
                }
            }
        }
    }
}
