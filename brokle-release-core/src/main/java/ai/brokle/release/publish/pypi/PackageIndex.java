package ai.brokle.release.publish.pypi;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.http.HttpAttempts;
import ai.brokle.release.http.Retry;
import ai.brokle.release.http.Sleeper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python package index as an upload goes to it: what it holds for a project (its PEP 503 simple
 * page, whose links carry each file's sha256), and the upload API (a multipart form with the core
 * metadata and the file's digests, authenticated as {@code __token__}). Rate limits (429), server
 * errors, lost connections and timeouts are retried with a doubling backoff, within a bound. The
 * token never appears in a message.
 */
public final class PackageIndex {
    /** An anchor with its attributes and text. */
    private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>([^<]*)</a>", Pattern.CASE_INSENSITIVE);
    private static final Pattern YANKED = Pattern.compile("(^|\\s)data-yanked(\\s*=|\\s|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>([^<]*)</a>", Pattern.CASE_INSENSITIVE);
    /** Core metadata fields the upload form repeats rather than joins. */
    private static final List<String> REPEATED = List.of("Classifier", "Requires-Dist", "Provides-Extra", "Project-URL", "Platform",
            "Supported-Platform", "Requires-External", "Provides-Dist", "Obsoletes-Dist", "Dynamic", "License-File");

    private final URI upload;
    private final URI simple;
    private final String token;
    private final HttpAttempts http;

    /**
     * @param upload the upload endpoint (https://upload.pypi.org/legacy/)
     * @param simple the simple index (https://pypi.org/simple/)
     * @param token the API token (or one minted by Trusted Publishing)
     */
    public PackageIndex(URI upload, URI simple, String token, Retry retry, Sleeper sleeper, ReleaseLog log) {
        this.upload = upload;
        this.simple = URI.create(simple.toString().endsWith("/") ? simple.toString() : simple + "/");
        this.token = token;
        this.http = new HttpAttempts(retry, sleeper, log, (message, status) -> new ReleaseError(message));
    }

    /** The files the index holds for {@code project}: file name → sha256 (empty when the project does not exist yet). */
    public Map<String, String> files(String project) {
        URI page = simple.resolve(DistributionCheck.canonical(project) + "/");
        HttpResponse<byte[]> r = send("GET " + page.getPath(), page, target -> HttpRequest.newBuilder(target).timeout(http.timeout())
                .header("Accept", "text/html").GET().build(), 200, 404);
        Map<String, String> files = new LinkedHashMap<>();
        if (r.statusCode() == 404) {
            return files;
        }
        Matcher m = LINK.matcher(new String(r.body(), StandardCharsets.UTF_8));
        while (m.find()) {
            String href = m.group(1).replace("&amp;", "&");
            int hash = href.indexOf("#sha256=");
            files.put(m.group(2).strip(), hash < 0 ? "" : href.substring(hash + 8).toLowerCase(Locale.ROOT));
        }
        return files;
    }

    /**
     * Whether the index marks {@code version}'s files of {@code project} as yanked (PEP 592: a
     * {@code data-yanked} attribute on each file's link): empty when the index holds no file of that
     * version, else true only when every one of them is yanked. {@code version} is the normal PEP 440
     * form, as the file names carry it.
     */
    public Optional<Boolean> yanked(String project, String version) {
        URI page = simple.resolve(DistributionCheck.canonical(project) + "/");
        HttpResponse<byte[]> r = send("GET " + page.getPath(), page, target -> HttpRequest.newBuilder(target).timeout(http.timeout())
                .header("Accept", "text/html").GET().build(), 200, 404);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        Matcher m = ANCHOR.matcher(new String(r.body(), StandardCharsets.UTF_8));
        int files = 0;
        int yanked = 0;
        while (m.find()) {
            String filename = m.group(2).strip();
            if (!version.equals(fileVersion(filename))) {
                continue;
            }
            files++;
            if (YANKED.matcher(m.group(1)).find()) {
                yanked++;
            }
        }
        return files == 0 ? Optional.empty() : Optional.of(yanked == files);
    }

    /** The version a distribution's file name carries ({@code name-1.2.0-py3-none-any.whl}, {@code name-1.2.0.tar.gz}), or null. */
    static String fileVersion(String filename) {
        if (filename.endsWith(".whl")) {
            String[] parts = filename.split("-");
            return parts.length >= 5 ? parts[1] : null;
        }
        for (String ext : List.of(".tar.gz", ".zip")) {
            if (filename.endsWith(ext)) {
                String stem = filename.substring(0, filename.length() - ext.length());
                int dash = stem.lastIndexOf('-');
                return dash < 0 ? null : stem.substring(dash + 1);
            }
        }
        return null;
    }

    /** Uploads one distribution. */
    public void upload(Distribution d) {
        String boundary = "----brokle-release-" + UUID.randomUUID();
        byte[] body = form(d, boundary);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8));
        String what = "POST " + upload.getPath() + " (" + d.filename() + ")";
        // an upload whose answer was lost may have landed: the index is asked before it is sent again
        http.send(what, upload, target -> HttpRequest.newBuilder(target).timeout(http.timeout())
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), r -> judge(what, r, 200, 201),
                () -> d.sha256().equalsIgnoreCase(files(d.field("Name")).get(d.filename())));
    }

    /** The upload form: the protocol fields, the core metadata (lower case, '-' as '_'), the digests, then the file. */
    static byte[] form(Distribution d, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.bytes().length + 4096);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(":action", List.of("file_upload"));
        fields.put("protocol_version", List.of("1"));
        d.metadata().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT).replace('-', '_');
            if (key.equals("classifier")) {
                key = "classifiers";
            }
            fields.put(key, REPEATED.contains(name) ? values : List.of(String.join(", ", values)));
        });
        fields.put("description", List.of(d.description() == null ? "" : d.description()));
        fields.put("filetype", List.of(d.filetype()));
        fields.put("pyversion", List.of(d.pyversion()));
        fields.put("md5_digest", List.of(md5(d.bytes())));
        fields.put("sha256_digest", List.of(d.sha256()));
        fields.put("blake2_256_digest", List.of(d.blake2b256()));
        fields.forEach((name, values) -> values.forEach(v -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + v + "\r\n")));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + d.filename()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(d.bytes());
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private HttpResponse<byte[]> send(String what, URI uri, Function<URI, HttpRequest> request, int... accepted) {
        return http.send(what, uri, request, r -> judge(what, r, accepted));
    }

    private static HttpAttempts.Verdict judge(String what, HttpResponse<byte[]> r, int... accepted) {
        for (int ok : accepted) {
            if (r.statusCode() == ok) {
                return HttpAttempts.Verdict.ACCEPT;
            }
        }
        if (r.statusCode() == 429 || r.statusCode() >= 500) {
            return new HttpAttempts.Verdict.Again(HttpAttempts.retryAfter(r).orElse(null), "answered " + r.statusCode());
        }
        String message = new String(r.body(), StandardCharsets.UTF_8).strip();
        String advice = r.statusCode() == 403 || r.statusCode() == 401 ? "; the token was refused: set PYPI_TOKEN, name a settings.xml"
                + " server with -Dbrokle.pypiServerId, or configure Trusted Publishing for this repository on the index" : "";
        return new HttpAttempts.Verdict.Fail(new ReleaseFailure(what + " answered " + r.statusCode() + " ("
                + (message.length() > 300 ? message.substring(0, 300) + "…" : message) + ")" + advice));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
