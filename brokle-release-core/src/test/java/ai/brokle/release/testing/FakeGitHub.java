package ai.brokle.release.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of the parts of the GitHub REST API a release uses, on 127.0.0.1: releases
 * (drafts included), their assets (uploaded to an uploads URL on the same server, with a sha256
 * digest), repository dispatches; and two webhook receivers standing for Slack and Discord. It
 * records every request and answers as GitHub does (201 on create, 422 already_exists, 404, 204).
 * Faults are injected per request: a status with headers, a reset connection, or a stall.
 */
public final class FakeGitHub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELEASES = Pattern.compile("/repos/([^/]+/[^/]+)/releases");
    private static final Pattern LATEST = Pattern.compile("/repos/([^/]+/[^/]+)/releases/latest");
    private static final Pattern RELEASE = Pattern.compile("/repos/([^/]+/[^/]+)/releases/(\\d+)");
    private static final Pattern ASSETS = Pattern.compile("/repos/([^/]+/[^/]+)/releases/(\\d+)/assets");
    private static final Pattern ASSET = Pattern.compile("/repos/([^/]+/[^/]+)/releases/assets/(\\d+)");
    private static final Pattern UPLOAD = Pattern.compile("/uploads/repos/([^/]+/[^/]+)/releases/(\\d+)/assets");
    private static final Pattern DISPATCHES = Pattern.compile("/repos/([^/]+/[^/]+)/dispatches");
    private static final Pattern PULLS = Pattern.compile("/repos/([^/]+/[^/]+)/pulls");
    private static final Pattern PULL = Pattern.compile("/repos/([^/]+/[^/]+)/pulls/(\\d+)");
    private static final Pattern LABELS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/labels");
    private static final Pattern LABEL = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/labels/([^/]+)");
    private static final Pattern PULL_MERGE = Pattern.compile("/repos/([^/]+/[^/]+)/pulls/(\\d+)/merge");

    /** A recorded request. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A fault for the next request whose "METHOD path" matches. */
    public record Fault(Pattern request, int status, Map<String, String> headers, boolean reset, long stallMillis, boolean accepted) {
        public static Fault status(String request, int status, Map<String, String> headers) {
            return new Fault(Pattern.compile(request), status, headers, false, 0, false);
        }

        public static Fault reset(String request) {
            return new Fault(Pattern.compile(request), 0, Map.of(), true, 0, false);
        }

        public static Fault stall(String request, long millis) {
            return new Fault(Pattern.compile(request), 0, Map.of(), false, millis, false);
        }

        /**
         * The request is carried out (a dispatch or a webhook message: the event is taken), then its
         * answer is lost: {@code status} is sent instead, or, when it is 0, the connection is closed.
         */
        public static Fault answerLost(String request, int status) {
            return new Fault(Pattern.compile(request), status, Map.of(), status == 0, 0, true);
        }
    }

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = new ArrayList<>();
    private final Map<Long, ObjectNode> releases = new LinkedHashMap<>();
    private final Map<Long, List<ObjectNode>> assets = new LinkedHashMap<>();
    private final Map<Long, byte[]> assetBytes = new LinkedHashMap<>();
    private final List<JsonNode> dispatches = new ArrayList<>();
    private final List<ObjectNode> pulls = new ArrayList<>();
    private boolean pullsMergeableNow;
    private final List<JsonNode> slack = new ArrayList<>();
    private final List<JsonNode> discord = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private long nextId = 1;
    /** The release GitHub shows as the latest: the last one published or edited with make_latest "true" (the default for a new stable one). */
    private Long latest;

    private FakeGitHub(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-github");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** Starts a fake that accepts only {@code token}. */
    public static FakeGitHub start(String token) {
        try {
            return new FakeGitHub(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** A Slack incoming-webhook URL on this server, with a secret-looking path. */
    public String slackWebhook() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/slack/T000/B000/secretslackpath";
    }

    public String discordWebhook() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/discord/123/secretdiscordpath";
    }

    /** Forgets every release, asset, event, message, request and fault: a new GitHub on the same address. */
    public synchronized void reset() {
        requests.clear();
        releases.clear();
        latest = null;
        assets.clear();
        assetBytes.clear();
        dispatches.clear();
        pulls.clear();
        pullsMergeableNow = false;
        slack.clear();
        discord.clear();
        faults.clear();
    }

    public synchronized void inject(Fault fault) {
        faults.add(fault);
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The tag of the release shown as the latest, or null. */
    public synchronized String latestTag() {
        return latest == null ? null : releases.get(latest).path("tag_name").asText();
    }

    public synchronized List<ObjectNode> releases() {
        return List.copyOf(releases.values());
    }

    public synchronized List<ObjectNode> assets(long releaseId) {
        return List.copyOf(assets.getOrDefault(releaseId, List.of()));
    }

    public synchronized byte[] assetBytes(long assetId) {
        return assetBytes.get(assetId);
    }

    public synchronized List<JsonNode> dispatches() {
        return List.copyOf(dispatches);
    }

    /**
     * Whether pull requests are mergeable at once (no required check pending): GitHub then refuses
     * auto-merge with "Pull request is in clean status".
     */
    public synchronized void pullsMergeableNow(boolean value) {
        pullsMergeableNow = value;
    }

    /** A pull request merged on GitHub: closed, merged, with the commit the merge made on the base. */
    public synchronized void markMerged(long number, String mergeCommitSha) {
        markMerged(number, mergeCommitSha, null);
    }

    /** As {@link #markMerged(long, String)}, and the commit its branch pointed at (GitHub's head.sha); a squash merge differs from it. */
    public synchronized void markMerged(long number, String mergeCommitSha, String headSha) {
        ObjectNode pull = pull((int) number);
        if (headSha != null) {
            pull.put("head_sha", headSha);
        }
        pull.put("state", "closed");
        pull.put("merged", true);
        pull.put("merged_at", "2026-12-02T12:00:00Z");
        pull.put("merge_commit_sha", mergeCommitSha);
    }

    private ObjectNode pull(int number) {
        return number < 1 || number > pulls.size() ? null : pulls.get(number - 1);
    }

    /** A stored pull request as GitHub's API gives it: head as {ref, sha}. */
    private static ObjectNode asGitHubGives(ObjectNode pull) {
        ObjectNode out = pull.deepCopy();
        ObjectNode head = out.putObject("head");
        head.put("ref", pull.path("head").asText());
        if (pull.has("head_sha")) {
            head.put("sha", pull.path("head_sha").asText());
        }
        return out;
    }

    /** The names of a pull request's labels. */
    public synchronized List<String> labels(long number) {
        List<String> out = new ArrayList<>();
        pull((int) number).path("labels").forEach(l -> out.add(l.path("name").asText()));
        return out;
    }

    public synchronized List<ObjectNode> pullRequests() {
        return List.copyOf(pulls);
    }

    public synchronized List<JsonNode> slackMessages() {
        return List.copyOf(slack);
    }

    public synchronized List<JsonNode> discordMessages() {
        return List.copyOf(discord);
    }

    /** What a release left here, for comparing two runs: releases (without ids and times), their assets by name and digest, dispatches, notifications. */
    public synchronized String state() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode r : releases.values()) {
            out.append("release ").append(r.path("tag_name").asText()).append(" draft=").append(r.path("draft").asBoolean())
                    .append(" prerelease=").append(r.path("prerelease").asBoolean()).append(" latest=").append(r.path("make_latest").asText())
                    .append(" name=").append(r.path("name").asText()).append("\n").append(r.path("body").asText()).append("\n");
            for (ObjectNode a : assets.getOrDefault(r.path("id").asLong(), List.of())) {
                out.append("  asset ").append(a.path("name").asText()).append(' ').append(a.path("digest").asText()).append('\n');
            }
        }
        dispatches.forEach(d -> out.append("dispatch ").append(d).append('\n'));
        slack.forEach(m -> out.append("slack ").append(m).append('\n'));
        discord.forEach(m -> out.append("discord ").append(m).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            Fault fault;
            synchronized (this) {
                requests.add(new Request(method, path, query, Map.copyOf(exchange.getRequestHeaders()), body));
                fault = faults.stream().filter(f -> f.request().matcher(method + " " + path).find()).findFirst().orElse(null);
                if (fault != null) {
                    faults.remove(fault);
                }
            }
            if (fault != null) {
                if (fault.accepted()) {
                    take(method, path, body);
                }
                if (fault.reset()) {
                    return; // closed without an answer: the client sees the connection end
                }
                if (fault.stallMillis() > 0) {
                    sleep(fault.stallMillis());
                    return;
                }
                fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                send(exchange, fault.status(), message("Injected fault " + fault.status()));
                return;
            }
            if (path.startsWith("/hooks/")) {
                hook(exchange, path, body);
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, message("Bad credentials"));
                return;
            }
            route(exchange, method, path, query, body);
        }
    }

    /** Carries out a dispatch or a webhook message whose answer a fault then loses. */
    private synchronized void take(String method, String path, byte[] body) throws IOException {
        Matcher m = DISPATCHES.matcher(path);
        if (m.matches() && method.equals("POST")) {
            ObjectNode d = (ObjectNode) JSON.readTree(body);
            d.put("repository", m.group(1));
            dispatches.add(d);
        } else if (path.startsWith("/hooks/slack/")) {
            slack.add(JSON.readTree(body));
        } else if (path.startsWith("/hooks/discord/")) {
            discord.add(JSON.readTree(body));
        } else {
            throw new IllegalStateException("answerLost faults are for dispatches and webhooks, not " + method + " " + path);
        }
    }

    private synchronized void hook(HttpExchange exchange, String path, byte[] body) throws IOException {
        JsonNode json = JSON.readTree(body);
        if (path.startsWith("/hooks/slack/")) {
            slack.add(json);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
        } else {
            discord.add(json);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private synchronized void route(HttpExchange exchange, String method, String path, String query, byte[] body) throws IOException {
        Matcher m;
        if ((m = UPLOAD.matcher(path)).matches() && method.equals("POST")) {
            long id = Long.parseLong(m.group(2));
            if (!releases.containsKey(id)) {
                send(exchange, 404, message("Not Found"));
                return;
            }
            String name = URLDecoder.decode(param(query, "name"), StandardCharsets.UTF_8);
            if (assets.getOrDefault(id, List.of()).stream().anyMatch(a -> a.path("name").asText().equals(name))) {
                send(exchange, 422, error("already_exists", "ReleaseAsset", "name"));
                return;
            }
            ObjectNode asset = JSON.createObjectNode();
            long assetId = nextId++;
            asset.put("id", assetId);
            asset.put("name", name);
            asset.put("size", body.length);
            asset.put("digest", "sha256:" + sha256(body));
            asset.put("state", "uploaded");
            asset.put("browser_download_url", "https://github.com/" + m.group(1) + "/releases/download/" + tagOf(id) + "/" + name);
            assets.computeIfAbsent(id, k -> new ArrayList<>()).add(asset);
            assetBytes.put(assetId, body);
            send(exchange, 201, asset);
        } else if ((m = ASSETS.matcher(path)).matches() && method.equals("GET")) {
            long id = Long.parseLong(m.group(2));
            ArrayNode list = JSON.createArrayNode();
            if (page(query) == 1) {
                assets.getOrDefault(id, List.of()).forEach(list::add);
            }
            send(exchange, releases.containsKey(id) ? 200 : 404, releases.containsKey(id) ? list : message("Not Found"));
        } else if ((m = ASSET.matcher(path)).matches() && method.equals("DELETE")) {
            long assetId = Long.parseLong(m.group(2));
            boolean removed = assets.values().stream().anyMatch(l -> l.removeIf(a -> a.path("id").asLong() == assetId));
            assetBytes.remove(assetId);
            send(exchange, removed ? 204 : 404, removed ? null : message("Not Found"));
        } else if ((m = RELEASE.matcher(path)).matches() && method.equals("PATCH")) {
            ObjectNode release = releases.get(Long.parseLong(m.group(2)));
            if (release == null) {
                send(exchange, 404, message("Not Found"));
                return;
            }
            JsonNode changes = JSON.readTree(body);
            boolean published = release.path("draft").asBoolean() && changes.has("draft") && !changes.path("draft").asBoolean();
            changes.fields().forEachRemaining(e -> release.set(e.getKey(), e.getValue()));
            considerLatest(release, published, changes.path("make_latest").asText(""));
            send(exchange, 200, release);
        } else if ((m = LATEST.matcher(path)).matches() && method.equals("GET")) {
            send(exchange, latest == null ? 404 : 200, latest == null ? message("Not Found") : releases.get(latest));
        } else if ((m = RELEASES.matcher(path)).matches() && method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            if (page(query) == 1) {
                List<ObjectNode> newestFirst = new ArrayList<>(releases.values());
                java.util.Collections.reverse(newestFirst);
                newestFirst.forEach(list::add);
            }
            send(exchange, 200, list);
        } else if ((m = RELEASES.matcher(path)).matches() && method.equals("POST")) {
            JsonNode request = JSON.readTree(body);
            String tag = request.path("tag_name").asText();
            if (releases.values().stream().anyMatch(r -> r.path("tag_name").asText().equals(tag))) {
                send(exchange, 422, error("already_exists", "Release", "tag_name"));
                return;
            }
            ObjectNode release = JSON.createObjectNode();
            long id = nextId++;
            release.put("id", id);
            release.setAll((ObjectNode) request);
            if (!release.has("draft")) {
                release.put("draft", false);
            }
            release.put("html_url", "https://github.com/" + m.group(1) + "/releases/tag/" + tag);
            release.put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/uploads/repos/" + m.group(1) + "/releases/" + id
                    + "/assets{?name,label}");
            releases.put(id, release);
            considerLatest(release, !release.path("draft").asBoolean(), request.path("make_latest").asText(""));
            send(exchange, 201, release);
        } else if ((m = PULLS.matcher(path)).matches() && method.equals("GET")) {
            String head = URLDecoder.decode(param(query, "head"), StandardCharsets.UTF_8);
            String owner = m.group(1).substring(0, m.group(1).indexOf('/'));
            String state = query != null && param(query, "state") != null ? param(query, "state") : "open";
            ArrayNode list = JSON.createArrayNode();
            List<ObjectNode> newestFirst = new ArrayList<>(pulls);
            java.util.Collections.reverse(newestFirst);
            newestFirst.stream().filter(p -> (state.equals("all") || p.path("state").asText().equals(state))
                    && (owner + ":" + p.path("head").asText()).equals(head)).forEach(p -> list.add(asGitHubGives(p)));
            send(exchange, 200, list);
        } else if ((m = PULLS.matcher(path)).matches() && method.equals("POST")) {
            ObjectNode pull = (ObjectNode) JSON.readTree(body);
            long number = pulls.size() + 1;
            pull.put("number", number);
            pull.put("state", "open");
            pull.put("node_id", "PR_node" + number);
            pull.put("html_url", "https://github.com/" + m.group(1) + "/pull/" + number);
            pulls.add(pull);
            send(exchange, 201, pull);
        } else if ((m = LABELS.matcher(path)).matches() && method.equals("POST")) {
            ObjectNode pull = pull(Integer.parseInt(m.group(2)));
            if (pull == null) {
                send(exchange, 404, message("Not Found"));
                return;
            }
            ArrayNode labels = pull.has("labels") ? (ArrayNode) pull.get("labels") : pull.putArray("labels");
            for (JsonNode name : JSON.readTree(body).path("labels")) {
                boolean has = false;
                for (JsonNode l : labels) {
                    has |= l.path("name").asText().equals(name.asText());
                }
                if (!has) {
                    labels.addObject().put("name", name.asText());
                }
            }
            send(exchange, 200, labels);
        } else if ((m = LABEL.matcher(path)).matches() && method.equals("DELETE")) {
            ObjectNode pull = pull(Integer.parseInt(m.group(2)));
            String name = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
            ArrayNode labels = pull == null || !pull.has("labels") ? null : (ArrayNode) pull.get("labels");
            int at = -1;
            for (int i = 0; labels != null && i < labels.size(); i++) {
                if (labels.get(i).path("name").asText().equals(name)) {
                    at = i;
                }
            }
            if (at < 0) {
                send(exchange, 404, message("Label does not exist"));
                return;
            }
            labels.remove(at);
            send(exchange, 200, labels);
        } else if (path.equals("/graphql") && method.equals("POST")) {
            graphql(exchange, JSON.readTree(body));
        } else if ((m = PULL_MERGE.matcher(path)).matches() && method.equals("PUT")) {
            int number = Integer.parseInt(m.group(2));
            ObjectNode pull = number < 1 || number > pulls.size() ? null : pulls.get(number - 1);
            if (pull == null || !pull.path("state").asText().equals("open")) {
                send(exchange, pull == null ? 404 : 405, message(pull == null ? "Not Found" : "Pull Request is not mergeable"));
                return;
            }
            pull.put("state", "closed");
            pull.put("merged", true);
            pull.put("merge_method", JSON.readTree(body).path("merge_method").asText());
            ObjectNode merged = JSON.createObjectNode();
            merged.put("merged", true);
            send(exchange, 200, merged);
        } else if ((m = PULL.matcher(path)).matches() && method.equals("PATCH")) {
            int number = Integer.parseInt(m.group(2));
            if (number < 1 || number > pulls.size()) {
                send(exchange, 404, message("Not Found"));
                return;
            }
            ObjectNode pull = pulls.get(number - 1);
            JSON.readTree(body).fields().forEachRemaining(e -> pull.set(e.getKey(), e.getValue()));
            send(exchange, 200, pull);
        } else if ((m = DISPATCHES.matcher(path)).matches() && method.equals("POST")) {
            ObjectNode d = (ObjectNode) JSON.readTree(body);
            d.put("repository", m.group(1));
            dispatches.add(d);
            send(exchange, 204, null);
        } else {
            send(exchange, 404, message("Not Found"));
        }
    }

    /** The one GraphQL mutation the plugin sends: enablePullRequestAutoMerge, answered as GitHub does (errors with status 200). */
    private void graphql(HttpExchange exchange, JsonNode request) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        String id = request.path("variables").path("id").asText();
        ObjectNode pull = pulls.stream().filter(p -> p.path("node_id").asText().equals(id)).findFirst().orElse(null);
        if (!request.path("query").asText().contains("enablePullRequestAutoMerge") || pull == null) {
            answer.putArray("errors").addObject().put("message", pull == null ? "Could not resolve to a node with the global id of '" + id + "'"
                    : "Unexpected query");
        } else if (pullsMergeableNow) {
            answer.putArray("errors").addObject().put("message", "Pull request Pull request is in clean status");
        } else {
            pull.putObject("auto_merge").put("merge_method", request.path("variables").path("method").asText());
            answer.putObject("data").putObject("enablePullRequestAutoMerge").putObject("pullRequest").put("number", pull.path("number").asLong());
        }
        send(exchange, 200, answer);
    }

    /** GitHub's rule: a stable release made public, or edited with make_latest "true", becomes the latest; "false" leaves it as it was. */
    private void considerLatest(ObjectNode release, boolean published, String makeLatest) {
        if (published && !release.has("published_at")) {
            release.put("published_at", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        if (release.path("draft").asBoolean() || release.path("prerelease").asBoolean() || makeLatest.equals("false")) {
            return;
        }
        if (makeLatest.equals("true") || published) {
            latest = release.path("id").asLong();
        }
    }

    private String tagOf(long releaseId) {
        return releases.get(releaseId).path("tag_name").asText();
    }

    private static int page(String query) {
        String p = param(query, "page");
        return p == null ? 1 : Integer.parseInt(p);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static ObjectNode message(String text) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message", text);
        m.put("documentation_url", "https://docs.github.com/rest");
        return m;
    }

    private static ObjectNode error(String code, String resource, String field) {
        ObjectNode m = message("Validation Failed");
        ObjectNode e = m.putArray("errors").addObject();
        e.put("resource", resource);
        e.put("code", code);
        e.put("field", field);
        return m;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
