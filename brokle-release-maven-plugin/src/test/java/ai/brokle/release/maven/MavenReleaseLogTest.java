package ai.brokle.release.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.brokle.release.credentials.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class MavenReleaseLogTest {
    @Test
    void withTheRunnersDebugLoggingOnDebugLinesBecomeDebugCommandsWithSecretsHidden() {
        Redactor redactor = new Redactor();
        redactor.add("s3cr3t-token-value");
        ByteArrayOutputStream runner = new ByteArrayOutputStream();
        new MavenReleaseLog(new SystemStreamLog(), redactor, new PrintStream(runner, true, StandardCharsets.UTF_8))
                .debug("asked https://api.github.com with s3cr3t-token-value\nand 100% of it");
        assertEquals("::debug::asked https://api.github.com with ****%0Aand 100%25 of it\n", runner.toString(StandardCharsets.UTF_8));
    }
}
