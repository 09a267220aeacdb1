package ai.brokle.release.plan;

import ai.brokle.release.ReleaseLog;
import java.util.List;

/**
 * One step of a release, run by {@link Plan}. Before anything runs, the plan asks every step to
 * {@link #check()} itself; then, step by step, it asks its {@link #status} (checking the real
 * target where it can, the journal where the target cannot tell), and either leaves it (done),
 * {@link #simulate simulates} it (a dry run: say what it would do, change nothing) or
 * {@link #execute executes} it. A step never knows whether it runs in a dry run.
 */
public interface Step {
    /** A unique name, as the journal records it, e.g. {@code dispatch:brokle-ai/brokle:sdk-released}. */
    String name();

    /** What a skip names: the name up to its first colon ({@code dispatch}). */
    default String kind() {
        int colon = name().indexOf(':');
        return colon < 0 ? name() : name().substring(0, colon);
    }

    /** Where the step's effect goes, for the summary; empty when nowhere outside. */
    default String target() {
        return "";
    }

    /** Everything that would stop the step, found before any step runs; empty when it can run. */
    default List<Check> check() {
        return List.of();
    }

    /**
     * Whether the step's effect must never happen twice although it cannot be looked up (a
     * repository dispatch): the plan then claims it in the journal before it runs, and a run that
     * finds it claimed without an answer does not run it again.
     */
    default boolean atMostOnce() {
        return false;
    }

    /** For an {@link #atMostOnce} step: the command that sends its effect by hand, when it did not arrive. */
    default String byHand() {
        return "";
    }

    /** Whether the step's effect exists already; {@link Status#UNKNOWN} when that cannot be told without running it. */
    Status status(Journal journal);

    /** Tells what {@link #execute()} would do, changing nothing. */
    void simulate(ReleaseLog log);

    /** Does the step's work (a step whose status is UNKNOWN makes sure not to repeat an effect that exists). */
    Effect execute();
}
