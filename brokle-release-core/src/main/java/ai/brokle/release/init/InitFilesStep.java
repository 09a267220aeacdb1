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
 * The files {@code init} writes. A file that exists with other content is never overwritten unless
 * replacing was asked for: the new one is written beside it as {@code <file>.proposed} (which
 * GitHub Actions does not run), to compare and move over. Done when every file, or its proposal,
 * already holds exactly what init would write; a dry run prints them.
 */
public final class InitFilesStep implements Step {
    /** What a proposal beside an existing file is called. */
    public static final String PROPOSED = ".proposed";

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

    /** The paths that exist already with other content than init's. */
    public List<String> differing() {
        return files.entrySet().stream().filter(f -> Files.exists(root.resolve(f.getKey())) && !holds(f.getKey(), f.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** Where a file goes: over it when it is new or replacing was asked for, else beside it. */
    private String target(String path, List<String> differing) {
        return differing.contains(path) && !replace ? path + PROPOSED : path;
    }

    @Override
    public List<Check> check() {
        return List.of();
    }

    @Override
    public Status status(Journal journal) {
        List<String> differing = differing();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!holds(target(file.getKey(), differing), file.getValue())) {
                return Status.TODO;
            }
        }
        return Status.DONE;
    }

    private boolean holds(String path, String content) {
        Path target = root.resolve(path);
        try {
            return Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(content);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void simulate(ReleaseLog out) {
        List<String> differing = differing();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String target = target(file.getKey(), differing);
            stdout.println("--- " + target + (!target.equals(file.getKey()) ? " (" + file.getKey() + " exists and is kept; -Dbrokle.force=true would replace it)"
                    : differing.contains(file.getKey()) ? " (replaces the existing file)" : ""));
            stdout.print(file.getValue());
        }
    }

    @Override
    public Effect execute() {
        List<String> differing = differing();
        List<String> written = new java.util.ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String target = target(file.getKey(), differing);
            if (holds(target, file.getValue())) {
                log.info(target + " holds what init writes already");
                continue;
            }
            try {
                Path path = root.resolve(target);
                Files.createDirectories(path.getParent() == null ? root : path.getParent());
                Files.writeString(path, file.getValue());
                written.add(target);
            } catch (IOException e) {
                throw new ReleaseError("Cannot write " + target + ": " + e.getMessage(), e);
            }
            if (!target.equals(file.getKey())) {
                log.info("Kept " + file.getKey() + " as it is; wrote " + target + " beside it: compare them (diff " + file.getKey() + " " + target
                        + "), then move it over, or run init again with -Dbrokle.force=true");
            } else {
                log.info((differing.contains(file.getKey()) ? "Replaced " : "Wrote ") + file.getKey());
            }
        }
        log.info("Next: read " + InitFiles.CONFIG + " (every key is commented), run the validate goal, commit the files.");
        return Effect.done(String.join(", ", written));
    }
}
