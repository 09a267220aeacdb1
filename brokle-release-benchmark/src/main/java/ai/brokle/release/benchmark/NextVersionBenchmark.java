package ai.brokle.release.benchmark;

import ai.brokle.release.config.ConfigLoader;
import ai.brokle.release.config.ReleaseConfig;
import ai.brokle.release.git.GitRepository;
import ai.brokle.release.planning.ComponentPlan;
import ai.brokle.release.planning.NextVersionPlanner;
import ai.brokle.release.version.VersionRequest;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the core call behind {@code next-version} (open the repository, read the configuration,
 * plan every component) and counts the commit messages it parses.
 *
 * <p>Usage: {@code NextVersionBenchmark REPO ITERATIONS}. Prints one line of figures.
 */
public final class NextVersionBenchmark {
    private NextVersionBenchmark() {
    }

    public static void main(String[] args) {
        Path repo = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        long[] nanos = new long[iterations];
        int parsed = 0;
        ComponentPlan plan = null;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            try (GitRepository git = GitRepository.open(repo)) {
                ReleaseConfig config = ConfigLoader.load(git.workTree());
                NextVersionPlanner planner = new NextVersionPlanner(git, config);
                plan = planner.plan(config.components(), VersionRequest.INFER).get(0);
                parsed = planner.commitsParsed();
            }
            nanos[i] = System.nanoTime() - start;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("core next-version: %s -> %s (%s bump), commits parsed %d, first call %.1f ms, median of %d %.1f ms, min %.1f ms%n",
                plan.currentTag(), plan.nextVersion(), plan.bump(), parsed, nanos[0] / 1e6, iterations,
                sorted[iterations / 2] / 1e6, sorted[0] / 1e6);
    }
}
