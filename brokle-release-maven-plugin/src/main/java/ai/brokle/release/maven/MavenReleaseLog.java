package ai.brokle.release.maven;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.credentials.Redactor;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's with every secret of the run hidden, at every level. Under
 * GitHub Actions with debug logging on ({@code RUNNER_DEBUG=1}), debug lines also go to the runner as
 * {@code ::debug::} commands, which it shows without Maven's {@code -X}.
 */
final class MavenReleaseLog implements ReleaseLog {
    private final Log log;
    private final Redactor redactor;
    private final PrintStream runnerDebug;

    MavenReleaseLog(Log log, Redactor redactor) {
        this(log, redactor, null);
    }

    /** @param runnerDebug where {@code ::debug::} commands go, or null when the runner's debug logging is off */
    MavenReleaseLog(Log log, Redactor redactor, PrintStream runnerDebug) {
        this.log = log;
        this.redactor = redactor;
        this.runnerDebug = runnerDebug;
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
        if (runnerDebug != null) {
            runnerDebug.println("::debug::" + redactor.redact(message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
        }
    }
}
