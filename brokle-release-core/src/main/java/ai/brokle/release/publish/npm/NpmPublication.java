package ai.brokle.release.publish.npm;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.changesets.ChangesetDirectory;
import ai.brokle.release.changesets.DistTags;
import ai.brokle.release.changesets.Workspace;
import ai.brokle.release.config.NpmConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.files.NpmManifest;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.version.SemVer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The npm packages of a release: the package at the component's path, or every non-private
 * package of its workspace, in dependency order, each published by the npm CLI (driven with an
 * argument list) under the dist-tag its version calls for. A version already on the registry is
 * skipped; after a publish the registry is read back. A stable version below the current
 * {@code latest} (a patch of an older line) is published under {@code release-MAJOR.MINOR} and
 * leaves {@code latest} alone. A workspace pnpm manages (pnpm-workspace.yaml or pnpm-lock.yaml) is
 * published by {@code pnpm publish}, which packs each package as pnpm defines it ({@code workspace:}
 * and {@code catalog:} ranges, {@code publishConfig} fields and directory) and hands the tarball to
 * the npm CLI, so the token and Trusted Publishing paths are the same for both.
 */
public final class NpmPublication implements Step {
    public static final String NAME = "npm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workTree;
    private final ReleaseTarget target;
    private final NpmConfig config;
    private final Map<String, String> env;
    private final Credentials credentials;
    private final String requestedTag;
    private final ReleaseLog log;
    private final List<NpmManifest> packages = new ArrayList<>();
    private boolean pnpm;
    private String access;

    /**
     * @param env the environment, for the npm CLI's run in GitHub Actions (provenance)
     * @param credentials the npm token: a settings.xml server's, else NPM_TOKEN or NODE_AUTH_TOKEN
     */
    public NpmPublication(Path workTree, ReleaseTarget target, Map<String, String> env, Credentials credentials, String requestedTag,
            ReleaseLog log) {
        this.workTree = workTree;
        this.target = target;
        this.config = target.component().publish().npm();
        this.env = env;
        this.credentials = credentials;
        this.requestedTag = requestedTag;
        this.log = log;
    }

    private Path root() {
        return target.component().path().isEmpty() ? workTree : workTree.resolve(target.component().path());
    }

