package ai.brokle.release.plan;

/**
 * A step whose effect lies in the local repository or its remote's refs, where whether it is done
 * is a plain yes or no read from the real refs and files, and which completes or fails (never only
 * warns): the steps of {@code prepare} and {@code rollback}.
 */
public abstract class LocalStep implements Step {
    /** Whether the effect is there, read from the repository itself. */
    protected abstract boolean isDone();

    /** Makes the effect. */
    protected abstract void apply();

    @Override
    public final Status status(Journal journal) {
        return isDone() ? Status.DONE : Status.TODO;
    }

    @Override
    public final Effect execute() {
        apply();
        return Effect.done(target());
    }
}
