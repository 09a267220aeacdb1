package ai.brokle.release.init;

import ai.brokle.release.ReleaseLog;
import ai.brokle.release.goal.InitOptions;
import ai.brokle.release.goal.InitWorkflow;
import ai.brokle.release.goal.ReleaseOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** init as the init tests run it: a released plugin version, the dry-run printout discarded. */
final class InitRun {
    static final String PLUGIN = "ai.brokle:brokle-release-maven-plugin:0.1.0";

    private InitRun() {
    }

    /** Runs init in {@code dir} (replacing existing files when {@code force}); returns the files it wrote or proposed. */
    static Map<String, String> run(Path dir, boolean force, ReleaseLog log) {
        return new InitWorkflow(new InitOptions(ReleaseOptions.of(dir).withLog(log), PLUGIN, force, false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
    }
}
