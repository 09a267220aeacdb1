package ai.brokle.release;

/**
 * The environment let the release down: I/O, a repository that cannot be read, a network failure.
 * Messages never contain secrets.
 */
public class ReleaseError extends ReleaseException {
    private static final long serialVersionUID = 1L;

    public ReleaseError(String message, Throwable cause) {
        super(message, cause);
    }

    public ReleaseError(String message) {
        super(message, null);
    }
}
