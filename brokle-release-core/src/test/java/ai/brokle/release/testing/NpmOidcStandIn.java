package ai.brokle.release.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A local stand-in for both ends of npm Trusted Publishing, on 127.0.0.1: GitHub Actions' OIDC
 * token endpoint ({@code ACTIONS_ID_TOKEN_REQUEST_URL}) and the registry's token exchange
 * ({@code POST /-/npm/v1/oidc/token/exchange/package/<name>}), which answers with a token of the
 * real registry behind it (verdaccio); every other request goes through to that registry. The
 * requests the npm CLI makes are recorded.
 */
public final class NpmOidcStandIn implements AutoCloseable {
    /** One request as it came: method, path and query, the Authorization header. */
    public record Request(String method, String target, String authorization) {
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade");
    private final HttpServer server;
    private final URI upstream;
    private final String requestToken;
    private final String idToken;
    private final String registryToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Request> requests = new ArrayList<>();

    private NpmOidcStandIn(URI upstream, String requestToken, String idToken, String registryToken) throws IOException {
        this.upstream = upstream;
        this.requestToken = requestToken;
        this.idToken = idToken;
        this.registryToken = registryToken;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /**
     * @param upstream the registry publishes go to
     * @param requestToken what the job's ACTIONS_ID_TOKEN_REQUEST_TOKEN is
     * @param registryToken the upstream registry's token that a good exchange hands out
     */
    public static NpmOidcStandIn start(URI upstream, String requestToken, String registryToken) {
        try {
            return new NpmOidcStandIn(upstream, requestToken, "header.eyJyZXBvc2l0b3J5IjoiYnJva2xlLWFpL2Jyb2tsZS1qcyJ9.signature", registryToken);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address to give as ACTIONS_ID_TOKEN_REQUEST_URL. */
    public String idTokenUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/_apis/oidc/token?api-version=2.0";
    }

    /** The registry address npm publishes to (the exchange here, the rest passed on). */
    public String registry() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String idToken() {
        return idToken;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String target = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                requests.add(new Request(method, target, authorization));
            }
            if (target.startsWith("/_apis/oidc/token")) {
                boolean ok = ("Bearer " + requestToken).equals(authorization);
                send(exchange, ok ? 200 : 401, ok ? "{\"value\":\"" + idToken + "\"}" : "{\"message\":\"bad request token\"}");
            } else if (method.equals("POST") && target.startsWith("/-/npm/v1/oidc/token/exchange/package/")) {
                boolean ok = ("Bearer " + idToken).equals(authorization);
                send(exchange, ok ? 201 : 401, ok ? "{\"token\":\"" + registryToken + "\"}" : "{\"message\":\"bad id token\"}");
            } else {
                HttpRequest.Builder forward = HttpRequest.newBuilder(upstream.resolve(target.substring(1))).timeout(Duration.ofSeconds(60))
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().map().forEach((name, values) -> {
                    if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                        values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                    }
                });
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    exchange.getResponseBody().write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
