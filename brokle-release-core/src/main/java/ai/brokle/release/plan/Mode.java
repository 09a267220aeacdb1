package ai.brokle.release.plan;

/** How a plan runs its steps: for real, or as a dry run that simulates each one and changes nothing. */
public enum Mode {
    EXECUTE,
    SIMULATE;

    /** The mode of a {@code brokle.dryRun} setting. */
    public static Mode of(boolean simulate) {
        return simulate ? SIMULATE : EXECUTE;
    }
}
