package ai.brokle.release.goal;

import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.Skips;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.publish.github.DispatchStep;
import ai.brokle.release.publish.github.GitHubReleaseStep;
import ai.brokle.release.publish.github.GitHubTokens;
import ai.brokle.release.submodules.SubmoduleChecks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code perform} goal: the CI half of a release, run on its tag. Publishes in a safe order —
 * registry publications (PyPI, npm) and container images first, then the GitHub release
 * (created as a draft, assets and a checksum file uploaded, then made public), then repository
 * dispatches, then chat notifications. Each step first checks its real target (the GitHub release
 * and its assets; the publication record, shared through the remote, for events that cannot be
 * read back), so a re-run after a failure completes what is missing and repeats nothing. A failed
 * notification is a warning, never a failed release.
 */
public final class PerformWorkflow {
    private final PerformOptions options;
    private final GitHubActions actions;

    public PerformWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.actions = new GitHubActions(options.release().environment(), stdout);
    }

    /** What was done, step by step. */
    public record Result(String tag, String releaseUrl, List<Plan.Outcome> outcomes) {
    }

    public Result execute() {
        if (!options.dryRun()) {
            options.release().requireOnline("perform", "it publishes the release to its registries and GitHub; -Dbrokle.dryRun=true shows it without the network");
        }
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), true)) {
            Set<String> skipped = Skips.parse(options.skip(), "brokle.perform.skipSteps", "perform", PublicationSteps.KINDS, run.problems);
            ReleaseTarget target = run.target;
            if (target == null) {
                if (!options.release().credentials().has(Credentials.Purpose.GITHUB) && !skipped.containsAll(List.of(GitHubReleaseStep.NAME, DispatchStep.KIND))) {
                    run.problems.addAll(Plan.problems("perform", List.of(Check.credential(GitHubTokens.MISSING)), options.mode(), run.log));
                }
                run.failOnProblems("Cannot perform the release", "nothing was published");
            }
            run.problems.addAll(new SubmoduleChecks(options.release().credentials(), run.log).releaseProblems(run.git, target.config(), options.release().commands()));
            PublicationSteps factory = new PublicationSteps(run, options, actions);
            PublicationSteps.ReleaseNotesText notes = factory.notes();
            List<Step> steps = new ArrayList<>();
            if (target.component().publish().pypi() != null) {
                steps.add(factory.pypi());
            }
            if (target.component().publish().npm() != null) {
                steps.add(factory.npm());
            }
            if (!target.component().publish().images().isEmpty()) {
                steps.add(factory.images());
            }
            GitHubReleaseStep release = factory.githubRelease(notes.text());
            steps.add(release);
            steps.addAll(factory.dispatches());
            steps.addAll(factory.notifications(notes, release::url, skipped));
            Plan plan = new Plan(steps, skipped, "brokle.perform.skipSteps", run.publishingJournal(), run.log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot perform the release " + target.tag(), "nothing was published");
            List<Plan.Outcome> outcomes = plan.run(options.mode(), o -> report(target, release.url(), o));
            return new Result(target.tag(), release.url(), outcomes);
        }
    }

    private void report(ReleaseTarget target, String releaseUrl, List<Plan.Outcome> outcomes) {
        StringBuilder summary = new StringBuilder("### Release ").append(target.tag()).append("\n\n| step | result | where |\n| --- | --- | --- |\n");
        outcomes.forEach(o -> summary.append("| ").append(o.step()).append(" | ").append(o.result()).append(" | ").append(o.target()).append(" |\n"));
        if (options.mode() == Mode.EXECUTE) {
            actions.summary(summary.toString());
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("tag", target.tag());
            outputs.put("version", target.version().toString());
            outputs.put("component", target.component().name());
            outputs.put("prerelease", String.valueOf(target.version().isPrerelease()));
            outputs.put("release-url", releaseUrl == null ? "" : releaseUrl);
            // the steps whose publication stands after this run (done now or by an earlier run), comma-separated
            outputs.put("published", String.join(",", outcomes.stream().filter(o -> o.result().equals("done") || o.result().equals("already done"))
                    .map(Plan.Outcome::step).toList()));
            actions.outputs(outputs);
        }
        outcomes.forEach(o -> options.release().log().info(String.format("%-40s %-18s %s", o.step(), o.result(), o.target())));
    }
}
