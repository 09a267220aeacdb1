package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ImageConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.images.ImageBuild;
import ai.brokle.release.images.ImageTags;
import ai.brokle.release.images.RegistryCredentials;
import ai.brokle.release.images.RegistryPush;
import ai.brokle.release.plan.Step;
import ai.brokle.release.version.SemVer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The container images of a release: each configured image built once with Jib (all its
 * platforms, into an OCI layout under {@code target/brokle-release/images/<name>}) and pushed to
 * each of its repositories under the tags the version earns ({@link ImageTags}). Done when every
 * repository has every tag on the built index; a re-run uploads only what a registry lacks. In a
 * dry run the images are built and nothing is sent, nor are the target registries asked.
 */
final class ImagePublication implements Step, PerformWorkflow.Target {
    static final String NAME = "images";

    private final GitRepository git;
    private final ReleaseTarget target;
    private final RegistryCredentials credentials;
    private final Path output;
    private final boolean dryRun;
    private final ReleaseLog log;
    private final ImageBuild builder;
    private final RegistryPush push;
    private Map<ImageConfig, ImageBuild.Built> built;
    private List<String> tags;

    ImagePublication(GitRepository git, ReleaseTarget target, RegistryCredentials.Servers servers, Map<String, String> env, Path output,
            boolean dryRun, ReleaseLog log) {
        this.git = git;
        this.target = target;
        this.credentials = new RegistryCredentials(target.config(), servers, env, log);
        this.output = output;
        this.dryRun = dryRun;
        this.log = log;
        this.builder = new ImageBuild(git.workTree(), credentials, output.resolveSibling("jib-cache"), log);
        this.push = new RegistryPush(credentials, log);
    }

    /** Everything wrong before anything is built: missing files of any platform, unset credential variables. */
    List<String> prepare() {
        List<String> problems = new ArrayList<>();
        if (target.commit() != null && !git.head().map(target.commit()::equals).orElse(false)) {
            problems.add("The images of " + target.tag() + " are built from this checkout, which is not at " + target.tag() + " ("
                    + target.commit().abbreviate(7).name() + "): check out the tag first (actions/checkout on the tag push does)");
        }
        List<ImageConfig> images = target.component().publish().images();
        for (int i = 0; i < images.size(); i++) {
            ImageConfig image = images.get(i);
            String key = "components." + target.component().name() + ".images[" + i + "] (" + image.name() + ")";
            problems.addAll(builder.problems(image, key));
            if (!dryRun) {
                image.repositories().stream().flatMap(r -> credentials.problemsForImage(r).stream()).distinct().forEach(problems::add);
            }
        }
        return problems;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The tags this release's images get. */
    List<String> tags() {
        if (tags == null) {
            List<SemVer> released = git.releaseTags(target.component().tagPrefix()).stream().map(ReleaseTag::version).toList();
            tags = ImageTags.of(target.version(), released);
        }
        return tags;
    }

    private Map<ImageConfig, ImageBuild.Built> built() {
        if (built == null) {
            String source = target.config().repositoryUrl() != null ? target.config().repositoryUrl()
                    : target.links() == null ? null : target.links().base();
            ImageBuild.Metadata metadata = new ImageBuild.Metadata(target.version().toString(), target.commit().name(), source,
                    Instant.ofEpochSecond(git.commitTime(target.commit())));
            built = new LinkedHashMap<>();
            for (ImageConfig image : target.component().publish().images()) {
                built.put(image, builder.build(image, metadata, output.resolve(image.name())));
            }
        }
        return built;
    }

    @Override
    public boolean isDone() {
        if (dryRun) {
            return false;
        }
        for (Map.Entry<ImageConfig, ImageBuild.Built> e : built().entrySet()) {
            for (String repository : e.getKey().repositories()) {
                if (!push.missingTags(e.getValue(), repository, tags()).isEmpty()) {
                    return false;
                }
            }
        }
        log.info("[" + NAME + "] every image is up to date: " + String.join(", ", target.component().publish().images().stream()
                .flatMap(i -> i.repositories().stream()).toList()) + " under " + String.join(", ", tags()));
        return true;
    }

    @Override
    public void simulate(ReleaseLog out) {
        built().forEach((image, b) -> {
            out.info("[" + NAME + "] would push " + image.name() + " " + b.digest() + " (" + String.join(", ", image.platforms()) + "; OCI layout "
                    + b.layout() + ")");
            image.repositories().forEach(r -> out.info("[" + NAME + "]   to " + r + " as " + String.join(", ", tags())));
        });
    }

    @Override
    public void execute() {
        List<String> pushed = new ArrayList<>();
        built().forEach((image, b) -> {
            for (String repository : image.repositories()) {
                RegistryPush.Result result = push.push(b, repository, tags());
                if (result.upToDate()) {
                    log.info("[" + NAME + "] " + repository + " is up to date (" + String.join(", ", result.tagsCurrent()) + " = " + b.digest() + ")");
                } else {
                    log.info("[" + NAME + "] pushed " + repository + ":" + String.join(",", result.tagsMoved()) + " = " + b.digest() + " ("
                            + result.blobsUploaded() + " blob" + (result.blobsUploaded() == 1 ? "" : "s") + " uploaded, " + result.blobsPresent()
                            + " already there)");
                }
                pushed.add(repository);
            }
        });
        PublicationRecord.record(git, target.tag(), PublicationRecord.Entry.now(NAME, String.join(", ", pushed) + " as " + String.join(", ", tags())));
    }

    /** Where the images go, for the summary. */
    @Override
    public String target() {
        return String.join(", ", target.component().publish().images().stream().flatMap(i -> i.repositories().stream()).toList());
    }
}
