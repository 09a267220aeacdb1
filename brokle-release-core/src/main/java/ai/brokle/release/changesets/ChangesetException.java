package ai.brokle.release.changesets;

import ai.brokle.release.ReleaseFailure;
import java.util.List;

/** Change files or their configuration are wrong; every problem names its file. */
public final class ChangesetException extends ReleaseFailure {
    private static final long serialVersionUID = 1L;

    public ChangesetException(String summary, List<String> problems) {
        super(summary, problems);
    }
}
