package ai.brokle.release.goal;

import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.plan.Plan;
import java.io.PrintStream;
import java.util.List;

/**
 * The {@code publish-pypi} goal: uploads the Python distributions of a release tag's component (the
 * {@code pypi} step that {@code perform} includes too).
 */
public final class PublishPypiWorkflow {
    private final PerformOptions options;
    private final PrintStream stdout;

    public PublishPypiWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.stdout = stdout;
    }

    public void execute() {
        if (!options.dryRun()) {
            options.release().requireOnline("publish-pypi", "it uploads to the package index");
        }
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            if (run.target != null && run.target.component().publish().pypi() == null) {
                run.problems.add("Component '" + run.target.component().name() + "' publishes no Python distributions: add pypi: {} (with dist,"
                        + " repository, testRepository as needed) to it in .brokle-release.yml");
            }
            if (run.target == null || run.target.component().publish().pypi() == null) {
                run.failOnProblems("Cannot publish to the package index", "nothing was uploaded");
            }
            PublicationSteps steps = new PublicationSteps(run, options, new GitHubActions(options.release().environment(), stdout));
            Plan plan = new Plan(List.of(steps.pypi()), run.publishingJournal(), run.log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot publish to the package index", "nothing was uploaded");
            plan.run(options.mode());
        }
    }
}
