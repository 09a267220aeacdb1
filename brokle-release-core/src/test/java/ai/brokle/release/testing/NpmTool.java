package ai.brokle.release.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A reference tool from the npm registry (the Changesets CLI, conventional-commits-parser), installed
 * once per machine under {@code ~/.cache/brokle-release/test-tools/<name>} and run with the machine's
 * Node.js, so that tests compare this project's answers with those of the tools its users know.
 */
public final class NpmTool {
    private static final long INSTALL_TIMEOUT_SECONDS = 300;

    private NpmTool() {
    }

    /** What a command printed (standard output and error together) and its exit code. */
    public record Result(int exit, String output) {
    }

    /**
     * The directory whose node_modules holds {@code packages} (name@version each), installing them
     * on first use; {@code marker} is a file under node_modules that exists once they are installed.
     */
    public static Path install(String name, String marker, String... packages) {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "brokle-release", "test-tools", name);
        if (Files.isRegularFile(home.resolve("node_modules").resolve(marker))) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), name + "-");
            Files.writeString(staging.resolve("package.json"), "{ \"private\": true }\n");
            String[] command = new String[5 + packages.length];
            command[0] = "npm";
            command[1] = "install";
            command[2] = "--no-audit";
            command[3] = "--no-fund";
            command[4] = "--loglevel=error";
            System.arraycopy(packages, 0, command, 5, packages.length);
            Result r = exec(staging, INSTALL_TIMEOUT_SECONDS, command);
            if (r.exit() != 0) {
                throw new IllegalStateException("npm install " + String.join(" ", packages) + " failed (exit " + r.exit() + "): " + r.output()
                        + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry");
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve("node_modules").resolve(marker))) {
                    throw raced;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot install " + String.join(" ", packages) + " under " + home + ": " + e.getMessage()
                    + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry", e);
        }
        return home;
    }

    /** Runs {@code command} in {@code dir}, at most {@code timeoutSeconds}. */
    public static Result exec(Path dir, long timeoutSeconds, String... command) {
        try {
            Path log = Files.createTempFile("npm-tool", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("CI", "true");
                builder.environment().put("NO_COLOR", "1");
                Process p = builder.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0] + " (" + e.getMessage() + "); these tests need Node.js and npm:"
                    + " apt-get install nodejs npm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
