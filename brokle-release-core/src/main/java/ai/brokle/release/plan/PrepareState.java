package ai.brokle.release.plan;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code prepare} did, kept in {@code .git/brokle-release/prepare.json} (never in the work
 * tree): the branch and the commit it started from, the release commit, its tags, the files it
 * changed and the steps completed. A re-run resumes from it; {@code rollback} undoes it, recording
 * its own progress here until it is complete and the file is deleted.
 */
public final class PrepareState {
    public static final String FILE = "brokle-release/prepare.json";
    /** The steps of prepare, as the journal names them. */
    public static final String COMMIT_STEP = "commit-and-tag";
    public static final String WORK_TREE_STEP = "work-tree";
    public static final String PUSH_STEP = "push";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public String branch;
    public String remote;
    public String base;
    public String commit;
    /** Tag name → tag object id. */
    public Map<String, String> tags = new LinkedHashMap<>();
    /** Component name → version released. */
    public Map<String, String> versions = new LinkedHashMap<>();
    public List<String> paths = new ArrayList<>();
    public List<String> done = new ArrayList<>();
    /** Set once a rollback has begun: {@code reset} (nothing was pushed) or {@code revert} (the release was pushed). */
    public String rollback;
    /** The commit that reverts the release, once a {@code revert} rollback has written it. */
    public String revert;

    /** Set while a step moves refs: a run that ended then may have left git's lock files, which the next run may remove. */
    public boolean movingRefs;

    /**
     * Runs {@code move} (an update of refs) with {@link #movingRefs} recorded on disk first, so that
     * a run killed during it is recognised by the next; the flag is cleared in memory afterwards and
     * reaches the disk with the step's record.
     */
    public void movingRefs(Path gitDirectory, Runnable move) {
        movingRefs = true;
        write(gitDirectory);
        move.run();
        movingRefs = false;
    }

    public boolean isDone(String step) {
        return done.contains(step);
    }

    public static Optional<PrepareState> read(Path gitDirectory) {
        Path file = gitDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), PrepareState.class));
        } catch (IOException e) {
            throw new ReleaseError("Cannot read the release state " + file + " (" + e.getMessage() + "); delete it if no release is under way");
        }
    }

    /** Writes the state atomically: a crash leaves the old state or the new one, never half of one. */
    public void write(Path gitDirectory) {
        Path file = gitDirectory.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "prepare", ".tmp");
            JSON.writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReleaseError("Cannot write the release state " + file + ": " + e.getMessage(), e);
        }
    }

    public static void delete(Path gitDirectory) {
        try {
            Files.deleteIfExists(gitDirectory.resolve(FILE));
        } catch (IOException e) {
            throw new ReleaseError("Cannot delete the release state " + gitDirectory.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
