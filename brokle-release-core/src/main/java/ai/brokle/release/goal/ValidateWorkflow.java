package ai.brokle.release.goal;

import ai.brokle.release.git.GitRepository;

/**
 * The {@code validate} goal: checks that a release could start now, and reports every problem
 * in one failure, each naming the file or setting to fix and how.
 */
public final class ValidateWorkflow {
    private final ReleaseOptions options;

    public ValidateWorkflow(ReleaseOptions options) {
        this.options = options;
    }

    public void execute() {
        ReleaseChecks.Checked checked;
        try (GitRepository git = GitRepository.open(options.baseDirectory())) {
            checked = new ReleaseChecks(options).check(git);
        }
        if (!checked.problems().isEmpty()) {
            throw checked.failure("Release validation failed with " + checked.problems().size() + " problem"
                    + (checked.problems().size() == 1 ? "" : "s"), checked.problems());
        }
        options.log().info("Release validation passed");
    }
}
