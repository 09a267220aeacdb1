package ai.brokle.release.benchmark;

import ai.brokle.release.goal.ChangelogOptions;
import ai.brokle.release.goal.ChangelogWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Times the core call behind {@code changelog}: a whole changelog regenerated from every release
 * tag ({@code full}), or the section of the latest tag to HEAD ({@code range}).
 *
 * <p>Usage: {@code ChangelogBenchmark REPO full|range ITERATIONS}. Prints one line of figures.
 */
public final class ChangelogBenchmark {
    private ChangelogBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path repo = Path.of(args[0]);
        boolean full = args[1].equals("full");
        int iterations = Integer.parseInt(args[2]);
        Path output = Files.createTempFile("brokle-changelog", ".md");
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        long[] nanos = new long[iterations];
        int length = 0;
        for (int i = 0; i < iterations; i++) {
            Files.deleteIfExists(output);
            long start = System.nanoTime();
            ChangelogOptions options = ChangelogOptions.of(ReleaseOptions.of(repo).withEnvironment(Map.of("SOURCE_DATE_EPOCH", "1736942400")),
                    discard).withFull(full).withOutput(full ? output : null);
            length = new ChangelogWorkflow(options).execute().length();
            nanos[i] = System.nanoTime() - start;
        }
        Files.deleteIfExists(output);
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("core changelog %s: %,d characters, first call %.1f ms, median of %d %.1f ms, min %.1f ms%n",
                full ? "full regeneration" : "latest range", length, nanos[0] / 1e6, iterations, sorted[iterations / 2] / 1e6, sorted[0] / 1e6);
    }
}
