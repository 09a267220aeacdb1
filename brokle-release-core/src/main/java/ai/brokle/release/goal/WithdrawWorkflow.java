package ai.brokle.release.goal;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.ci.GitHubActions;
import ai.brokle.release.credentials.Credentials;
import ai.brokle.release.git.PublicationRecord;
import ai.brokle.release.git.ReleaseTag;
import ai.brokle.release.git.ReleaseWriter;
import ai.brokle.release.http.Sleeper;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Mode;
import ai.brokle.release.plan.Plan;
import ai.brokle.release.plan.Skips;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import ai.brokle.release.publish.ReleaseTarget;
import ai.brokle.release.publish.Withdrawal;
import ai.brokle.release.publish.github.GitHubClient;
import ai.brokle.release.publish.github.GitHubReleaseStep;
import ai.brokle.release.publish.github.GitHubRollback;
import ai.brokle.release.publish.image.ImagePublication;
import ai.brokle.release.publish.image.ImageRollback;
import ai.brokle.release.publish.npm.NpmPublication;
import ai.brokle.release.publish.npm.NpmRollback;
import ai.brokle.release.publish.pypi.PypiPublication;
import ai.brokle.release.publish.pypi.PypiYank;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The {@code rollback-published} goal: rolls back a release that was published, as the strategy's
 * rollback plan says (§12): the floating image tags go back to the previous good release's images
 * by digest, the npm dist-tags the bad version took go back and the bad version is deprecated, the
 * GitHub release stops being the latest and says why, and PyPI gets exact yank instructions (no API
 * yanks) and a check that it was done. Only what the publication record says was published is
 * rolled back. The rollback itself is recorded first, so that {@code perform} and the publishing
 * goals refuse the tag from then on; each step is recorded as it completes, so a re-run does
 * nothing twice.
 */
public final class WithdrawWorkflow {
    /** The record's entry for a rolled-back release. */
    public static final String RECORD = "rollback";
    static final List<String> KINDS = List.of(ImageRollback.NAME, NpmRollback.NAME, GitHubRollback.NAME, PypiYank.NAME);

    private final WithdrawOptions options;
    private final GitHubActions actions;

    public WithdrawWorkflow(WithdrawOptions options, PrintStream stdout) {
        this.options = options;
        this.actions = new GitHubActions(options.release().environment(), stdout);
    }

    public void execute() {
        if (!options.dryRun()) {
            options.release().requireOnline("rollback-published", "it moves tags on the registries and edits the GitHub release");
        }
        try (ReleaseRun run = ReleaseRun.open(options.release(), options.tag(), false)) {
            Set<String> skipped = Skips.parse(options.skip(), "brokle.rollback.skipSteps", "rollback-published", KINDS, run.problems);
            String reason = options.reason() == null ? "" : options.reason().strip();
            if (reason.isEmpty()) {
                run.problems.add("No reason given: -Dbrokle.reason=\"...\" says why the release is rolled back (it goes into the npm deprecation,"
                        + " the GitHub release's warning and the publication record)");
            } else if (reason.contains("\n") || reason.length() > 300) {
                run.problems.add("brokle.reason: one line of at most 300 characters (it is the npm deprecation message)");
            }
            ReleaseTarget target = run.target;
            if (target == null) {
                run.failOnProblems("Cannot roll back the release", "nothing was changed");
            }
            Journal journal = run.journal();
            journal.open();
            Set<String> published = PublicationRecord.published(run.git, target.tag()).stream().map(PublicationRecord.Entry::step)
                    .filter(PublicationSteps.KINDS::contains).collect(Collectors.toSet());
            if (published.isEmpty() && !journal.has(RECORD)) {
                run.problems.add("Nothing is recorded as published from " + target.tag() + " (refs/brokle-release/published/" + target.tag()
                        + ", here and on the remote): 'rollback' undoes a release that was not published");
            }
            List<ReleaseTag> good = run.releases().stream().filter(t -> !t.name().equals(target.tag()))
                    .filter(t -> !PublicationRecord.states(run.git, t.name()).containsKey(RECORD)).toList();
            Withdrawal withdrawal = new Withdrawal(target, reason, good);
            Credentials credentials = options.release().credentials().masking(actions::mask);
            ReleaseWriter writer = new ReleaseWriter(run.git);
            BiFunction<String, String, byte[]> filesAt = (tag, path) -> {
                ObjectId commit = run.git.peeledCommit(tag);
                return commit == null ? null : writer.contents(commit, List.of(path)).get(path);
            };
            List<Step> steps = new ArrayList<>();
            steps.add(new Recorded(withdrawal, run.log));
            if (published.contains(ImagePublication.NAME) && !target.component().publish().images().isEmpty()) {
                steps.add(new ImageRollback(withdrawal, credentials, options.release().environment(), run.log));
            }
            if (published.contains(NpmPublication.NAME) && target.component().publish().npm() != null) {
                steps.add(new NpmRollback(withdrawal, run.git.workTree(), options.release().environment(), credentials, filesAt, run.log));
            }
            if (published.contains(GitHubReleaseStep.NAME)) {
                GitHubClient github = new GitHubClient(GitHubEnvironment.apiUrl(target.config().github(), options.release()),
                        credentials.token(Credentials.Purpose.GITHUB).orElse(null), options.retry(), Sleeper.REAL, run.log);
                steps.add(new GitHubRollback(withdrawal, github, credentials.has(Credentials.Purpose.GITHUB), run.log));
            }
            if (published.contains(PypiPublication.NAME) && target.component().publish().pypi() != null) {
                steps.add(new PypiYank(withdrawal, filesAt, options.retry(), run.log));
            }
            Plan plan = new Plan(steps, skipped, "brokle.rollback.skipSteps", journal, run.log);
            run.problems.addAll(plan.problems(options.mode()));
            run.failOnProblems("Cannot roll back " + target.tag(), "nothing was changed");
            run.log.info("Rolling back " + target.tag() + " (" + reason + "); published from it: " + String.join(", ", published.stream().sorted()
                    .toList()) + withdrawal.previousStable().map(t -> "; the previous good release is " + t.name()).orElse(""));
            List<Plan.Outcome> outcomes = plan.run(options.mode());
            outcomes.forEach(o -> run.log.info(String.format("%-40s %-18s %s", o.step(), o.result(), o.target())));
            if (options.mode() == Mode.EXECUTE) {
                actions.outputs(Map.of("tag", target.tag(), "rolled-back", String.join(",", outcomes.stream().filter(o -> o.result().equals("done")
                        || o.result().equals("already done")).map(Plan.Outcome::step).toList())));
            }
        }
    }

    /** The record that the release is rolled back, made first: from then on, perform and the publishing goals refuse its tag. */
    private static final class Recorded implements Step {
        private final Withdrawal withdrawal;
        private final ReleaseLog log;

        Recorded(Withdrawal withdrawal, ReleaseLog log) {
            this.withdrawal = withdrawal;
            this.log = log;
        }

        @Override
        public String name() {
            return RECORD;
        }

        @Override
        public Status status(Journal journal) {
            return journal.has(RECORD) ? Status.DONE : Status.TODO;
        }

        @Override
        public void simulate(ReleaseLog out) {
            out.info("[" + RECORD + "] would record in refs/brokle-release/published/" + withdrawal.bad().tag() + " that it is rolled back ("
                    + withdrawal.reason() + "); perform and the publishing goals then refuse it");
        }

        @Override
        public Effect execute() {
            log.info("[" + RECORD + "] " + withdrawal.bad().tag() + " is recorded as rolled back");
            return Effect.done(withdrawal.reason());
        }
    }
}
