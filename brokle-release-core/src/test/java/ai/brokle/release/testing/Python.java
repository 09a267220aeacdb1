package ai.brokle.release.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The machine's python3, as the oracle for what Python packaging makes of versions and files. */
public final class Python {
    private static final long TIMEOUT_SECONDS = 120;

    private Python() {
    }

    /** Runs {@code script} with python3 and returns what it printed; fails the test when it fails. */
    public static String run(String script) {
        try {
            Process p = new ProcessBuilder("python3", "-").redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("python3 failed (these tests need python3: apt-get install python3):\n" + out.toString(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("these tests need python3 (apt-get install python3)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
