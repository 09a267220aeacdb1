package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseLog;
import com.google.cloud.tools.jib.api.LogEvent;
import java.util.function.Consumer;

/**
 * Jib's log events in the release log: errors and warnings as warnings, everything else at debug
 * level, prefixed {@code [images]}. Jib's notes that it fell back to plain HTTP come only for
 * registries allowed to be insecure, so they are no warning.
 */
final class JibLog {
    private JibLog() {
    }

    static Consumer<LogEvent> to(ReleaseLog log) {
        return event -> {
            String message = event.getMessage();
            boolean failover = message.startsWith("Cannot verify server at ")
                    || (message.startsWith("Failed to connect to ") && message.contains(" over HTTPS"));
            if ((event.getLevel() == LogEvent.Level.ERROR || event.getLevel() == LogEvent.Level.WARN) && !failover) {
                log.warn("[images] " + message);
            } else if (!message.isBlank()) {
                log.debug("[images] " + message);
            }
        };
    }
}
