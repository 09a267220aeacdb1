package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ImageConfig;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
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
 * repository has every tag on the built index; a re-run uploads only what a registry lacks. Until
 * the journal records a push of them, whether the registries hold these images is not asked (it
 * needs the build's digest): the status is then UNKNOWN, so a dry run builds and asks nobody, and a
 * real run builds and pushes only what each registry lacks.
 */
public final class ImagePublication implements Step {
    public static final String NAME = "images";

    private final GitRepository git;
    private final ReleaseTarget target;
    private final RegistryCredentials credentials;
    private final Path output;
    private final ReleaseLog log;
    private final ImageBuild builder;
    private final RegistryPush push;
    private Map<ImageConfig, ImageBuild.Built> built;
    private List<String> tags;

    public ImagePublication(GitRepository git, ReleaseTarget target, Credentials secrets, Map<String, String> env, Path output, ReleaseLog log) {
        this.git = git;
        this.target = target;
        this.credentials = new RegistryCredentials(target.config(), secrets, env, log);
        this.output = output;
        this.log = log;
        this.builder = new ImageBuild(git.workTree(), credentials, output.resolveSibling("jib-cache"), log);
        this.push = new RegistryPush(credentials, log);
    }

    /** Everything wrong before anything is built: missing files of any platform, unset credential variables. */
    @Override
    public List<Check> check() {
        List<Check> problems = new ArrayList<>();
        if (target.commit() != null && !git.head().map(target.commit()::equals).orElse(false)) {
            problems.add(Check.problem("The images of " + target.tag() + " are built from this checkout, which is not at " + target.tag() + " ("
                    + target.commit().abbreviate(7).name() + "): check out the tag first (actions/checkout on the tag push does)"));
        }
        List<ImageConfig> images = target.component().publish().images();
        for (int i = 0; i < images.size(); i++) {
            ImageConfig image = images.get(i);
            String key = "components." + target.component().name() + ".images[" + i + "] (" + image.name() + ")";
            builder.problems(image, key).forEach(p -> problems.add(Check.problem(p)));
            image.repositories().stream().flatMap(r -> credentials.problemsForImage(r).stream()).distinct()
                    .forEach(p -> problems.add(Check.credential(p)));
        }
        return problems;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The tags this release's images get. */
    public List<String> tags() {
        if (tags == null) {
            List<SemVer> released = git.releaseTags(target.component().tagPrefixes()).stream().map(ReleaseTag::version).toList();
            tags = ImageTags.of(target.version(), released);
        }
        return tags;
    }

    private Map<ImageConfig, ImageBuild.Built> built() {
        if (built == null) {
            String source = target.config().repositoryUrl() != null ? target.config().repositoryUrl()
                    : target.links() == null ? null : target.links().base();
            ProjectMetadata project = ProjectMetadata.read(git.workTree(), target.component().path());
            ImageBuild.Metadata metadata = new ImageBuild.Metadata(target.version().toString(), target.commit().name(), source,
                    Instant.ofEpochSecond(git.commitTime(target.commit())), project.description(), project.licenses());
            built = new LinkedHashMap<>();
            for (ImageConfig image : target.component().publish().images()) {
                built.put(image, builder.build(image, metadata, output.resolve(image.name())));
            }
        }
        return built;
    }

    @Override
    public Status status(Journal journal) {
        if (!journal.has(NAME)) {
            return Status.UNKNOWN;
        }
        for (Map.Entry<ImageConfig, ImageBuild.Built> e : built().entrySet()) {
            for (String repository : e.getKey().repositories()) {
                if (!push.missingTags(e.getValue(), repository, tags()).isEmpty()) {
                    return Status.TODO;
                }
            }
        }
        log.info("[" + NAME + "] every image is up to date: " + String.join(", ", target.component().publish().images().stream()
                .flatMap(i -> i.repositories().stream()).toList()) + " under " + String.join(", ", tags()));
        return Status.DONE;
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
    public Effect execute() {
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
        return Effect.done(String.join(", ", pushed) + " as " + String.join(", ", tags()));
    }

    /** Each image's name → the digest of its index (what attestations name as the subject), building the images if need be. */
    public Map<String, String> digests() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        built().forEach((image, b) -> out.put(image.name(), b.digest()));
        return out;
    }

    /** Where the images go, for the summary. */
    @Override
    public String target() {
        return String.join(", ", target.component().publish().images().stream().flatMap(i -> i.repositories().stream()).toList());
    }
}
