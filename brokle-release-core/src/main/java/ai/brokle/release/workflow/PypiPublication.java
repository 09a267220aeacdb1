package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.PypiConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.github.GitHubActions;
import ai.brokle.release.github.GitHubClient;
import ai.brokle.release.plan.Step;
import ai.brokle.release.pypi.Distribution;
import ai.brokle.release.pypi.DistributionCheck;
import ai.brokle.release.pypi.PackageIndex;
import ai.brokle.release.pypi.TrustedPublishing;
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
final class PypiPublication implements Step {
    static final String NAME = "pypi";

    private final GitRepository git;
    private final ReleaseTarget target;
    private final PypiConfig config;
    private final Map<String, String> env;
    private final String explicitToken;
    private final GitHubClient.Retry retry;
    private final ReleaseLog log;
    private final GitHubActions actions;
    private final List<Distribution> distributions = new ArrayList<>();
    private PackageIndex index;

    PypiPublication(GitRepository git, ReleaseTarget target, Map<String, String> env, String explicitToken, GitHubClient.Retry retry,
            ReleaseLog log, GitHubActions actions) {
        this.git = git;
        this.target = target;
        this.config = target.component().publish().pypi();
        this.env = env;
        this.explicitToken = explicitToken;
        this.retry = retry;
        this.log = log;
        this.actions = actions;
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
    List<String> prepare(boolean dryRun) {
        List<String> problems = new ArrayList<>();
        Map<String, Path> files = FileGlobs.byName(git.workTree(), config.dist(), "pypi.dist", problems);
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
        if (!dryRun && blank(explicitToken) && !TrustedPublishing.available(env) && blank(env.get("PYPI_TOKEN"))) {
            problems.add("No token for " + upload() + ": in GitHub Actions use Trusted Publishing (permissions: id-token: write), or set"
                    + " PYPI_TOKEN, or name a settings.xml server with -Dbrokle.pypiServerId");
        }
        return problems;
    }

    private PackageIndex index() {
        if (index == null) {
            String token = explicitToken;
            if (blank(token)) {
                token = TrustedPublishing.mint(env, upload(), retry.timeout()).orElse(null);
                if (token != null) {
                    actions.mask(token);
                    log.info("[" + NAME + "] upload token minted by Trusted Publishing at " + TrustedPublishing.indexBase(upload()));
                }
            }
            if (blank(token)) {
                token = env.get("PYPI_TOKEN");
            }
            index = new PackageIndex(upload(), simple(), token, retry, d -> Thread.sleep(d.toMillis()), log);
        }
        return index;
    }

    /** The index read without a token (its public simple page). */
    private Map<String, String> present() {
        return new PackageIndex(upload(), simple(), null, retry, d -> Thread.sleep(d.toMillis()), log)
                .files(distributions.get(0).field("Name"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isDone() {
        if (distributions.isEmpty()) {
            return true;
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
        return all;
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info("[" + NAME + "] would upload " + distributions.stream().map(Distribution::filename).toList() + " to " + upload()
                + (prerelease() ? " (the test index: " + target.version() + " is a pre-release)" : ""));
    }

    @Override
    public void execute() {
        Map<String, String> present = present();
        for (Distribution d : distributions) {
            if (present.containsKey(d.filename())) {
                log.info("[" + NAME + "] " + d.filename() + " is on the index already");
                continue;
            }
            index().upload(d);
            log.info("[" + NAME + "] uploaded " + d.filename() + " (sha256 " + d.sha256() + ") to " + upload());
        }
        PublicationRecord.record(git, target.tag(), PublicationRecord.Entry.now(NAME, simple() + distributions.get(0).field("Name")));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
