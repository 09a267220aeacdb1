package ai.brokle.release.publish.pypi;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Trusted Publishing: in a GitHub Actions job with {@code id-token: write}, an OIDC token from
 * GitHub for the audience the index announces ({@code /_/oidc/audience}) is exchanged at the index
 * ({@code /_/oidc/mint-token}) for a short-lived upload token. No token appears in a message.
 */
public final class TrustedPublishing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustedPublishing() {
    }

    /** Whether the job can ask GitHub for an OIDC token. */
    public static boolean available(Map<String, String> env) {
        return notBlank(env.get("ACTIONS_ID_TOKEN_REQUEST_URL")) && notBlank(env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN"));
    }

    /** The index's own address for an upload endpoint: https://upload.pypi.org/legacy/ belongs to https://pypi.org. */
    public static URI indexBase(URI upload) {
        String host = upload.getHost().startsWith("upload.") ? upload.getHost().substring("upload.".length()) : upload.getHost();
        return URI.create(upload.getScheme() + "://" + host + (upload.getPort() < 0 ? "" : ":" + upload.getPort()));
    }

    /** A short-lived upload token minted for this job; empty outside a job that can ask for an OIDC token. */
    public static Optional<String> mint(Map<String, String> env, URI upload, Duration timeout) {
        if (!available(env)) {
            return Optional.empty();
        }
        URI base = indexBase(upload);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        String audience = json(http, HttpRequest.newBuilder(base.resolve("/_/oidc/audience")).timeout(timeout).GET().build(),
                "the index's Trusted Publishing audience (" + base + "/_/oidc/audience)").path("audience").asText("");
        String requestUrl = env.get("ACTIONS_ID_TOKEN_REQUEST_URL");
        URI oidcUri = URI.create(requestUrl + (requestUrl.contains("?") ? "&" : "?") + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8));
        String oidc = json(http, HttpRequest.newBuilder(oidcUri).timeout(timeout)
                .header("Authorization", "bearer " + env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN")).GET().build(),
                "an OIDC token from GitHub (does the job have permissions: id-token: write?)").path("value").asText("");
        String body = JSON.createObjectNode().put("token", oidc).toString();
        JsonNode minted = json(http, HttpRequest.newBuilder(base.resolve("/_/oidc/mint-token")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                "an upload token from the index (is this repository and workflow a trusted publisher of the project on " + base + "?)");
        String token = minted.path("token").asText("");
        if (token.isEmpty()) {
            throw new ReleaseFailure("Trusted Publishing: the index minted no token at " + base + "/_/oidc/mint-token");
        }
        return Optional.of(token);
    }

    private static JsonNode json(HttpClient http, HttpRequest request, String what) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                JsonNode body = parse(r.body());
                String message = body.path("message").asText(body.path("errors").toString());
                throw new ReleaseFailure("Trusted Publishing: cannot get " + what + ": answered " + r.statusCode()
                        + (message.isBlank() ? "" : " (" + message + ")"));
            }
            return parse(r.body());
        } catch (IOException e) {
            throw new ReleaseError("Trusted Publishing: cannot get " + what + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseError("Trusted Publishing was interrupted");
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
