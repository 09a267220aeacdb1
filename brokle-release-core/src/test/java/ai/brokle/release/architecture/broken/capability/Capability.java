package ai.brokle.release.architecture.broken.capability;

import ai.brokle.release.architecture.broken.goal.OneWorkflow;

/** A capability that reaches back into a goal: a forbidden use and a package cycle at once. */
public final class Capability {
    public void run() {
    }

    public void runGoal() {
        new OneWorkflow().execute();
    }
}
