package ai.brokle.release.plan;

import ai.brokle.release.ReleaseLog;

/**
 * One step of a release. The engine asks whether its effect is already there (checking the real
 * target, not only the journal), then either simulates it (a dry run: say what it would do,
 * change nothing) or executes it. A step never tests for a dry run itself.
 */
public interface Step {
    /** A short name, as the journal records it and {@code brokle.skip} would name it. */
    String name();

    /** Whether the step's effect already exists, so that a re-run does nothing twice. */
    boolean isDone();

    /** Tells what {@link #execute()} would do, changing nothing. */
    void simulate(ReleaseLog log);

    void execute();
}