    @Override
    public List<Check> check() {
        List<String> problems = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Workspace workspace;
        try {
            workspace = Workspace.read(root());
        } catch (ReleaseFailure e) {
            return e.problems().stream().map(Check::problem).toList();
        }
        packages.addAll(dependencyOrder(workspace.packages().stream().filter(p -> !p.privatePackage() && p.versionText() != null).toList()));
        if (packages.isEmpty()) {
            problems.add("No package to publish under " + root() + ": every package is private or has no version");
        }
        pnpm = Workspace.managedByPnpm(root());
        if (pnpm) {
            problems.addAll(PnpmPacking.problems(root(), packages));
            if (!packages.isEmpty()) {
                try {
                    cli().run(List.of("pnpm", "--version"), true, Map.of());
                } catch (ReleaseError e) {
                    problems.add(root() + " is a pnpm workspace (pnpm-workspace.yaml or pnpm-lock.yaml), published by pnpm publish, and pnpm does"
                            + " not run there: " + e.getMessage().replaceFirst("^\\[" + NAME + "\\] ", "") + "; install pnpm (corepack enable, or"
                            + " pnpm/action-setup in the workflow)");
                }
            }
        } else {
            problems.addAll(PnpmPacking.npmProblems(packages));
        }
        access = config.access();
        if (access == null) {
            try {
                ChangesetDirectory dir = new ChangesetDirectory(root());
                access = dir.exists() ? dir.config().access() : null;
            } catch (ReleaseFailure e) {
                problems.addAll(e.problems());
            }
        }
        if (requestedTag != null && !requestedTag.isBlank()) {
            NpmNames.tagProblem(requestedTag.trim()).ifPresent(t -> problems.add("brokle.distTag: " + t));
        }
        for (NpmManifest p : packages) {
            Optional<String> badName = NpmNames.nameProblem(p.name());
            if (badName.isPresent()) {
                problems.add(p.path() + ": " + badName.get());
                continue;
            }
            Optional<SemVer> version = SemVer.tryParse(p.versionText());
            if (version.isEmpty()) {
                problems.add(p.path() + ": version '" + p.versionText() + "' is not SemVer 2.0.0");
                continue;
            }
            String tag = requestedTag == null || requestedTag.isBlank() ? DistTags.of(version.get()) : requestedTag.trim();
            boolean prerelease = version.get().isPrerelease();
            if (prerelease != target.version().isPrerelease()) {
                problems.add(p.name() + "@" + version.get() + " is " + (prerelease ? "a pre-release" : "a stable version") + " but the release "
                        + target.tag() + " is " + (prerelease ? "stable" : "a pre-release") + ": version the packages for this release first");
                continue;
            }
            if (prerelease && tag.equals(DistTags.LATEST)) {
                problems.add(p.name() + "@" + version.get() + " is a pre-release: it is never published as latest; leave out brokle.distTag,"
                        + " or give the channel (alpha, beta, rc, next)");
            } else if (!prerelease && !tag.equals(DistTags.LATEST)) {
                problems.add(p.name() + "@" + version.get() + " is a stable version: it is not published on the pre-release channel '" + tag
                        + "'; leave out brokle.distTag");
            }
        }
        problems.forEach(p -> checks.add(Check.problem(p)));
        if (TrustedPublishing.applies(env, credentials.has(Credentials.Purpose.NPM))) {
            Map<String, String> manifests = new java.util.LinkedHashMap<>();
            packages.forEach(p -> manifests.put(p.name(), p.text()));
            TrustedPublishing.problems(npmVersion(), env, manifests).forEach(p -> checks.add(Check.credential(p)));
        } else if (!credentials.has(Credentials.Purpose.NPM)) {
            checks.add(Check.credential("No npm token: set NPM_TOKEN (or NODE_AUTH_TOKEN), or name a settings.xml server with -Dbrokle.npmServerId;"
                    + " in GitHub Actions, npm Trusted Publishing needs none (the job's id-token: write)"));
        }
        return checks;
    }

    /** What {@code npm --version} says, or null when npm cannot be run. */
    private String npmVersion() {
        try {
            return cli().run(List.of("npm", "--version"), false, Map.of());
        } catch (ReleaseError e) {
            return null;
        }
    }

    private NpmCli cli() {
        return new NpmCli(root(), env, token(), NAME);
    }

    private String token() {
        return credentials.token(Credentials.Purpose.NPM).orElse(null);
    }

    /** Packages before the ones that depend on them. */
    private static List<NpmManifest> dependencyOrder(List<NpmManifest> packages) {
        Map<String, NpmManifest> byName = new LinkedHashMap<>();
        packages.forEach(p -> byName.put(p.name(), p));
        Set<String> done = new LinkedHashSet<>();
        for (NpmManifest p : packages) {
            visit(p, byName, done, new LinkedHashSet<>());
        }
        return done.stream().map(byName::get).toList();
    }

    private static void visit(NpmManifest p, Map<String, NpmManifest> byName, Set<String> done, Set<String> path) {
        if (done.contains(p.name()) || !path.add(p.name())) {
            return;
        }
        for (NpmManifest.Dependency d : p.dependencies()) {
            NpmManifest dep = byName.get(d.name());
            if (dep != null && !d.type().equals("devDependencies")) {
                visit(dep, byName, done, path);
            }
        }
        done.add(p.name());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return config.registry();
    }

    @Override
    public Status status(Journal journal) {
        for (NpmManifest p : packages) {
            if (!published(p.name(), p.versionText())) {
                return Status.TODO;
            }
        }
        log.info("[" + NAME + "] every package of " + target.tag() + " is on the registry already");
        return Status.DONE;
    }

    @Override
    public void simulate(ReleaseLog out) {
        for (NpmManifest p : packages) {
            out.info("[" + NAME + "] would publish " + p.name() + "@" + p.versionText() + " to " + config.registry() + " under the dist-tag "
                    + distTag(p, false) + (pnpm ? " with pnpm publish" : ""));
        }
    }

