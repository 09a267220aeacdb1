package ai.brokle.release.github;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub REST API calls a release makes, over the JDK's HTTP client: releases and their
 * assets, and repository dispatches. Rate limits (403 or 429 with GitHub's rate-limit headers) and
 * server errors are retried with backoff that honours {@code Retry-After}, within a bound of
 * attempts and of waiting; lost connections and timeouts are retried too, and a create that may
 * have gone through is looked up before it is sent again. The token is sent in a header and never
 * appears in a message.
 */
public final class GitHubClient {
    public static final URI DEFAULT_API = URI.create("https://api.github.com");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 50;

    /**
     * How hard to try.
     *
     * @param attempts the most attempts of one request
     * @param firstBackoff the wait after the first failure, doubled after each further one
     * @param maxWait the longest single wait; a rate limit that asks for longer fails at once, saying until when
     * @param timeout the longest one request may take
     */
    public record Retry(int attempts, Duration firstBackoff, Duration maxWait, Duration timeout) {
        public static final Retry DEFAULT = new Retry(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60));

        /** After a failed attempt: fails when it was the last, otherwise says so and waits. */
        public void pause(String what, String why, int attempt, Duration wait, Sleeper sleeper, ReleaseLog log) {
            if (attempt >= attempts) {
                throw new ReleaseError(what + " failed after " + attempt + " attempts; the last: " + why);
            }
            log.warn(what + ": " + why + "; attempt " + (attempt + 1) + " of " + attempts + " in " + wait.toMillis() + " ms");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseError(what + " was interrupted");
            }
        }
    }

    /** Waits between attempts; tests replace it so that they need not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A response: its status, its JSON body (a missing node when empty or not JSON) and its headers. */
    public record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private final URI api;
    private final String token;
    private final Retry retry;
    private final Sleeper sleeper;
    private final ReleaseLog log;
    private final HttpClient http;

    public GitHubClient(URI api, String token, Retry retry, Sleeper sleeper, ReleaseLog log) {
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.retry = retry;
        this.sleeper = sleeper;
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(retry.timeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public GitHubClient(URI api, String token, ReleaseLog log) {
        this(api, token, Retry.DEFAULT, d -> Thread.sleep(d.toMillis()), log);
    }

    /** The release whose tag is {@code tag}, drafts included (which the by-tag endpoint does not return). */
    public Optional<JsonNode> findRelease(String repository, String tag) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            Response r = call("GET", path(repository, "releases") + "?per_page=100&page=" + page, null, null, 200);
            if (!r.body().isArray() || r.body().isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode release : r.body()) {
                if (tag.equals(release.path("tag_name").asText())) {
                    return Optional.of(release);
                }
            }
        }
        return Optional.empty();
    }

    /** Creates a release; when GitHub says one exists for the tag (a create that went through before), returns that one. */
    public JsonNode createRelease(String repository, ObjectNode release) {
        String tag = release.path("tag_name").asText();
        Optional<JsonNode> existing = findRelease(repository, tag);
        if (existing.isPresent()) {
            return existing.get();
        }
        Response r = call("POST", path(repository, "releases"), json(release), "application/json", 201, 422);
        if (r.status() == 422) {
            return findRelease(repository, tag).orElseThrow(() -> new GitHubException("POST " + path(repository, "releases") + " was refused"
                    + " (422): " + message(r), 422));
        }
        return r.body();
    }

    public JsonNode updateRelease(String repository, long id, ObjectNode changes) {
        return call("PATCH", path(repository, "releases/" + id), json(changes), "application/json", 200).body();
    }

    public List<JsonNode> assets(String repository, long releaseId) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Response r = call("GET", path(repository, "releases/" + releaseId + "/assets") + "?per_page=100&page=" + page, null, null, 200);
            if (!r.body().isArray() || r.body().isEmpty()) {
                break;
            }
            r.body().forEach(all::add);
            if (r.body().size() < 100) {
                break;
            }
        }
        return all;
    }

    public void deleteAsset(String repository, long assetId) {
        call("DELETE", path(repository, "releases/assets/" + assetId), null, null, 204, 404);
    }

    /** Uploads an asset to the release's {@code upload_url} (a URI template such as {@code .../assets{?name,label}}). */
    public JsonNode uploadAsset(String uploadUrl, String name, byte[] content) {
        String base = uploadUrl.replaceAll("\\{[^}]*}$", "");
        return call("POST", base + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), content, "application/octet-stream", 201).body();
    }

    /** The open pull request from {@code branch} of the repository's owner, if any. */
    public Optional<JsonNode> findPullRequest(String repository, String branch) {
        String owner = repository.substring(0, repository.indexOf('/'));
        Response r = call("GET", path(repository, "pulls") + "?state=open&head=" + URLEncoder.encode(owner + ":" + branch, StandardCharsets.UTF_8),
                null, null, 200);
        return r.body().isArray() && !r.body().isEmpty() ? Optional.of(r.body().get(0)) : Optional.empty();
    }

    public JsonNode createPullRequest(String repository, ObjectNode pull) {
        return call("POST", path(repository, "pulls"), json(pull), "application/json", 201).body();
    }

    public JsonNode updatePullRequest(String repository, long number, ObjectNode changes) {
        return call("PATCH", path(repository, "pulls/" + number), json(changes), "application/json", 200).body();
    }

    /** Sends a {@code repository_dispatch} event. */
    public void dispatch(String repository, String eventType, JsonNode clientPayload) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_type", eventType);
        body.set("client_payload", clientPayload);
        call("POST", path(repository, "dispatches"), json(body), "application/json", 204);
    }

    /** Sends one request with retries; a status not in {@code accepted} fails with GitHub's message. */
    public Response call(String method, String pathOrUrl, byte[] body, String contentType, int... accepted) {
        URI uri = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl) : api.resolve(pathOrUrl);
        String what = method + " " + uri.getPath();
        Duration backoff = retry.firstBackoff();
        for (int attempt = 1;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(retry.timeout())
                    .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "brokle-release");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            Duration wait;
            String why;
            try {
                HttpResponse<byte[]> raw = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                Response response = new Response(raw.statusCode(), parse(raw.body()), raw);
                for (int ok : accepted) {
                    if (raw.statusCode() == ok) {
                        return response;
                    }
                }
                Optional<Duration> limited = rateLimitWait(response);
                if (limited.isPresent()) {
                    wait = limited.get();
                    why = "rate limited (" + raw.statusCode() + ")";
                    if (wait.compareTo(retry.maxWait()) > 0) {
                        throw new GitHubException(what + " is rate limited for " + wait.toSeconds() + " s more, longer than the "
                                + retry.maxWait().toSeconds() + " s this run waits: run it again later", raw.statusCode());
                    }
                } else if (raw.statusCode() >= 500) {
                    wait = backoff;
                    why = "server error " + raw.statusCode();
                } else {
                    throw failure(what, response);
                }
            } catch (IOException e) {
                wait = backoff;
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseError(what + " was interrupted");
            }
            if (attempt >= retry.attempts()) {
                throw new GitHubException(what + " failed after " + attempt + " attempts; the last: " + why, 0);
            }
            retry.pause(what, why, attempt, wait, sleeper, log);
            backoff = backoff.multipliedBy(2);
        }
    }

    /** How long GitHub asks to wait, when the response is a rate limit (secondary limits send Retry-After, primary ones a reset time). */
    private static Optional<Duration> rateLimitWait(Response r) {
        if (r.status() != 403 && r.status() != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = r.header("Retry-After");
        if (retryAfter.isPresent()) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.get().trim())));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(60));
            }
        }
        if (r.header("X-RateLimit-Remaining").map("0"::equals).orElse(false)) {
            long reset = r.header("X-RateLimit-Reset").map(Long::parseLong).orElse(Instant.now().getEpochSecond() + 60);
            return Optional.of(Duration.ofSeconds(Math.max(1, reset - Instant.now().getEpochSecond())));
        }
        if (r.status() == 429) {
            return Optional.of(Duration.ofSeconds(60));
        }
        return Optional.empty();
    }

    private GitHubException failure(String what, Response r) {
        String advice = switch (r.status()) {
            case 401 -> ": the token was refused; set GITHUB_TOKEN (or GH_TOKEN), or a settings.xml server with brokle.githubServerId";
            case 403 -> ": the token lacks a permission (contents: write for releases and dispatches)";
            case 404 -> ": not found, or the token cannot see the repository";
            default -> "";
        };
        return new GitHubException(what + " answered " + r.status() + " (" + message(r) + ")" + advice, r.status());
    }

    private static String message(Response r) {
        JsonNode m = r.body().path("message");
        String text = m.isTextual() ? m.asText() : "no message";
        JsonNode errors = r.body().path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> codes = new ArrayList<>();
            errors.forEach(e -> codes.add(e.path("code").asText(e.toString())));
            text += ": " + String.join(", ", codes);
        }
        return text;
    }

    private static String path(String repository, String rest) {
        return "repos/" + repository + "/" + rest;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new ReleaseError("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
