package ai.brokle.release.publish.pypi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseFailure;
import ai.brokle.release.http.Retry;
import ai.brokle.release.testing.FakePackageIndex;
import ai.brokle.release.testing.RecordingLog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads to the test index, read back by real pip. */
class PackageIndexTest {
    private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcfaketoken0123456789";
    private final FakePackageIndex server = FakePackageIndex.start(TOKEN);
    private final List<Duration> slept = new ArrayList<>();
    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private PackageIndex index(String token) {
        return new PackageIndex(server.uploadUrl(), server.simpleUrl(), token, new Retry(3, Duration.ofMillis(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10)), slept::add, log);
    }

    private Distribution wheel() {
        return Distribution.read(PythonDistributions.wheel(dir, "brokle", "0.3.0b1", PythonDistributions.metadata("brokle", "0.3.0b1",
                "Description-Content-Type: text/markdown\nClassifier: Programming Language :: Python :: 3\nClassifier: Typing :: Typed\n",
                "# Brokle\n")));
    }

    @Test
    void anUploadedWheelIsWhatPipDownloads() throws Exception {
        Distribution wheel = wheel();
        PackageIndex index = index(TOKEN);
        assertEquals(Map.of(), index.files("brokle"), "a new project");
        index.upload(wheel);
        assertEquals(Map.of(wheel.filename(), wheel.sha256()), index.files("Brokle"));
        FakePackageIndex.Upload sent = server.files().get(wheel.filename());
        assertEquals(List.of("file_upload"), sent.fields().get(":action"));
        assertEquals(List.of("bdist_wheel"), sent.fields().get("filetype"));
        assertEquals(List.of("py3"), sent.fields().get("pyversion"));
        assertEquals(List.of(wheel.blake2b256()), sent.fields().get("blake2_256_digest"));
        assertEquals(List.of("Programming Language :: Python :: 3", "Typing :: Typed"), sent.fields().get("classifiers"));
        assertEquals(List.of("text/markdown"), sent.fields().get("description_content_type"));

        Path out = Files.createDirectory(dir.resolve("downloaded"));
        PythonDistributions.python("import subprocess,sys\nr=subprocess.run([sys.executable,'-m','pip','--isolated','download','--no-deps','--no-cache-dir',"
                + "'--disable-pip-version-check','--index-url','" + server.simpleUrl() + "','-d','" + out + "','brokle==0.3.0b1'],capture_output=True,"
                + "text=True)\nprint(r.stdout+r.stderr)\nsys.exit(r.returncode)");
        assertArrayEquals(wheel.bytes(), Files.readAllBytes(out.resolve(wheel.filename())), "pip fetched the file, its digest checked");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithinABound() {
        server.fail(429, 503);
        index(TOKEN).upload(wheel());
        assertEquals(1, server.files().size());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), slept, "Retry-After honoured");
        server.fail(503, 503, 503);
        ai.brokle.release.ReleaseError e = assertThrows(ai.brokle.release.ReleaseError.class, () -> index(TOKEN).files("brokle"));
        assertTrue(e.getMessage().contains("failed after 3 attempts"), e.getMessage());
    }

    @Test
    void aRefusedTokenAndAReusedFileNameFailSayingSo() {
        ReleaseFailure refused = assertThrows(ReleaseFailure.class, () -> index("pypi-wrong").upload(wheel()));
        assertTrue(refused.getMessage().contains("answered 403") && refused.getMessage().contains("the token was refused"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("pypi-wrong") && !refused.getMessage().contains(TOKEN));
        index(TOKEN).upload(wheel());
        ReleaseFailure again = assertThrows(ReleaseFailure.class, () -> index(TOKEN).upload(wheel()));
        assertTrue(again.getMessage().contains("File already exists"), again.getMessage());
    }

    @Test
    void anUploadRedirectedToAnotherHostSendsNoTokenThere() throws Exception {
        List<String> reachedElsewhere = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer elsewhere = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", ex -> {
            reachedElsewhere.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        com.sun.net.httpserver.HttpServer index = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        index.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/legacy/");
            ex.sendResponseHeaders(307, -1);
            ex.close();
        });
        elsewhere.start();
        index.start();
        try {
            URI upload = URI.create("http://127.0.0.1:" + index.getAddress().getPort() + "/legacy/");
            PackageIndex redirecting = new PackageIndex(upload, upload.resolve("/simple/"), TOKEN, new Retry(3, Duration.ofMillis(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(10)), slept::add, log);
            ai.brokle.release.ReleaseError e = assertThrows(ai.brokle.release.ReleaseError.class, () -> redirecting.upload(wheel()));
            assertTrue(e.getMessage().contains("was redirected (307) to http://127.0.0.1:" + elsewhere.getAddress().getPort() + ", another host"),
                    e.getMessage());
            assertEquals(List.of(), reachedElsewhere, "the credentials never left the index's host");
        } finally {
            index.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void anUploadWhoseAnswerWasLostIsFoundOnTheIndexAndNotSentAgain() {
        server.loseUploadAnswers(1);
        Distribution wheel = wheel();
        index(TOKEN).upload(wheel);
        assertEquals(Map.of(wheel.filename(), wheel.sha256()), index(TOKEN).files("brokle"));
        assertEquals(1, server.requests().stream().filter(r -> r.equals("POST /legacy/")).count(),
                "the lost answer was checked on the index, not answered by a second upload: " + server.requests());
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("its effect is there although the answer was lost")), log.lines().toString());
    }
}
