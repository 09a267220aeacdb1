package ai.brokle.release.plan;

/**
 * Where a plan records the steps it completed, so that a re-run finds them: the local journal of
 * {@code prepare} and {@code rollback} ({@link PrepareState}, in {@code .git}) or the publication
 * record of a release tag, shared through the remote.
 */
public interface Journal {
    /** Whether {@code step} is recorded as completed. */
    boolean has(String step);

    /** Records {@code step} as completed, {@code where} saying what it changed. */
    void record(String step, String where);

    /**
     * Whether {@code step} was claimed ({@link #claim}) by a run that never recorded how it ended:
     * its effect may have gone out.
     */
    default boolean started(String step) {
        return false;
    }

    /**
     * Claims a step that must not take effect twice, before it goes out, where every run that could
     * send it sees the claim; false when another run has claimed or done it. An error when the
     * claim cannot be made visible: the step must then not run.
     */
    default boolean claim(String step, String where) {
        return true;
    }

    /** Records that a claimed step surely did not take effect, so that a later run may send it. */
    default void abandon(String step, String where) {
    }

    /** Reads what others recorded before the steps run (a dry run too). */
    default void open() {
    }

    /** Shares what this run recorded, after the steps ran or failed (never in a dry run). */
    default void close() {
    }

    /** A journal that keeps nothing, for a goal with no outside effect to remember. */
    Journal NONE = new Journal() {
        @Override
        public boolean has(String step) {
            return false;
        }

        @Override
        public void record(String step, String where) {
        }
    };
}
