package ai.brokle.release.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real npm registry for tests: verdaccio from the npm registry, installed once per machine under
 * {@code ~/.cache/brokle-release/test-tools/} (with the {@code node-fetch} override it needs here),
 * started on a free port of 127.0.0.1 with its own storage, with a fresh user and token.
 */
public final class Verdaccio implements AutoCloseable {
    public static final String VERSION = "6.8.0";
    private static final long INSTALL_TIMEOUT_SECONDS = 600;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final Process process;
    private final int port;
    private final String token;

    private Verdaccio(Process process, int port, String token) {
        this.process = process;
        this.port = port;
        this.token = token;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** What {@code npm view SPEC FIELD --json} says of this registry; JSON null when it has no such package, version or field. */
    public com.fasterxml.jackson.databind.JsonNode view(String spec, String field) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("npm", "view", spec, field, "--json", "--registry", url().toString()).redirectError(
                ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.isBlank() ? "null" : out);
    }

    /** A publish token of a user made for this run. */
    public String token() {
        return token;
    }

    private static synchronized Path home() {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "brokle-release", "test-tools", "verdaccio-" + VERSION);
        Path bin = home.resolve("node_modules/verdaccio/bin/verdaccio");
        if (Files.isRegularFile(bin)) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "verdaccio-");
            Files.writeString(staging.resolve("package.json"), "{ \"private\": true, \"dependencies\": { \"verdaccio\": \"" + VERSION + "\" },"
                    + " \"overrides\": { \"node-fetch\": \"2.7.0\" } }\n");
            Process p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error").directory(staging.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("npm install verdaccio@" + VERSION + " failed: " + out
                        + "\nThese tests need Node.js and npm (apt-get install nodejs npm) and the npm registry");
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(bin)) {
                    throw raced;
                }
            }
            return home;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot install verdaccio (these tests need Node.js and npm: apt-get install nodejs npm): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a registry whose storage lives under {@code dir}. */
    public static Verdaccio start(Path dir) {
        Path home = home();
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(dir.resolve("storage"));
            Files.writeString(dir.resolve("config.yaml"), "storage: " + dir.resolve("storage") + "\nauth:\n  htpasswd:\n    file: "
                    + dir.resolve("htpasswd") + "\n    max_users: 100\nuplinks: {}\npackages:\n  '**':\n    access: $all\n    publish: $authenticated\n"
                    + "    unpublish: $authenticated\nlogs: { type: stdout, format: pretty, level: warn }\n");
            Process process = new ProcessBuilder("node", home.resolve("node_modules/verdaccio/bin/verdaccio").toString(), "--config",
                    dir.resolve("config.yaml").toString(), "--listen", "127.0.0.1:" + port).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("verdaccio.log").toFile()).start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (true) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ping"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("verdaccio did not start on 127.0.0.1:" + port + ": " + Files.readString(dir.resolve("verdaccio.log")));
                }
                Thread.sleep(200);
            }
            String user = "ci" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/user/org.couchdb.user:" + user))
                    .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + user + "\",\"password\":\"pw-" + user + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = TOKEN.matcher(created.body());
            if (!m.find()) {
                process.destroyForcibly();
                throw new IllegalStateException("verdaccio gave no token for a new user: " + created.statusCode() + " " + created.body());
            }
            return new Verdaccio(process, port, m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
