package ai.brokle.release.goal;

import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.plan.Plan;
import java.io.PrintStream;
import java.util.List;

/** The {@code publish-npm} goal: the npm packages of a release tag's component (the {@code npm} step that {@code perform} includes too). */
public final class PublishNpmWorkflow {
    private final PerformOptions options;

    public PublishNpmWorkflow(PerformOptions options) {
        this.options = options;
    }

    public void execute() {
        if (!options.dryRun()) {
            options.release().requireOnline("publish-npm", "it publishes to the npm registry");
        }
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            if (run.target != null && run.target.component().publish().npm() == null) {
                run.problems.add("Component '" + run.target.component().name() + "' publishes no npm packages: add npm: {} (with registry, access"
                        + " as needed) to it in .brokle-release.yml");
            }
            if (run.target == null || run.target.component().publish().npm() == null) {
                run.failOnProblems("Cannot publish to the npm registry", "nothing was published");
            }
            PublicationSteps steps = new PublicationSteps(run, options, new GitHubActions(options.release().environment(), new PrintStream(java.io.OutputStream.nullOutputStream())));
            Plan plan = new Plan(List.of(steps.npm()), run.publishingJournal(), run.log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot publish to the npm registry", "nothing was published");
            plan.run(options.mode());
        }
    }
}
