package ai.brokle.release.publish.github;

import ai.brokle.release.ReleaseError;

/** GitHub refused or failed a request; the message names the request and GitHub's answer, never the token. */
public final class GitHubException extends ReleaseError {
    private static final long serialVersionUID = 1L;
    private final int status;

    public GitHubException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
