package ai.brokle.release.architecture.broken.goal;

/** A goal that runs another goal: what the architecture rules forbid. */
public final class OneWorkflow {
    public void execute() {
        new OtherWorkflow().execute();
    }
}
