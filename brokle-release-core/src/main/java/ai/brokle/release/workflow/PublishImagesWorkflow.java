package ai.brokle.release.workflow;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.git.RemotePush;
import java.util.ArrayList;
import java.util.List;

/** The {@code images} goal: the container images of a release tag's component (the {@code images} step of {@code perform}, on its own). */
public final class PublishImagesWorkflow {
    private final PerformOptions options;

    public PublishImagesWorkflow(PerformOptions options) {
        this.options = options;
    }

    public void execute() {
        try (GitRepository git = GitRepository.open(options.release().baseDirectory())) {
            List<String> problems = new ArrayList<>();
            ReleaseTarget target = ReleaseTarget.resolve(git, options.release(), options.tag(), false, problems);
            ImagePublication images = null;
            if (target != null && target.component().publish().images().isEmpty()) {
                problems.add("Component '" + target.component().name() + "' builds no container images: add images: [{repositories: [...],"
                        + " layers: [...]}] to it in .brokle-release.yml");
            } else if (target != null) {
                images = new ImagePublication(git, target, options.registryServers(), options.release().environment(),
                        PerformWorkflow.imageOutput(options), options.dryRun(), options.release().log());
                problems.addAll(images.prepare());
            }
            if (!problems.isEmpty()) {
                throw new ReleaseFailure("Cannot build and push the images (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                        + "); nothing was pushed", problems);
            }
            RemotePush remote = options.dryRun() ? null : PerformWorkflow.remote(git, target, options.release());
            PerformWorkflow.fetchRecord(remote, target.tag(), options.release().log());
            if (images.isDone()) {
                return;
            }
            if (options.dryRun()) {
                images.simulate(options.release().log());
            } else {
                images.execute();
                PerformWorkflow.pushRecord(remote, git, target.tag(), options.release().log());
            }
        }
    }
}
