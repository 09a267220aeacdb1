package ai.brokle.release.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A small Python package index on 127.0.0.1 for tests: the upload API (a multipart POST with
 * {@code :action=file_upload}, checked as the real index checks it: the token, the digests, a file
 * name used once) and a PEP 503 simple index that real {@code pip} downloads from; also the Trusted
 * Publishing endpoints (audience, mint-token) and a stand-in for GitHub's OIDC token endpoint.
 */
public final class FakePackageIndex implements AutoCloseable {
    /** An uploaded file with the form fields that came with it. */
    public record Upload(String filename, byte[] content, Map<String, List<String>> fields) {
    }

    private final HttpServer server;
    private final String token;
    private final Map<String, Upload> files = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final Deque<Integer> faults = new ArrayDeque<>();
    private int loseAnswers;
    /** Trusted Publishing: the GitHub request token, the OIDC token it yields, and the upload token that one mints. */
    public static final String REQUEST_TOKEN = "actions-request-token-secret";
    public static final String AUDIENCE = "fake-index";
    public static final String OIDC_TOKEN = "oidc-jwt-for-" + AUDIENCE;
    public static final String MINTED = "pypi-minted-short-lived-token";

    private FakePackageIndex(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-index");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    private final Map<String, String> yanked = new java.util.HashMap<>();

    public static FakePackageIndex start(String token) {
        try {
            return new FakePackageIndex(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI uploadUrl() {
        return base().resolve("/legacy/");
    }

    public URI simpleUrl() {
        return base().resolve("/simple/");
    }

    /** The stand-in for ACTIONS_ID_TOKEN_REQUEST_URL. */
    public String oidcRequestUrl() {
        return base().resolve("/github-oidc/token?api-version=2.0").toString();
    }

    /** The next {@code count} uploads are stored, but answered 502, as when the answer is lost on the way back. */
    public synchronized void loseUploadAnswers(int count) {
        loseAnswers += count;
    }

    /** The next requests answer these statuses (429, 503, ...), one each. */
    public synchronized void fail(int... statuses) {
        for (int s : statuses) {
            faults.add(s);
        }
    }

    /** Writes a minimal wheel of {@code name} {@code version} (METADATA and WHEEL) into {@code dist}, as a build would. */
    public static Path wheel(Path dist, String name, String version) throws IOException {
        Files.createDirectories(dist);
        Path wheel = dist.resolve(name + "-" + version + "-py3-none-any.whl");
        try (java.io.OutputStream out = Files.newOutputStream(wheel); java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name + "-" + version + ".dist-info/METADATA"));
            zip.write(("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nSummary: Brokle\n"
                    + "Description-Content-Type: text/markdown\n\n# Brokle\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(name + "-" + version + ".dist-info/WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return wheel;
    }

    /** Yanks every file of {@code version} (as an owner does on the index's web pages): its links get data-yanked (PEP 592). */
    public synchronized void yank(String version, String reason) {
        yanked.put(version, reason);
    }

    public synchronized Map<String, Upload> files() {
        return Map.copyOf(files);
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Integer fault;
            synchronized (this) {
                requests.add(method + " " + path);
                fault = faults.poll();
            }
            if (fault != null) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                send(exchange, fault, "text/plain", "injected " + fault);
            } else if (method.equals("POST") && path.equals("/legacy/")) {
                upload(exchange, body);
            } else if (method.equals("GET") && path.startsWith("/simple/")) {
                simple(exchange, path.substring("/simple/".length()).replaceAll("/+$", ""));
            } else if (method.equals("GET") && path.startsWith("/files/")) {
                Upload u = files().get(path.substring("/files/".length()));
                if (u == null) {
                    send(exchange, 404, "text/plain", "not found");
                } else {
                    exchange.sendResponseHeaders(200, u.content().length);
                    exchange.getResponseBody().write(u.content());
                }
            } else if (method.equals("GET") && path.equals("/_/oidc/audience")) {
                send(exchange, 200, "application/json", "{\"audience\":\"" + AUDIENCE + "\"}");
            } else if (method.equals("GET") && path.equals("/github-oidc/token")) {
                boolean ok = ("bearer " + REQUEST_TOKEN).equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Authorization"))
                        && ("audience=" + AUDIENCE).equals(query(exchange, "audience"));
                send(exchange, ok ? 200 : 403, "application/json", ok ? "{\"value\":\"" + OIDC_TOKEN + "\"}" : "{\"message\":\"bad request token\"}");
            } else if (method.equals("POST") && path.equals("/_/oidc/mint-token")) {
                boolean ok = new String(body, StandardCharsets.UTF_8).contains("\"" + OIDC_TOKEN + "\"");
                send(exchange, ok ? 200 : 422, "application/json", ok ? "{\"success\":true,\"token\":\"" + MINTED + "\"}"
                        : "{\"message\":\"invalid token\"}");
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private static String query(HttpExchange exchange, String name) {
        String q = exchange.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair;
            }
        }
        return null;
    }

    private synchronized void upload(HttpExchange exchange, byte[] body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String accepted = "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8));
        String minted = "Basic " + Base64.getEncoder().encodeToString(("__token__:" + MINTED).getBytes(StandardCharsets.UTF_8));
        if (!accepted.equals(auth) && !minted.equals(auth)) {
            send(exchange, 403, "text/plain", "Invalid or non-existent authentication information.");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String boundary = type.substring(type.indexOf("boundary=") + 9);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        byte[] content = null;
        String filename = null;
        for (byte[] part : split(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1))) {
            int headerEnd = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (headerEnd < 0) {
                continue;
            }
            String headers = new String(part, 0, headerEnd, StandardCharsets.UTF_8);
            byte[] value = java.util.Arrays.copyOfRange(part, headerEnd + 4, part.length - 2);
            String name = headers.replaceAll("(?s).*name=\"([^\"]*)\".*", "$1");
            if (headers.contains("filename=\"")) {
                filename = headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1");
                content = value;
            } else {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new String(value, StandardCharsets.UTF_8));
            }
        }
        if (content == null || !List.of("file_upload").equals(fields.get(":action"))) {
            send(exchange, 400, "text/plain", "Invalid upload: no file or :action");
            return;
        }
        if (!first(fields, "sha256_digest").equals(hex("SHA-256", content))) {
            send(exchange, 400, "text/plain", "The digest supplied does not match a digest calculated from the uploaded file.");
            return;
        }
        if (files.containsKey(filename)) {
            send(exchange, 400, "text/plain", "File already exists ('" + filename + "'). See https://pypi.org/help/#file-name-reuse");
            return;
        }
        files.put(filename, new Upload(filename, content, fields));
        if (loseAnswers > 0) {
            loseAnswers--;
            send(exchange, 502, "text/plain", "the upload was stored, but its answer was lost on the way back");
            return;
        }
        send(exchange, 200, "text/plain", "OK");
    }

    private synchronized void simple(HttpExchange exchange, String project) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
        boolean any = false;
        for (Upload u : files.values()) {
            String name = first(u.fields(), "name").toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            if (name.equals(project)) {
                any = true;
                String reason = yanked.get(first(u.fields(), "version"));
                html.append("<a href=\"/files/").append(u.filename()).append("#sha256=").append(hex("SHA-256", u.content())).append("\"")
                        .append(reason == null ? "" : " data-yanked=\"" + reason.replace("\"", "&quot;") + "\"").append(">")
                        .append(u.filename()).append("</a><br/>\n");
            }
        }
        if (!any) {
            send(exchange, 404, "text/plain", "not found");
            return;
        }
        send(exchange, 200, "text/html", html.append("</body></html>\n").toString());
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    private static List<byte[]> split(byte[] body, byte[] delimiter) {
        List<byte[]> parts = new ArrayList<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int from = start + delimiter.length + 2;
            int next = indexOf(body, delimiter, from);
            if (next < 0) {
                break;
            }
            parts.add(java.util.Arrays.copyOfRange(body, from, next));
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
