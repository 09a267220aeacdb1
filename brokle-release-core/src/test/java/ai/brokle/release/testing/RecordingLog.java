package ai.brokle.release.testing;

import ai.brokle.release.ReleaseLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the core logs at info and warn level, and apart from it what it logs at debug level, for assertions. */
public class RecordingLog implements ReleaseLog {
    private final List<String> lines = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();

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
        debug.add(message);
    }

    /** Every line at every level. */
    public String everything() {
        return String.join("\n", lines) + "\n" + String.join("\n", debug);
    }

    public List<String> lines() {
        return lines;
    }
}
