package ai.brokle.release.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real Changesets CLI ({@code @changesets/cli} from the npm registry), installed once per
 * machine under {@code ~/.cache/brokle-release/test-tools/} and run with the machine's Node.js, so
 * that tests compare this tool's files and versions with those of the tool its users know.
 * Version 2.x: the 3.x line needs Node.js 22, and the users' CI runs Node.js 20.
 */
public final class ChangesetsCli {
    public static final String VERSION = "2.31.1";
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static Path installed;

    private ChangesetsCli() {
    }

    /** The directory whose node_modules holds the CLI, installing it on first use. */
    public static synchronized Path home() {
        if (installed == null) {
            installed = NpmTool.install("changesets-cli-" + VERSION, "@changesets/cli/bin.js", "@changesets/cli@" + VERSION);
        }
        return installed;
    }

    /** Runs {@code changeset ARGS} in {@code dir}; fails the test when it exits non-zero. */
    public static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("node", home().resolve("node_modules/@changesets/cli/bin.js").toString()));
        command.addAll(List.of(args));
        NpmTool.Result r = exec(dir, RUN_TIMEOUT_SECONDS, command.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("changeset " + String.join(" ", args) + " failed in " + dir + " (exit " + r.exit() + "):\n" + r.output());
        }
        return r.output();
    }

    /** Runs a Node.js script in {@code dir} that can require the CLI's own packages (such as @changesets/write). */
    public static String node(Path dir, String script) {
        NpmTool.Result r = exec(dir, RUN_TIMEOUT_SECONDS, "env", "NODE_PATH=" + home().resolve("node_modules"), "node", "-e", script);
        if (r.exit() != 0) {
            throw new AssertionError("node script failed in " + dir + " (exit " + r.exit() + "):\n" + r.output());
        }
        return r.output();
    }

    private static NpmTool.Result exec(Path dir, long timeoutSeconds, String... command) {
        return NpmTool.exec(dir, timeoutSeconds, command);
    }
}
