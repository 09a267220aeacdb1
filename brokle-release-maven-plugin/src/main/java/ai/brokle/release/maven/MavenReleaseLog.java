package ai.brokle.release.maven;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.credentials.Redactor;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's with every secret of the run hidden, at every level. */
final class MavenReleaseLog implements ReleaseLog {
    private final Log log;
    private final Redactor redactor;

    MavenReleaseLog(Log log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void info(String message) {
        log.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.redact(message));
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(redactor.redact(message));
        }
    }
}
