package ai.brokle.release.publish.pypi;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.PypiConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.files.FileGlobs;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The upload of a release's Python distributions: stable versions to the index, pre-releases to the
 * test index. Checked first (metadata, description, version against the tag); a file already on the
 * index with the same digest is skipped, one with another digest stops the release. The token comes
 * from a settings.xml server, else Trusted Publishing in GitHub Actions, else PYPI_TOKEN.
 */
public final class PypiPublication implements Step {
    public static final String NAME = "pypi";

    private final Path workTree;
    private final ReleaseTarget target;
    private final PypiConfig config;
    private final Map<String, String> env;
    private final Credentials credentials;
    private final Retry retry;
    private final ReleaseLog log;
    private final List<Distribution> distributions = new ArrayList<>();
    private PackageIndex index;

    /**
     * @param env the environment, for Trusted Publishing's OIDC request
     * @param credentials the token: a settings.xml server's, else (after Trusted Publishing) PYPI_TOKEN
     */
    public PypiPublication(Path workTree, ReleaseTarget target, Map<String, String> env, Credentials credentials, Retry retry, ReleaseLog log) {
        this.workTree = workTree;
        this.target = target;
        this.config = target.component().publish().pypi();
        this.env = env;
        this.credentials = credentials;
        this.retry = retry;
        this.log = log;
    }

    private boolean prerelease() {
        return target.version().isPrerelease();
    }

    private URI upload() {
        return URI.create(prerelease() ? config.testRepository() : config.repository());
    }

    private URI simple() {
        return URI.create(prerelease() ? config.testSimple() : config.simple());
    }

    /** Reads and checks the distributions; every problem, nothing sent. */
    @Override
    public List<Check> check() {
        List<String> problems = new ArrayList<>();
        Map<String, Path> files = FileGlobs.byName(workTree, config.dist(), "pypi.dist", problems);
        for (Path file : files.values()) {
            try {
                Distribution d = Distribution.read(file);
                distributions.add(d);
                problems.addAll(DistributionCheck.problems(d, target.version()));
                DistributionCheck.warnings(d).forEach(w -> log.warn("[" + NAME + "] " + w));
            } catch (ReleaseFailure e) {
                problems.addAll(e.problems());
            }
        }
        List<Check> checks = new ArrayList<>(problems.stream().map(Check::problem).toList());
        if (credentials.namedToken(Credentials.Purpose.PYPI).isEmpty() && !TrustedPublishing.available(env)
                && credentials.secretVariable("PYPI_TOKEN").isEmpty()) {
            checks.add(Check.credential("No token for " + upload() + ": in GitHub Actions use Trusted Publishing (permissions: id-token: write),"
                    + " or set PYPI_TOKEN, or name a settings.xml server with -Dbrokle.pypiServerId"));
        }
        return checks;
    }

    private PackageIndex index() {
        if (index == null) {
            String token = credentials.namedToken(Credentials.Purpose.PYPI).orElse(null);
            if (blank(token)) {
                token = TrustedPublishing.mint(env, upload(), retry.timeout()).map(credentials::masked).orElse(null);
                if (token != null) {
                    log.info("[" + NAME + "] upload token minted by Trusted Publishing at " + TrustedPublishing.indexBase(upload()));
                }
            }
            if (blank(token)) {
                token = credentials.secretVariable("PYPI_TOKEN").orElse(null);
            }
            index = new PackageIndex(upload(), simple(), token, retry, Sleeper.REAL, log);
        }
        return index;
    }

    /** The index read without a token (its public simple page). */
    private Map<String, String> present() {
        return new PackageIndex(upload(), simple(), null, retry, Sleeper.REAL, log)
                .files(distributions.get(0).field("Name"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String target() {
        return upload().toString();
    }

    @Override
    public Status status(Journal journal) {
        if (distributions.isEmpty()) {
            return Status.DONE;
        }
        Map<String, String> present = present();
        List<String> clashes = new ArrayList<>();
        boolean all = true;
        for (Distribution d : distributions) {
            String there = present.get(d.filename());
            if (there == null) {
                all = false;
            } else if (!there.isEmpty() && !there.equalsIgnoreCase(d.sha256())) {
                clashes.add(d.filename() + " is on " + simple() + " already with another content (sha256 " + there + ", this one " + d.sha256()
                        + "); an index takes a file name once: release a new version");
            }
        }
        if (!clashes.isEmpty()) {
            throw new ReleaseFailure("Cannot upload to " + upload(), clashes);
        }
        if (all) {
            log.info("[" + NAME + "] every distribution of " + target.tag() + " is on the index already");
        }
        return all ? Status.DONE : Status.TODO;
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + NAME + "] would upload " + distributions.stream().map(Distribution::filename).toList() + " to " + upload()
                + (prerelease() ? " (the test index: " + target.version() + " is a pre-release)" : ""));
    }

    @Override
    public Effect execute() {
        Map<String, String> present = present();
        for (Distribution d : distributions) {
            if (present.containsKey(d.filename())) {
                log.info("[" + NAME + "] " + d.filename() + " is on the index already");
                continue;
            }
            index().upload(d);
            log.info("[" + NAME + "] uploaded " + d.filename() + " (sha256 " + d.sha256() + ") to " + upload());
        }
        return Effect.done(simple() + distributions.get(0).field("Name"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
