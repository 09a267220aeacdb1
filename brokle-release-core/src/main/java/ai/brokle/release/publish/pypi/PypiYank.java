package ai.brokle.release.publish.pypi;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.PypiConfig;
import ai.brokle.release.files.Pep440;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.Withdrawal;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The PyPI part of rolling back a published release. No API yanks a release (PEP 592 yanking is
 * done on the index's web pages by an owner), so this step says exactly what to do (the project's
 * release page, the version, the reason) and reads the index's simple page to see whether it was
 * done: it is complete once every file of the version carries {@code data-yanked}, and a later run
 * of the rollback checks again.
 */
public final class PypiYank implements Step {
    public static final String NAME = "rollback-pypi";
    private static final TomlMapper TOML = new TomlMapper();

    private final Withdrawal withdrawal;
    private final PypiConfig config;
    private final BiFunction<String, String, byte[]> filesAt;
    private final Retry retry;
    private final ReleaseLog log;
    private String project;

    /** @param filesAt a file of a release tag's commit (tag, path relative to the repository root), null when it has none */
    public PypiYank(Withdrawal withdrawal, BiFunction<String, String, byte[]> filesAt, Retry retry, ReleaseLog log) {
        this.withdrawal = withdrawal;
        this.config = withdrawal.bad().component().publish().pypi();
        this.filesAt = filesAt;
        this.retry = retry;
        this.log = log;
    }

    @Override
    public String name() {
        return NAME;
    }

    private boolean prerelease() {
        return withdrawal.bad().version().isPrerelease();
    }

    private URI simple() {
        return URI.create(prerelease() ? config.testSimple() : config.simple());
    }

    @Override
    public String target() {
        return simple().toString();
    }

    private String version() {
        return Pep440.fromSemVer(withdrawal.bad().version());
    }

    @Override
    public List<Check> check() {
        String path = withdrawal.bad().component().path();
        String pyproject = (path.isEmpty() ? "" : path + "/") + "pyproject.toml";
        byte[] bytes = filesAt.apply(withdrawal.bad().tag(), pyproject);
        if (bytes != null) {
            try {
                project = TOML.readTree(bytes).path("project").path("name").asText(null);
            } catch (IOException e) {
                return List.of(Check.problem(pyproject + " at " + withdrawal.bad().tag() + " cannot be read as TOML (" + e.getMessage() + ")"));
            }
        }
        if (project == null) {
            return List.of(Check.problem("[" + NAME + "] " + pyproject + " at " + withdrawal.bad().tag() + " names no [project] name: the"
                    + " distribution to yank is unknown"));
        }
        return List.of();
    }

    /** The project's page on the index's web site where an owner yanks a release. */
    private String manageUrl() {
        URI s = simple();
        String site = s.getScheme() + "://" + s.getHost().replaceFirst("^upload\\.", "") + (s.getPort() < 0 ? "" : ":" + s.getPort());
        return site + "/manage/project/" + project + "/release/" + version() + "/";
    }

    private Optional<Boolean> yanked() {
        return new PackageIndex(URI.create(prerelease() ? config.testRepository() : config.repository()), simple(), null, retry, Sleeper.REAL,
                log).yanked(project, version());
    }

    @Override
    public Status status(Journal journal) {
        Optional<Boolean> yanked = yanked();
        if (yanked.isEmpty()) {
            log.warn("[" + NAME + "] " + simple() + project + "/ holds no file of " + version() + ": nothing to yank there");
            return Status.DONE;
        }
        if (yanked.get()) {
            log.info("[" + NAME + "] " + project + " " + version() + " is yanked on " + simple());
            return Status.DONE;
        }
        return Status.TODO;
    }

    private String instructions() {
        return "[" + NAME + "] PyPI has no API to yank a release: an owner of " + project + " yanks it by hand. Open " + manageUrl()
                + ", choose Options → Yank, and give the reason \"" + withdrawal.notice() + "\". Then run this rollback again: it checks that "
                + project + " " + version() + " is yanked (PEP 592) on " + simple();
    }

    @Override
    public void simulate(ReleaseLog out) {
        out.info(instructions());
    }

    @Override
    public Effect execute() {
        log.warn(instructions());
        if (yanked().orElse(false)) {
            return Effect.done(simple() + project + "/ " + version() + " yanked");
        }
        return Effect.warned();
    }
}
