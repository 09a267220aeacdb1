package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.RemotePush;
import ai.brokle.release.github.GitHubActions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code publish-pypi} goal: uploads the Python distributions of a release tag's component (the
 * {@code pypi} step of {@code perform}, on its own).
 */
public final class PublishPypiWorkflow {
    private final PerformOptions options;
    private final PrintStream stdout;

    public PublishPypiWorkflow(PerformOptions options, PrintStream stdout) {
        this.options = options;
        this.stdout = stdout;
    }

    public void execute() {
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseTarget target = ReleaseTarget.resolve(git, options.release(), options.tag(), false, problems);
            PypiPublication pypi = null;
            if (target != null && target.component().publish().pypi() == null) {
                problems.add("Component '" + target.component().name() + "' publishes no Python distributions: add pypi: {} (with dist,"
                        + " repository, testRepository as needed) to it in .brokle-release.yml");
            } else if (target != null) {
                pypi = new PypiPublication(git, target, options.release().environment(), options.pypiToken(), options.retry(),
                        options.release().log(), new GitHubActions(options.release().environment(), stdout));
                problems.addAll(pypi.prepare(options.dryRun()));
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot publish to the package index (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "); nothing was uploaded", problems);
            }
            RemotePush remote = options.dryRun() ? null : PerformWorkflow.remote(git, target, options.release());
            PerformWorkflow.fetchRecord(remote, target.tag(), options.release().log());
            if (pypi.isDone()) {
                options.release().log().info("[" + PypiPublication.NAME + "] every distribution of " + target.tag() + " is on the index already");
            } else if (options.dryRun()) {
                pypi.simulate(options.release().log());
            } else {
                pypi.execute();
                PerformWorkflow.pushRecord(remote, git, target.tag(), options.release().log());
            }
        }
    }
}
