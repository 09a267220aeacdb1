package ai.brokle.release.version;

/** Text that is not a SemVer 2.0.0 version; the message says why. */
public class InvalidVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidVersionException(String message) {
        super(message);
    }
}
