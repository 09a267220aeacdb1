package ai.brokle.release.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Processes, files and checks the distribution test uses. */
final class Tools {
    static final String WRAPPER = "mvnw";
    /** In the SBOM but not in the jar: Maven gives SLF4J to every plugin, plexus-utils is a declared dependency. */
    static final Set<String> GIVEN_BY_MAVEN = Set.of("slf4j-api", "plexus-utils");
    /** Libraries whose jars carry no licence text: the text written for them under META-INF/licenses. */
    private static final Map<String, String> WRITTEN_TEXTS = Map.of("jmustache", "BSD-3-Clause-jmustache.txt", "asm", "BSD-3-Clause-asm.txt",
            "google-auth-library-oauth2-http", "BSD-3-Clause-google-auth-library.txt",
            "google-auth-library-credentials", "BSD-3-Clause-google-auth-library.txt");
    static final long BUILD_TIMEOUT_MINUTES = 10;

    private Tools() {
    }

    /** The files git knows in {@code root} (tracked, and untracked ones it does not ignore), copied to {@code target}. */
    static Path copySources(Path root, Path target) throws IOException {
        String listing = run(root, Map.of(), 2, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        for (String name : listing.split("\0")) {
            Path from = root.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue;
            }
            Path to = target.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return target;
    }

    /** Every POM's project and parent version set from {@code snapshot} to {@code release}, as prepare does for this project. */
    static void setVersion(Path root, String snapshot, String release) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().equals("pom.xml") && !p.toString().contains("/src/")).toList()) {
                String text = Files.readString(pom);
                Files.writeString(pom, text.replace("<version>" + snapshot + "</version>", "<version>" + release + "</version>"));
            }
        }
    }

    /** A signing key made for the test, in {@code home}; returns its secret key, armored, as MAVEN_GPG_KEY takes it. */
    static String generateSigningKey(Path home) {
        Map<String, String> env = Map.of("GNUPGHOME", home.toString());
        run(home, env, 2, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", "Brokle Release Test <release-test@brokle.invalid>", "ed25519",
                "sign", "1d");
        return run(home, env, 2, "gpg", "--batch", "--armor", "--export-secret-keys");
    }

    /** Fails unless {@code file}.asc is a good signature of {@code file} by the test's key. */
    static void verifySignature(Path home, Path file) {
        run(home, Map.of("GNUPGHOME", home.toString()), 2, "gpg", "--batch", "--verify", file + ".asc", file.toString());
    }

    /** Runs Maven ({@code maven}: the wrapper of {@code dir}, or a path) and returns its output; fails the test when it fails. */
    static String mvn(Path dir, Map<String, String> env, String maven, String... args) {
        List<String> command = new ArrayList<>();
        command.add(maven.equals(WRAPPER) ? dir.resolve(WRAPPER).toString() : maven);
        command.addAll(List.of(args));
        return run(dir, env, BUILD_TIMEOUT_MINUTES, command.toArray(String[]::new));
    }

    static String run(Path dir, Map<String, String> env, long timeoutMinutes, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            // the builds and the new user's runs never see the developer's Maven options
            builder.environment().remove("MAVEN_ARGS");
            builder.environment().remove("MAVEN_OPTS");
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    process.getInputStream().transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reader.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutMinutes + " minutes");
            }
            reader.join(TimeUnit.SECONDS.toMillis(30));
            String output = out.toString(StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed in " + dir + " (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (git, gpg and Maven are needed: apt-get install git gnupg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The text of the element at {@code path} (names separated by /) below the root, or "" when there is none. */
    static String text(Document document, String path) {
        Node node = document.getDocumentElement();
        for (String name : path.split("/")) {
            Node next = null;
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e && e.getTagName().equals(name)) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                return "";
            }
            node = next;
        }
        return node.getTextContent().strip();
    }

    /** Whether META-INF/licenses holds a licence text for a bundled library. */
    static boolean hasLicenceText(Set<String> entries, String name, String version, JsonNode licences) {
        String own = "META-INF/licenses/" + name + "-" + version + "-jar/";
        if (entries.stream().anyMatch(e -> e.startsWith(own) && !e.equals(own))) {
            return true;
        }
        String written = WRITTEN_TEXTS.get(name);
        if (written != null) {
            return entries.contains("META-INF/licenses/" + written);
        }
        for (JsonNode licence : licences) {
            if (licence.path("license").path("id").asText().equals("Apache-2.0")) {
                return entries.contains("META-INF/licenses/Apache-2.0.txt");
            }
        }
        return false;
    }

    /**
     * What Maven Central serves besides the release, copied from the build's local repository:
     * plexus-utils (the plugin's one declared dependency) and its parent POM.
     */
    static void seedFromCentral(Path repository, Path buildRepository) throws IOException {
        for (String path : List.of("org/codehaus/plexus/plexus-utils/3.5.1", "org/codehaus/plexus/plexus/10")) {
            Path from = buildRepository.resolve(path);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches(".*\\.(jar|pom)(\\.sha1)?")).toList()) {
                    Path to = repository.resolve(path).resolve(f.getFileName());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A Python SDK like brokle-python, without a POM: released as v0.4.0, one fix since. */
    static Path pythonSdk(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("brokle"));
        Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"brokle\"\ndynamic = [\"version\"]\n");
        Files.writeString(dir.resolve("brokle/version.py"), "__version__ = \"0.4.0\"\n");
        Files.writeString(dir.resolve(".brokle-release.yml"), "components:\n  python:\n    tagPrefix: v\n    versionFiles:\n"
                + "      - path: brokle/version.py\n");
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@brokle.invalid", "GIT_COMMITTER_NAME", "Test",
                "GIT_COMMITTER_EMAIL", "test@brokle.invalid", "GIT_CONFIG_NOSYSTEM", "1");
        run(dir, env, 1, "git", "init", "-q", "-b", "main");
        run(dir, env, 1, "git", "add", "-A");
        run(dir, env, 1, "git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "chore(release): 0.4.0");
        run(dir, env, 1, "git", "-c", "tag.gpgsign=false", "tag", "v0.4.0");
        Files.writeString(dir.resolve("brokle/client.py"), "def retry():\n    pass\n");
        run(dir, env, 1, "git", "add", "-A");
        run(dir, env, 1, "git", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "fix(client): retry on 429");
        return dir;
    }
}
