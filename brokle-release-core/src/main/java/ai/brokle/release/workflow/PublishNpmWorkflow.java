package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.RemotePush;
import java.util.ArrayList;
import java.util.List;

/** The {@code publish-npm} goal: the npm packages of a release tag's component (the {@code npm} step of {@code perform}, on its own). */
public final class PublishNpmWorkflow {
    private final PerformOptions options;

    public PublishNpmWorkflow(PerformOptions options) {
        this.options = options;
    }

    public void execute() {
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseTarget target = ReleaseTarget.resolve(git, options.release(), options.tag(), false, problems);
            NpmPublication npm = null;
            if (target != null && target.component().publish().npm() == null) {
                problems.add("Component '" + target.component().name() + "' publishes no npm packages: add npm: {} (with registry, access as"
                        + " needed) to it in .brokle-release.yml");
            } else if (target != null) {
                npm = new NpmPublication(git, target, options.release().environment(), options.npmToken(), options.distTag(), options.release().log());
                problems.addAll(npm.prepare(options.dryRun()));
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot publish to the npm registry (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "); nothing was published", problems);
            }
            RemotePush remote = options.dryRun() ? null : PerformWorkflow.remote(git, target, options.release());
            PerformWorkflow.fetchRecord(remote, target.tag(), options.release().log());
            if (npm.isDone()) {
                options.release().log().info("[" + NpmPublication.NAME + "] every package of " + target.tag() + " is on the registry already");
            } else if (options.dryRun()) {
                npm.simulate(options.release().log());
            } else {
                npm.execute();
                PerformWorkflow.pushRecord(remote, git, target.tag(), options.release().log());
            }
        }
    }
}
