package ai.brokle.release.publish.github;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.http.HttpAttempts;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /** A response: its status, its JSON body (a missing node when empty or not JSON) and its headers. */
    public record Response(int status, JsonNode body, HttpResponse<byte[]> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    private final URI api;
    private final String token;
    private final HttpAttempts http;

    public GitHubClient(URI api, String token, Retry retry, Sleeper sleeper, ReleaseLog log) {
        this.api = URI.create(api.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        this.http = new HttpAttempts(retry, sleeper, log, GitHubException::new);
    }

    public GitHubClient(URI api, String token, ReleaseLog log) {
        this(api, token, Retry.DEFAULT, Sleeper.REAL, log);
    }

    /** The release whose tag is {@code tag}, drafts included (which the by-tag endpoint does not return). */
    public Optional<GitHubRelease> findRelease(String repository, String tag) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            Response r = call("GET", path(repository, "releases") + "?per_page=100&page=" + page, null, null, 200);
            if (!r.body().isArray() || r.body().isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode release : r.body()) {
                if (tag.equals(release.path("tag_name").asText())) {
                    return Optional.of(GitHubRelease.of(release));
                }
            }
        }
        return Optional.empty();
    }

    /** Every release of the repository, drafts included, newest first as GitHub lists them. */
    public List<GitHubRelease> releases(String repository) {
        List<GitHubRelease> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Response r = call("GET", path(repository, "releases") + "?per_page=100&page=" + page, null, null, 200);
            if (!r.body().isArray() || r.body().isEmpty()) {
                break;
            }
            r.body().forEach(release -> all.add(GitHubRelease.of(release)));
        }
        return all;
    }

    /** Creates a draft release; when GitHub says one exists for the tag (a create that went through before), returns that one. */
    public GitHubRelease createDraft(String repository, GitHubRelease.Fields fields) {
        Optional<GitHubRelease> existing = findRelease(repository, fields.tag());
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode release = body(fields);
        release.put("draft", true);
        Response r = call("POST", path(repository, "releases"), json(release), "application/json", 201, 422);
        if (r.status() == 422) {
            return findRelease(repository, fields.tag()).orElseThrow(() -> new GitHubException("POST " + path(repository, "releases")
                    + " was refused (422): " + message(r), 422));
        }
        return GitHubRelease.of(r.body());
    }

    /** Sets the release's name, notes and pre-release mark. */
    public GitHubRelease update(String repository, long id, GitHubRelease.Fields fields) {
        return GitHubRelease.of(call("PATCH", path(repository, "releases/" + id), json(body(fields)), "application/json", 200).body());
    }

    /** Makes the draft public; {@code makeLatest} says whether GitHub shows it as the latest release. */
    public GitHubRelease publish(String repository, long id, boolean makeLatest) {
        ObjectNode changes = JSON.createObjectNode();
        changes.put("draft", false);
        changes.put("make_latest", String.valueOf(makeLatest));
        return GitHubRelease.of(call("PATCH", path(repository, "releases/" + id), json(changes), "application/json", 200).body());
    }

    /** The release GitHub shows as the repository's latest, or empty when it shows none. */
    public Optional<GitHubRelease> latestRelease(String repository) {
        Response r = call("GET", path(repository, "releases/latest"), null, null, 200, 404);
        return r.status() == 404 ? Optional.empty() : Optional.of(GitHubRelease.of(r.body()));
    }

    /** Replaces the release's notes and, when {@code makeLatest} is not null, says whether it is to be shown as the latest. */
    public GitHubRelease edit(String repository, long id, String body, Boolean makeLatest) {
        ObjectNode changes = JSON.createObjectNode();
        if (body != null) {
            changes.put("body", body);
        }
        if (makeLatest != null) {
            changes.put("make_latest", String.valueOf(makeLatest));
        }
        return GitHubRelease.of(call("PATCH", path(repository, "releases/" + id), json(changes), "application/json", 200).body());
    }

    private static ObjectNode body(GitHubRelease.Fields fields) {
        ObjectNode body = JSON.createObjectNode();
        body.put("tag_name", fields.tag());
        body.put("name", fields.name());
        body.put("body", fields.body());
        body.put("prerelease", fields.prerelease());
        return body;
    }

    public List<GitHubRelease.Asset> assets(String repository, long releaseId) {
        List<GitHubRelease.Asset> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Response r = call("GET", path(repository, "releases/" + releaseId + "/assets") + "?per_page=100&page=" + page, null, null, 200);
            if (!r.body().isArray() || r.body().isEmpty()) {
                break;
            }
            r.body().forEach(a -> all.add(GitHubRelease.Asset.of(a)));
            if (r.body().size() < 100) {
                break;
            }
        }
        return all;
    }

    public void deleteAsset(String repository, long assetId) {
        call("DELETE", path(repository, "releases/assets/" + assetId), null, null, 204, 404);
    }

    /** Uploads an asset to the release's upload address (a URI template such as {@code .../assets{?name,label}}). */
    public GitHubRelease.Asset uploadAsset(GitHubRelease release, String name, byte[] content) {
        String base = release.uploadUrl().replaceAll("\\{[^}]*}$", "");
        return GitHubRelease.Asset.of(call("POST", base + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), content,
                "application/octet-stream", 201).body());
    }

    /** The open pull request from {@code branch} of the repository's owner, if any. */
    public Optional<GitHubRelease.PullRequest> findPullRequest(String repository, String branch) {
        String owner = repository.substring(0, repository.indexOf('/'));
        Response r = call("GET", path(repository, "pulls") + "?state=open&head=" + URLEncoder.encode(owner + ":" + branch, StandardCharsets.UTF_8),
                null, null, 200);
        return r.body().isArray() && !r.body().isEmpty() ? Optional.of(GitHubRelease.PullRequest.of(r.body().get(0))) : Optional.empty();
    }

    /**
     * The pull requests from {@code branch} of the repository's owner in {@code state} (open, closed
     * or all), newest first.
     */
    public List<GitHubRelease.PullRequest> pullRequests(String repository, String branch, String state) {
        String owner = repository.substring(0, repository.indexOf('/'));
        Response r = call("GET", path(repository, "pulls") + "?state=" + state + "&sort=created&direction=desc&per_page=100&head="
                + URLEncoder.encode(owner + ":" + branch, StandardCharsets.UTF_8), null, null, 200);
        List<GitHubRelease.PullRequest> out = new ArrayList<>();
        r.body().forEach(p -> out.add(GitHubRelease.PullRequest.of(p)));
        return out;
    }

    /** Closes an open pull request. */
    public void closePullRequest(String repository, long number) {
        ObjectNode changes = JSON.createObjectNode();
        changes.put("state", "closed");
        call("PATCH", path(repository, "pulls/" + number), json(changes), "application/json", 200);
    }

    /** Adds labels to an issue or pull request (GitHub creates a label that does not exist yet). */
    public void addLabels(String repository, long number, List<String> labels) {
        ObjectNode body = JSON.createObjectNode();
        labels.forEach(body.putArray("labels")::add);
        call("POST", path(repository, "issues/" + number + "/labels"), json(body), "application/json", 200);
    }

    /** Removes a label from an issue or pull request; one it does not carry is no error. */
    public void removeLabel(String repository, long number, String label) {
        call("DELETE", path(repository, "issues/" + number + "/labels/" + URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20")),
                null, null, 200, 404);
    }

    /** Opens a pull request from {@code head} into {@code base}. */
    public GitHubRelease.PullRequest createPullRequest(String repository, String head, String base, String title, String body) {
        ObjectNode pull = JSON.createObjectNode();
        pull.put("head", head);
        pull.put("base", base);
        pull.put("title", title);
        pull.put("body", body);
        return GitHubRelease.PullRequest.of(call("POST", path(repository, "pulls"), json(pull), "application/json", 201).body());
    }

    /** Sets an open pull request's title and description. */
    public GitHubRelease.PullRequest updatePullRequest(String repository, long number, String title, String body) {
        ObjectNode changes = JSON.createObjectNode();
        changes.put("title", title);
        changes.put("body", body);
        return GitHubRelease.PullRequest.of(call("PATCH", path(repository, "pulls/" + number), json(changes), "application/json", 200).body());
    }

    /**
     * Merges a pull request once its required checks pass: turns on GitHub auto-merge (GraphQL
     * {@code enablePullRequestAutoMerge}; REST has no such call) with {@code method} (merge,
     * squash, rebase). GitHub refuses auto-merge for a pull request with nothing left to wait for
     * ("is in clean status"); that one is merged now, as {@code gh pr merge --auto} does. GraphQL
     * answers errors with status 200, so they are read from the body. Returns true when it merged.
     */
    public boolean autoMerge(String repository, GitHubRelease.PullRequest pull, String method) {
        if (pull.nodeId() == null) {
            throw new ReleaseFailure("GitHub gave no node_id for pull request #" + pull.number() + ", which auto-merge needs");
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("query", "mutation($id: ID!, $method: PullRequestMergeMethod!) { enablePullRequestAutoMerge(input: {pullRequestId: $id,"
                + " mergeMethod: $method}) { pullRequest { number } } }");
        ObjectNode variables = request.putObject("variables");
        variables.put("id", pull.nodeId());
        variables.put("method", method.toUpperCase(java.util.Locale.ROOT));
        JsonNode answer = call("POST", graphqlUrl(), json(request), "application/json", 200).body();
        if (!answer.path("errors").isArray() || answer.path("errors").isEmpty()) {
            return false;
        }
        List<String> messages = new ArrayList<>();
        answer.path("errors").forEach(e -> messages.add(e.path("message").asText("(no message)")));
        if (messages.stream().allMatch(m -> m.contains("clean status"))) {
            ObjectNode merge = JSON.createObjectNode();
            merge.put("merge_method", method.toLowerCase(java.util.Locale.ROOT));
            call("PUT", path(repository, "pulls/" + pull.number() + "/merge"), json(merge), "application/json", 200);
            return true;
        }
        throw new ReleaseFailure("GitHub did not turn on auto-merge for pull request #" + pull.number() + " (allow auto-merge in the"
                + " repository's settings, and protect the base branch with required checks)", messages);
    }

    /** The GraphQL endpoint beside the REST API: api.github.com/graphql, or /api/graphql on GitHub Enterprise Server (/api/v3). */
    String graphqlUrl() {
        String base = api.toString().replaceAll("/+$", "");
        return base.endsWith("/api/v3") ? base.substring(0, base.length() - "/v3".length()) + "/graphql" : base + "/graphql";
    }

    /**
     * Sends a {@code repository_dispatch} event, at most once: GitHub cannot be asked whether an
     * event arrived, so a lost answer or a server error after it went out is an
     * {@link ai.brokle.release.UnknownOutcome}, never a second event.
     */
    public void dispatch(String repository, String eventType, JsonNode clientPayload) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_type", eventType);
        body.set("client_payload", clientPayload);
        call("POST", path(repository, "dispatches"), json(body), "application/json", true, 204);
    }

    /** Sends one request with retries; a status not in {@code accepted} fails with GitHub's message. */
    public Response call(String method, String pathOrUrl, byte[] body, String contentType, int... accepted) {
        return call(method, pathOrUrl, body, contentType, false, accepted);
    }

    private Response call(String method, String pathOrUrl, byte[] body, String contentType, boolean atMostOnce, int... accepted) {
        URI uri = pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl) : api.resolve(pathOrUrl);
        String what = method + " " + uri.getPath();
        Function<URI, HttpRequest> request = target -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(http.timeout())
                    .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
                    .header("User-Agent", "brokle-release");
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        };
        HttpResponse<byte[]> raw = atMostOnce ? http.sendAtMostOnce(what, uri, request, r -> judge(what, r, accepted))
                : http.send(what, uri, request, r -> judge(what, r, accepted));
        return new Response(raw.statusCode(), parse(raw.body()), raw);
    }

    private HttpAttempts.Verdict judge(String what, HttpResponse<byte[]> raw, int... accepted) {
        for (int ok : accepted) {
            if (raw.statusCode() == ok) {
                return HttpAttempts.Verdict.ACCEPT;
            }
        }
        Response response = new Response(raw.statusCode(), parse(raw.body()), raw);
        Optional<Duration> limited = rateLimitWait(response);
        if (limited.isPresent()) {
            return new HttpAttempts.Verdict.Again(limited.get(), "rate limited (" + raw.statusCode() + ")", true);
        }
        if (raw.statusCode() >= 500) {
            return new HttpAttempts.Verdict.Again(null, "server error " + raw.statusCode());
        }
        return new HttpAttempts.Verdict.Fail(failure(what, response));
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
            // a malformed reset time is treated as absent
            long reset = r.header("X-RateLimit-Reset").flatMap(GitHubClient::seconds).orElse(Instant.now().getEpochSecond() + 60);
            return Optional.of(Duration.ofSeconds(Math.max(1, reset - Instant.now().getEpochSecond())));
        }
        if (r.status() == 429) {
            return Optional.of(Duration.ofSeconds(60));
        }
        return Optional.empty();
    }

    private static Optional<Long> seconds(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
