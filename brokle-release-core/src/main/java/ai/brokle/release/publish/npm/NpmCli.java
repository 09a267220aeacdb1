package ai.brokle.release.publish.npm;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The npm CLI (and pnpm), run with an argument list in a directory, found on the PATH of the goal's
 * environment. The token goes into the child's environment only ({@code BROKLE_NPM_TOKEN}, named by
 * a temporary {@code .npmrc}); GitHub Actions' OIDC variables are passed on as the goal was given
 * them; what the tool says is shown without the token or the OIDC request token.
 */
final class NpmCli {
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final Map<String, String> env;
    private final String token;
    private final String step;

    /**
     * @param step the step's name, for messages ({@code npm})
     * @param token the npm token, or null
     */
    NpmCli(Path directory, Map<String, String> env, String token, String step) {
        this.directory = directory;
        this.env = env;
        this.token = token;
        this.step = step;
    }

    /** A temporary .npmrc that gives the token (by the variable's name, never its value) to {@code registry}, or nothing when there is none. */
    Path userconfig(String registry) throws IOException {
        Path npmrc = Files.createTempFile("brokle-npmrc", "");
        URI uri = URI.create(registry);
        Files.writeString(npmrc, token == null ? "" : "//" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getPath()
                + ":_authToken=${BROKLE_NPM_TOKEN}\n", StandardCharsets.UTF_8);
        return npmrc;
    }

    /**
     * {@code name} as found on the PATH of this run's environment (the tools the goal was given), or
     * {@code name} itself for the JVM's own lookup when that environment names no PATH.
     */
    String executable(String name) {
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return name;
    }

    /**
     * Runs {@code command} (its first element a tool's name) with {@code extraEnv}; its standard
     * output, or null when it failed and need not succeed. A failure that must not happen is an
     * error with what the tool said.
     */
    String run(List<String> command, boolean mustSucceed, Map<String, String> extraEnv) {
        String tool = command.get(0);
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable(tool));
        String what = tool + " " + String.join(" ", command.subList(1, Math.min(3, command.size())));
        try {
            Path output = Files.createTempFile("brokle-npm", ".log");
            Path errors = Files.createTempFile("brokle-npm", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(resolved).directory(directory.toFile()).redirectOutput(output.toFile())
                        .redirectError(errors.toFile());
                if (token != null) {
                    builder.environment().put("BROKLE_NPM_TOKEN", token);
                }
                builder.environment().put("NO_UPDATE_NOTIFIER", "1");
                if (env.get("PATH") != null) {
                    builder.environment().put("PATH", env.get("PATH")); // pnpm runs node and npm from it
                }
                builder.environment().putAll(extraEnv);
                // npm reads GitHub Actions and its OIDC request from its environment: this run's, as the goal was given it
                for (String key : List.of("GITHUB_ACTIONS", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN")) {
                    if (env.get(key) != null) {
                        builder.environment().put(key, env.get(key));
                    } else {
                        builder.environment().remove(key);
                    }
                }
                Process p = builder.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ReleaseError("[" + step + "] " + what + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                String out = Files.readString(output, StandardCharsets.UTF_8);
                if (p.exitValue() != 0 && mustSucceed) {
                    String said = out + "\n" + Files.readString(errors, StandardCharsets.UTF_8);
                    throw new ReleaseError("[" + step + "] " + what + " failed (exit " + p.exitValue() + "): " + masked(said).strip());
                }
                return p.exitValue() == 0 ? out : null;
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new ReleaseError("[" + step + "] cannot run " + tool + " (" + e.getMessage() + "): install Node.js and " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseError("[" + step + "] interrupted");
        }
    }

    /** {@code npm view SPEC FIELD --json} on {@code registry}; a missing package, version or field is a missing node. */
    JsonNode view(String registry, String spec, String field) {
        String out = run(List.of("npm", "view", spec, field, "--json", "--registry", registry), false, Map.of());
        try {
            return out == null || out.isBlank() ? JSON.missingNode() : JSON.readTree(out);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** The tool's output without the npm token or the job's OIDC request token. */
    private String masked(String text) {
        String out = token == null ? text : text.replace(token, "***");
        String oidc = env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
        return oidc == null || oidc.isEmpty() ? out : out.replace(oidc, "***");
    }
}
