package ai.brokle.release.plan;

/** Whether a step's effect exists. */
public enum Status {
    /** The effect exists: the step is left alone. */
    DONE,
    /** The effect does not exist: the step runs. */
    TODO,
    /**
     * Cannot be told before the step runs (a dry run without the credentials to ask, or an image
     * whose digest is known only once it is built): the step runs, and its execution itself leaves
     * alone what exists already.
     */
    UNKNOWN
}
