package ai.brokle.release.testing;

import ai.brokle.release.ReleaseLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the core logs at info and warn level, for assertions. */
public final class RecordingLog implements ReleaseLog {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
    }

    @Override
    public void debug(String message) {
    }

    public List<String> lines() {
        return lines;
    }
}
