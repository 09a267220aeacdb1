package ai.brokle.release;

/** Where the core reports progress; the Maven plugin adapts its own log to it. */
public interface ReleaseLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything, for callers that only want results. */
    ReleaseLog SILENT = new ReleaseLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
