package ai.brokle.release;

/**
 * A request that must not be repeated (a repository dispatch) went out and its answer was lost or
 * was a server error: whether it took effect cannot be told. It is not sent again; the message says
 * so and how to send it by hand when it did not arrive.
 */
public class UnknownOutcome extends ReleaseError {
    private static final long serialVersionUID = 1L;

    public UnknownOutcome(String message) {
        super(message);
    }
}
