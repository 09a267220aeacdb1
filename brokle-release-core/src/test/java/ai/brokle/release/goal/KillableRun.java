package ai.brokle.release.goal;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.http.Retry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A goal run in a process of its own that the fault-injection suite kills at a chosen moment:
 * as it is about to log its {@code killAt}-th message (1 is the first; 0 never), the process halts at
 * once, as {@code kill -9} ends it: no finally block, no shutdown hook runs. Each step of a goal
 * logs what it did, so the messages mark the step boundaries. With {@code lockAt}, the lock files a
 * kill during a ref update leaves ({@code lockRefs}) appear as that message is logged, so that the
 * goal's next ref update finds them; the process then halts when the goal fails.
 *
 * <p>Arguments: goal (prepare, rollback, perform), directory, killAt, lockAt, lockRefs (comma-separated
 * names under .git, or -). The environment is the goal's environment. Prints {@code MESSAGES n},
 * the number of messages logged, when it ends of itself.
 */
public final class KillableRun {
    private KillableRun() {
    }

    public static void main(String[] args) {
        String goal = args[0];
        Path dir = Path.of(args[1]);
        int killAt = Integer.parseInt(args[2]);
        int lockAt = Integer.parseInt(args[3]);
        List<String> lockRefs = args[4].equals("-") ? List.of() : List.of(args[4].split(","));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int[] count = {0};
        ReleaseLog log = new ReleaseLog() {
            private void message(String level, String message) {
                count[0]++;
                if (count[0] == killAt) {
                    out.flush();
                    Runtime.getRuntime().halt(137);
                }
                if (count[0] == lockAt) {
                    lockRefs.forEach(ref -> plantLock(dir, ref));
                }
                out.println(level + " " + message);
            }

            @Override
            public void info(String message) {
                message("INFO", message);
            }

            @Override
            public void warn(String message) {
                message("WARN", message);
            }

            @Override
            public void debug(String message) {
            }
        };
        Map<String, String> env = System.getenv();
        ReleaseOptions release = ReleaseOptions.of(dir).withLog(log).withEnvironment(env);
        try {
            switch (goal) {
                case "prepare" -> new PrepareWorkflow(PrepareOptions.of(release)).execute();
                case "rollback" -> new RollbackWorkflow(RollbackOptions.of(release)).execute();
                case "perform" -> new PerformWorkflow(PerformOptions.of(release).withRetry(new Retry(2, Duration.ofMillis(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(5))), out).execute();
                default -> throw new IllegalArgumentException("unknown goal " + goal);
            }
        } catch (RuntimeException e) {
            out.println("FAILED " + e.getMessage());
            out.flush();
            // as a killed process would: nothing more happens
            Runtime.getRuntime().halt(lockAt > 0 ? 137 : 1);
        }
        out.println("MESSAGES " + count[0]);
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** A lock file as git leaves it beside {@code ref} when killed while updating it. */
    static void plantLock(Path dir, String ref) {
        Path lock = dir.resolve(".git").resolve(ref + ".lock");
        try {
            Files.createDirectories(lock.getParent());
            Files.writeString(lock, "0000000000000000000000000000000000000000\n");
            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
