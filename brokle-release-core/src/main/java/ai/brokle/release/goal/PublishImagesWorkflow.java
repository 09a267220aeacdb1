package ai.brokle.release.goal;

import java.util.Map;
import java.util.LinkedHashMap;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.publish.image.ImagePublication;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.plan.Plan;
import java.io.PrintStream;
import java.util.List;

/** The {@code images} goal: the container images of a release tag's component (the {@code images} step that {@code perform} includes too). */
public final class PublishImagesWorkflow {
    private final PerformOptions options;

    public PublishImagesWorkflow(PerformOptions options) {
        this.options = options;
    }

    public void execute() {
        if (!options.dryRun()) {
            options.release().requireOnline("images", "it pushes the images to their registries");
        }
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            if (run.target != null && run.target.component().publish().images().isEmpty()) {
                run.problems.add("Component '" + run.target.component().name() + "' builds no container images: add images: [{repositories:"
                        + " [...], layers: [...]}] to it in .brokle-release.yml");
            }
            if (run.target == null || run.target.component().publish().images().isEmpty()) {
                run.failOnProblems("Cannot build and push the images", "nothing was pushed");
            }
            PublicationSteps steps = new PublicationSteps(run, options, new GitHubActions(options.release().environment(), new PrintStream(java.io.OutputStream.nullOutputStream())));
            ImagePublication images = steps.images();
            Plan plan = new Plan(List.of(images), run.publishingJournal(), run.log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot build and push the images", "nothing was pushed");
            plan.run(options.mode());
            if (options.mode() == Mode.EXECUTE) {
                // for the workflow's attestations: digest-<image name> = the pushed index's digest
                Map<String, String> outputs = new LinkedHashMap<>();
                images.digests().forEach((name, digest) -> outputs.put("digest-" + name, digest));
                new GitHubActions(options.release().environment(), System.out).outputs(outputs);
            }
        }
    }
}
