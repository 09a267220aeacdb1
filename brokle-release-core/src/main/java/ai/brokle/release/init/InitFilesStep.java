package ai.brokle.release.init;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.plan.Check;
import ai.brokle.release.plan.Effect;
import ai.brokle.release.plan.Journal;
import ai.brokle.release.plan.Status;
import ai.brokle.release.plan.Step;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files {@code init} writes: never over a file that exists unless replacing was asked for;
 * done when every file already holds exactly what init would write; a dry run prints them.
 */
public final class InitFilesStep implements Step {
    private final Path root;
    private final Map<String, String> files;
    private final boolean replace;
    private final PrintStream stdout;
    private final ReleaseLog log;

    /**
     * @param files path (relative to {@code root}) → content
     * @param replace whether files that exist may be replaced ({@code brokle.force})
     * @param stdout where a dry run prints the files
     */
    public InitFilesStep(Path root, Map<String, String> files, boolean replace, PrintStream stdout, ReleaseLog log) {
        this.root = root;
        this.files = files;
        this.replace = replace;
        this.stdout = stdout;
        this.log = log;
    }

    @Override
    public String name() {
        return "init-files";
    }

    /** The paths that exist already. */
    public List<String> existing() {
        return files.keySet().stream().filter(p -> Files.exists(root.resolve(p))).toList();
    }

    @Override
    public List<Check> check() {
        return replace ? List.of() : existing().stream()
                .map(p -> Check.beforeRealRun(p + " exists; move it aside, or run again with -Dbrokle.force=true to replace it")).toList();
    }

    @Override
    public Status status(Journal journal) {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            try {
                if (!Files.isRegularFile(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                    return Status.TODO;
                }
            } catch (IOException e) {
                return Status.TODO;
            }
        }
        return Status.DONE;
    }

    @Override
    public void simulate(ReleaseLog out) {
        List<String> existing = existing();
        for (Map.Entry<String, String> file : files.entrySet()) {
            stdout.println("--- " + file.getKey() + (existing.contains(file.getKey()) ? " (exists; would be replaced with -Dbrokle.force=true)" : ""));
            stdout.print(file.getValue());
        }
    }

    @Override
    public Effect execute() {
        List<String> existing = existing();
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent() == null ? root : target.getParent());
                Files.writeString(target, file.getValue());
                log.info((existing.contains(file.getKey()) ? "Replaced " : "Wrote ") + file.getKey());
            } catch (IOException e) {
                throw new ReleaseError("Cannot write " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
        log.info("Next: read " + InitFiles.CONFIG + " (every key is commented), run the validate goal, commit the files.");
        return Effect.done(String.join(", ", files.keySet()));
    }
}
