package ai.brokle.release;

/**
 * Base of the two kinds of exception the core throws. The Maven plugin maps {@link ReleaseFailure}
 * to a build failure and {@link ReleaseError} to a build error, in one place.
 */
public abstract class ReleaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ReleaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
