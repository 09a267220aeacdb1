package ai.brokle.release.plan;

import java.nio.file.Path;

/** The local journal of {@code prepare} and {@code rollback}: the steps done, kept in their {@link PrepareState}. */
public final class PrepareJournal implements Journal {
    private final PrepareState state;
    private final Path gitDirectory;

    public PrepareJournal(PrepareState state, Path gitDirectory) {
        this.state = state;
        this.gitDirectory = gitDirectory;
    }

    @Override
    public boolean has(String step) {
        return state.isDone(step);
    }

    @Override
    public void record(String step, String where) {
        if (!state.done.contains(step)) {
            state.done.add(step);
        }
        // a step recorded: no ref update of this run is in flight
        state.movingRefs = false;
        state.write(gitDirectory);
    }
}
