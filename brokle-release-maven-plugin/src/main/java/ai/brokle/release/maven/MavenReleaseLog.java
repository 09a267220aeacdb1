package ai.brokle.release.maven;

import ai.brokle.release.ReleaseLog;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's. */
final class MavenReleaseLog implements ReleaseLog {
    private final Log log;

    MavenReleaseLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
