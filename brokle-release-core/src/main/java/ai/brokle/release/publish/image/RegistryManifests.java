package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Credential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Manifests of one repository read and written as bytes, for moving a tag to an index that exists
 * (Jib's client reads manifests into its own templates, which drop annotations and so change the
 * digest). Authenticates as registries ask (OCI distribution): a bearer token from the realm a 401
 * names (with the user's credentials, when any), or basic authentication.
 */
final class RegistryManifests {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ACCEPT = String.join(", ", ImageIndex.MEDIA_TYPE, ImageIndex.MANIFEST_MEDIA_TYPE,
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A manifest as the registry holds it: its bytes, media type and digest (sha256 of the bytes). */
    record Manifest(byte[] bytes, String mediaType, String digest) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;
    private final String repository;
    private final Credential credential;
    private String authorization;

    /**
     * @param registry the registry's host (and port)
     * @param insecure reached over plain HTTP
     * @param credential the user's login for it, or null
     */
    RegistryManifests(String registry, boolean insecure, String repository, Credential credential) {
        this.base = (insecure ? "http://" : "https://") + registry + "/v2/" + repository + "/manifests/";
        this.repository = repository;
        this.credential = credential;
    }

    /** The manifest {@code reference} (a tag or digest) names, or empty when there is none. */
    Optional<Manifest> get(String reference) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + reference)).header("Accept", ACCEPT).GET(), "pull");
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new ReleaseError("GET " + repository + " manifest " + reference + " answered " + r.statusCode());
        }
        String type = r.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").strip();
        return Optional.of(new Manifest(r.body(), type, digest(r.body())));
    }

    /** Stores {@code manifest} under {@code tag}; the digest the registry gives it, checked to be the manifest's. */
    void put(String tag, Manifest manifest) {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + tag)).header("Content-Type", manifest.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes())), "pull,push");
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new ReleaseError("PUT " + repository + ":" + tag + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8).strip());
        }
        String stored = r.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
        if (!stored.equals(manifest.digest())) {
            throw new ReleaseError("The registry stored " + repository + ":" + tag + " as " + stored + ", not " + manifest.digest());
        }
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, String actions) {
        try {
            HttpResponse<byte[]> r = http.send(authorized(request.copy()), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 401) {
                authorization = challenge(r.headers().firstValue("WWW-Authenticate").orElse(""), actions);
                r = http.send(authorized(request.copy()), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 401 || r.statusCode() == 403) {
                    throw new ReleaseError("The registry refused " + (credential == null ? "anonymous access" : "the credentials") + " for "
                            + repository + " (" + r.statusCode() + ")");
                }
            }
            return r;
        } catch (IOException e) {
            throw new ReleaseError("Cannot reach the registry for " + repository + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseError("Interrupted talking to the registry for " + repository);
        }
    }

    private HttpRequest authorized(HttpRequest.Builder request) {
        request.timeout(TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private String basic() {
        return credential == null ? null : "Basic " + Base64.getEncoder().encodeToString((credential.getUsername() + ":"
                + credential.getPassword()).getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization value a 401's challenge calls for: a bearer token from its realm, or basic authentication. */
    private String challenge(String header, String actions) throws IOException, InterruptedException {
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (credential == null) {
                throw new ReleaseError("The registry asks for a login for " + repository + ", and none is configured");
            }
            return basic();
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new ReleaseError("The registry's challenge for " + repository + " names no realm");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?").append("scope=")
                .append(URLEncoder.encode("repository:" + repository + ":" + actions, StandardCharsets.UTF_8));
        if (params.containsKey("service")) {
            url.append("&service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder token = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT).GET();
        if (credential != null) {
            token.header("Authorization", basic());
        }
        HttpResponse<byte[]> r = http.send(token.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new ReleaseError("The registry's token service refused " + (credential == null ? "anonymous access" : "the credentials")
                    + " for " + repository + " (" + r.statusCode() + ")");
        }
        JsonNode body = JSON.readTree(r.body());
        String value = body.path("token").asText(body.path("access_token").asText(""));
        if (value.isEmpty()) {
            throw new ReleaseError("The registry's token service gave no token for " + repository);
        }
        return "Bearer " + value;
    }
}
