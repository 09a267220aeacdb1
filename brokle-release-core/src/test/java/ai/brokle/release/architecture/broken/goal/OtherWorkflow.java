package ai.brokle.release.architecture.broken.goal;

import ai.brokle.release.architecture.broken.capability.Capability;

/** A goal that composes a capability, as goals should. */
public final class OtherWorkflow {
    public void execute() {
        new Capability().run();
    }
}