    @Override
    public Effect execute() {
        Path npmrc = null;
        try {
            boolean trusted = TrustedPublishing.applies(env, credentials.has(Credentials.Purpose.NPM));
            // the token stays in the environment of npm; the file only names the variable. Trusted Publishing: npm exchanges the job's OIDC token
            npmrc = cli().userconfig(config.registry()); // without a token (Trusted Publishing) it names none
            for (NpmManifest p : packages) {
                if (published(p.name(), p.versionText())) {
                    log.info("[" + NAME + "] " + p.name() + "@" + p.versionText() + " is on the registry already");
                    continue;
                }
                String tag = distTag(p, true);
                String dir = root().resolve(p.directory().isEmpty() ? "." : p.directory()).normalize().toString();
                // pnpm passes its arguments on to npm but refuses --userconfig, which both read from the environment too
                List<String> command = new ArrayList<>(pnpm ? List.of("pnpm", "publish", dir, "--no-git-checks")
                        : List.of("npm", "publish", dir, "--userconfig", npmrc.toString()));
                command.addAll(List.of("--tag", tag, "--registry", config.registry()));
                if (access != null) {
                    command.addAll(List.of("--access", access));
                }
                if (!trusted && "true".equals(env.get("GITHUB_ACTIONS")) && env.get("ACTIONS_ID_TOKEN_REQUEST_URL") != null) {
                    command.add("--provenance"); // under Trusted Publishing npm adds provenance itself, for a public repository
                }
                try {
                    cli().run(command, true, pnpm ? Map.of("NPM_CONFIG_USERCONFIG", npmrc.toString()) : Map.of());
                } catch (ReleaseError e) {
                    throw trusted ? new ReleaseError(e.getMessage() + TrustedPublishing.refusedAdvice(p.name(), env), e) : e;
                }
                JsonNode tags = view(p.name(), "dist-tags");
                if (!p.versionText().equals(tags.path(tag).asText())) {
                    throw new ReleaseError("[" + NAME + "] " + p.name() + "@" + p.versionText() + " was published, but the registry's dist-tag " + tag
                            + " names " + tags.path(tag).asText("nothing"));
                }
                log.info("[" + NAME + "] published " + p.name() + "@" + p.versionText() + " under " + tag + (pnpm ? " with pnpm publish" : "")
                        + " (checked on " + config.registry() + ")");
            }
            return Effect.done(config.registry() + " " + String.join(", ", packages.stream().map(p -> p.name() + "@" + p.versionText()).toList()));
        } catch (IOException e) {
            throw new ReleaseError("[" + NAME + "] cannot prepare the publish: " + e.getMessage(), e);
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

    /** The dist-tag: the version's own, except that a stable version below the current latest does not move latest. */
    private String distTag(NpmManifest p, boolean readRegistry) {
        SemVer version = SemVer.parse(p.versionText());
        String tag = requestedTag == null || requestedTag.isBlank() ? DistTags.of(version) : requestedTag.trim();
        if (tag.equals(DistTags.LATEST) && readRegistry) {
            String latest = view(p.name(), "dist-tags").path(DistTags.LATEST).asText("");
            Optional<SemVer> current = SemVer.tryParse(latest);
            if (current.isPresent() && version.compareTo(current.get()) < 0) {
                tag = "release-" + version.major() + "." + version.minor();
                log.info("[" + NAME + "] " + p.name() + "@" + version + " is below latest " + latest + ": published under " + tag + ", latest stays");
            }
        }
        return tag;
    }

    private boolean published(String name, String version) {
        JsonNode found = view(name + "@" + version, "version");
        return found.isTextual() ? found.asText().equals(version) : found.isArray() && found.toString().contains("\"" + version + "\"");
    }

    /** {@code npm view SPEC FIELD --json}; a missing package, version or field is a missing node. */
    private JsonNode view(String spec, String field) {
        return cli().view(config.registry(), spec, field);
    }

}
