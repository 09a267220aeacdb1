package ai.brokle.release.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Changesets CLI ({@code @changesets/cli} from the npm registry), installed once per
 * machine under {@code ~/.cache/brokle-release/test-tools/} and run with the machine's Node.js, so
 * that tests compare this tool's files and versions with those of the tool its users know.
 * Version 2.x: the 3.x line needs Node.js 22, and the users' CI runs Node.js 20.
 */
public final class ChangesetsCli {
    public static final String VERSION = "2.31.1";
    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static Path installed;

    private ChangesetsCli() {
    }

    /** The directory whose node_modules holds the CLI, installing it on first use. */
    public static synchronized Path home() {
        if (installed != null) {
            return installed;
        }
        Path home = Path.of(System.getProperty("user.home"), ".cache", "brokle-release", "test-tools", "changesets-cli-" + VERSION);
        if (!Files.isRegularFile(home.resolve("node_modules/@changesets/cli/bin.js"))) {
            try {
                Files.createDirectories(home.getParent());
                Path staging = Files.createTempDirectory(home.getParent(), "changesets-cli-");
                Files.writeString(staging.resolve("package.json"), "{ \"private\": true }\n");
                Result r = exec(staging, INSTALL_TIMEOUT_SECONDS, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                        "@changesets/cli@" + VERSION);
                if (r.exit != 0) {
                    throw new IllegalStateException("npm install @changesets/cli@" + VERSION + " failed (exit " + r.exit + "): " + r.output
                            + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry");
                }
                try {
                    Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    if (!Files.isRegularFile(home.resolve("node_modules/@changesets/cli/bin.js"))) {
                        throw raced;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot install @changesets/cli under " + home + ": " + e.getMessage()
                        + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry", e);
            }
        }
        installed = home;
        return home;
    }

    /** Runs {@code changeset ARGS} in {@code dir}; fails the test when it exits non-zero. */
    public static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("node", home().resolve("node_modules/@changesets/cli/bin.js").toString()));
        command.addAll(List.of(args));
        Result r = exec(dir, RUN_TIMEOUT_SECONDS, command.toArray(String[]::new));
        if (r.exit != 0) {
            throw new AssertionError("changeset " + String.join(" ", args) + " failed in " + dir + " (exit " + r.exit + "):\n" + r.output);
        }
        return r.output;
    }

    /** Runs a Node.js script in {@code dir} that can require the CLI's own packages (such as @changesets/write). */
    public static String node(Path dir, String script) {
        Result r = exec(dir, RUN_TIMEOUT_SECONDS, "env", "NODE_PATH=" + home().resolve("node_modules"), "node", "-e", script);
        if (r.exit != 0) {
            throw new AssertionError("node script failed in " + dir + " (exit " + r.exit + "):\n" + r.output);
        }
        return r.output;
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(Path dir, long timeoutSeconds, String... command) {
        try {
            Path log = Files.createTempFile("changesets-cli", ".log");
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
