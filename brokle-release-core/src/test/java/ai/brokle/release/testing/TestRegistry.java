package ai.brokle.release.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (CNCF distribution), installed
 * with apt-get when missing, started on a free port of 127.0.0.1 with its own storage and, when
 * asked, htpasswd authentication. Reads images back through the registry HTTP API and counts the
 * blob uploads in its access log. Base images are written here with plain HTTP requests, so what
 * the product pushes is checked by code that shares nothing with it.
 */
public final class TestRegistry implements AutoCloseable {
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String ACCEPT = OCI_INDEX + ", " + OCI_MANIFEST + ", application/vnd.docker.distribution.manifest.list.v2+json,"
            + " application/vnd.docker.distribution.manifest.v2+json";
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UPLOAD_START = Pattern.compile("\"POST /v2/([^ ]+)/blobs/uploads/[^ ]* HTTP");
    private static final Pattern UPLOAD_END = Pattern.compile("\"PUT /v2/([^ ]+)/blobs/uploads/[^ ]*digest=[^ ]* HTTP[^\"]*\" 201");

    private final Process process;
    private final int port;
    private final Path log;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistry(Process process, int port, Path log, String authorization) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization = authorization;
    }

    /** host:port, as an image reference names the registry. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public static TestRegistry start(Path dir) {
        return start(dir, null, null);
    }

    /** Starts a registry; with a user and password, it asks every request for them (htpasswd, bcrypt). */
    public static TestRegistry start(Path dir, String user, String password) {
        Path binary = binary();
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.createDirectories(dir.resolve("data"));
            StringBuilder config = new StringBuilder("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: false\nstorage:\n  filesystem:\n"
                    + "    rootdirectory: " + dir.resolve("data") + "\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
            String authorization = null;
            if (user != null) {
                Files.writeString(dir.resolve("htpasswd"), user + ":" + BCrypt.hashpw(password, BCrypt.gensalt(5)) + "\n");
                config.append("auth:\n  htpasswd:\n    realm: test\n    path: ").append(dir.resolve("htpasswd")).append('\n');
                authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            }
            Files.writeString(dir.resolve("config.yml"), config);
            Path log = dir.resolve("registry.log");
            Process process = new ProcessBuilder(binary.toString(), "serve", dir.resolve("config.yml").toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            TestRegistry registry = new TestRegistry(process, port, log, authorization);
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (true) {
                try {
                    HttpResponse<String> r = registry.send(registry.request("/v2/").GET(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return registry;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("docker-registry did not start on 127.0.0.1:" + port + ": " + Files.readString(log));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The registry binary; installed from Debian's packages when missing and this runs as root. */
    private static synchronized Path binary() {
        Path binary = Path.of("/usr/bin/docker-registry");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String advice = "These tests need Debian's docker-registry (a real OCI registry): apt-get install docker-registry";
        try {
            for (List<String> command : List.of(List.of("apt-get", "install", "-y", "--no-install-recommends", "docker-registry"),
                    List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "--no-install-recommends", "docker-registry"))) {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(600, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
                if (Files.isExecutable(binary)) {
                    return binary;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(advice + " (could not run apt-get: " + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(advice, e);
        }
        throw new IllegalStateException(advice + " (apt-get did not install it; run it as root)");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host() + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request.build(), body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A manifest or index as stored: its media type, digest and bytes. */
    public record Manifest(String mediaType, String digest, byte[] bytes) {
        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The manifest {@code reference} (a tag or digest) of {@code repository}, or null when the registry has none. */
    public Manifest manifest(String repository, String reference) {
        try {
            HttpResponse<byte[]> r = send(request("/v2/" + repository + "/manifests/" + reference).header("Accept", ACCEPT).GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return null;
            }
            check(r, "manifest " + repository + ":" + reference);
            return new Manifest(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Docker-Content-Digest").orElse(""),
                    r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] blob(String repository, String digest) {
        try {
            HttpResponse<byte[]> r = send(request("/v2/" + repository + "/blobs/" + digest).GET(), HttpResponse.BodyHandlers.ofByteArray());
            check(r, "blob " + digest);
            if (!digest.equals(sha256(r.body()))) {
                throw new IllegalStateException("blob " + digest + " has digest " + sha256(r.body()));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode blobJson(String repository, String digest) {
        try {
            return JSON.readTree(blob(repository, digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tags of a repository, sorted; empty when it has none. */
    public List<String> tags(String repository) {
        try {
            HttpResponse<String> r = send(request("/v2/" + repository + "/tags/list").GET(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return List.of();
            }
            check(r, "tags of " + repository);
            TreeSet<String> tags = new TreeSet<>();
            JSON.readTree(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
            return List.copyOf(tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a gzip-compressed layer, by path, with their contents and modes. */
    public record LayerFile(byte[] content, int mode, String user) {
    }

    public Map<String, LayerFile> layerFiles(String repository, String digest) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(blob(repository, digest))))) {
            Map<String, LayerFile> files = new java.util.LinkedHashMap<>();
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                files.put(entry.getName(), new LayerFile(entry.isDirectory() ? new byte[0] : tar.readAllBytes(), entry.getMode(),
                        entry.getLongUserId() + ":" + entry.getLongGroupId()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blob uploads the registry finished since it started, for a repository (from its access log). */
    public int blobUploads(String repository) {
        return count(UPLOAD_END, repository);
    }

    /** Blob uploads started (POST), including cross-repository mounts. */
    public int blobUploadsStarted(String repository) {
        return count(UPLOAD_START, repository);
    }

    private int count(Pattern pattern, String repository) {
        try {
            int n = 0;
            for (String line : Files.readAllLines(log)) {
                Matcher m = pattern.matcher(line);
                if (m.find() && m.group(1).equals(repository)) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String accessLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pushes a base image made here: for each platform (os/arch), one layer holding
     * {@code /etc/base-platform} with that platform's name, a config with the platform, an entrypoint
     * of {@code /bin/base} and an environment variable; an OCI index over them under {@code tag}.
     */
    public String pushBase(String repository, String tag, List<String> platforms) {
        try {
            ArrayList<String> entries = new ArrayList<>();
            for (String platform : platforms) {
                String[] p = platform.split("/");
                byte[] layer = gzipTar(Map.of("etc/base-platform", platform.getBytes(StandardCharsets.UTF_8)));
                String diffId = sha256(gunzip(layer));
                String layerDigest = putBlob(repository, layer);
                byte[] config = ("{\"architecture\":\"" + p[1] + "\",\"os\":\"" + p[0] + "\",\"config\":{\"Env\":[\"PATH=/usr/bin:/bin\","
                        + "\"BASE=yes\"],\"Entrypoint\":[\"/bin/base\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]},"
                        + "\"history\":[{\"created_by\":\"test base\"}]}").getBytes(StandardCharsets.UTF_8);
                String configDigest = putBlob(repository, config);
                byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length + "},"
                        + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + layerDigest + "\",\"size\":"
                        + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
                String manifestDigest = putManifest(repository, sha256(manifest), OCI_MANIFEST, manifest);
                entries.add("{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length
                        + ",\"platform\":{\"architecture\":\"" + p[1] + "\",\"os\":\"" + p[0] + "\"}}");
            }
            byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[" + String.join(",", entries) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            return putManifest(repository, tag, OCI_INDEX, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String putBlob(String repository, byte[] bytes) throws IOException {
        String digest = sha256(bytes);
        HttpResponse<String> started = send(request("/v2/" + repository + "/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofString());
        check(started, "upload start");
        String location = started.headers().firstValue("Location").orElseThrow();
        URI uri = URI.create("http://" + host()).resolve(location);
        String put = uri + (uri.getQuery() == null ? "?" : "&") + "digest=" + digest;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(put)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        check(send(b, HttpResponse.BodyHandlers.ofString()), "upload of " + digest);
        return digest;
    }

    private String putManifest(String repository, String reference, String mediaType, byte[] bytes) throws IOException {
        HttpResponse<String> r = send(request("/v2/" + repository + "/manifests/" + reference).header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)), HttpResponse.BodyHandlers.ofString());
        check(r, "manifest " + repository + ":" + reference);
        return r.headers().firstValue("Docker-Content-Digest").orElse(sha256(bytes));
    }

    private static void check(HttpResponse<?> r, String what) {
        if (r.statusCode() / 100 != 2) {
            Object body = r.body() instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : r.body();
            throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + body);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzipTar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setModTime(1000L);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
