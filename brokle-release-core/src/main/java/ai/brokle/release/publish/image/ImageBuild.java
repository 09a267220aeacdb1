package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.ImageConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.file.PathUtils;

/**
 * Builds one configured image with Jib Core, without a Docker daemon: for each platform, an image
 * from the base image's entry for that platform plus a layer per configured source, with that
 * platform's files ({@code {os}} / {@code {arch}} in the source path). The platform images are
 * written as OCI tarballs by Jib, then gathered into one OCI image layout whose top is an image
 * index over them carrying the release's OCI annotations. Every time stamp comes from the release
 * commit and file times are fixed, so the same inputs give the same digests.
 */
public final class ImageBuild {
    public static final String VERSION = "org.opencontainers.image.version";
    public static final String REVISION = "org.opencontainers.image.revision";
    public static final String SOURCE = "org.opencontainers.image.source";
    public static final String CREATED = "org.opencontainers.image.created";
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String DESCRIPTION = "org.opencontainers.image.description";
    public static final String LICENSES = "org.opencontainers.image.licenses";
    public static final String URL = "org.opencontainers.image.url";
    public static final String BASE_NAME = "org.opencontainers.image.base.name";
    public static final String BASE_DIGEST = "org.opencontainers.image.base.digest";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What the release tells about its images: their annotations and labels, and their time stamp.
     *
     * @param source the repository's web address, also the images' url; null when unknown
     * @param description the project's description (package metadata), or null
     * @param licenses the project's licence as an SPDX expression, or null
     */
    public record Metadata(String version, String revision, String source, Instant created, String description, String licenses) {
        public Metadata(String version, String revision, String source, Instant created) {
            this(version, revision, source, created, null, null);
        }

        /** The OCI annotations of {@code image}: the release's, its title, and its base image ({@code baseDigest} null: unknown). */
        Map<String, String> annotations(ImageConfig image, String baseDigest) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put(CREATED, created.toString());
            out.put(REVISION, revision);
            if (source != null) {
                out.put(SOURCE, source);
                out.put(URL, source);
            }
            out.put(VERSION, version);
            out.put(TITLE, image.name());
            String text = image.description() != null ? image.description() : description;
            if (text != null) {
                out.put(DESCRIPTION, text);
            }
            String license = image.licenses() != null ? image.licenses() : licenses;
            if (license != null) {
                out.put(LICENSES, license);
            }
            if (!image.from().equals(ImageConfig.SCRATCH)) {
                out.put(BASE_NAME, image.from());
                if (baseDigest != null) {
                    out.put(BASE_DIGEST, baseDigest);
                }
            }
            return out;
        }
    }

    /** One platform's image in the layout: its manifest and the blobs it names (config first). */
    public record PlatformImage(String platform, String digest, long size, List<String> blobs) {
    }

    /** A built image: the OCI layout holding it, the digest and bytes of its index, and its platforms. */
    public record Built(ImageConfig image, Path layout, String digest, List<PlatformImage> platforms, ImageIndex index) {
        public Path blob(String digest) {
            return layout.resolve("blobs").resolve(digest.replace(':', '/'));
        }
    }

    private final Path root;
    private final RegistryCredentials credentials;
    private final Path cache;
    private final ReleaseLog log;

    /**
     * @param root the directory layer sources are relative to (the repository root)
     * @param cache where Jib keeps base image layers and built layers between runs
     */
    public ImageBuild(Path root, RegistryCredentials credentials, Path cache, ReleaseLog log) {
        this.root = root;
        this.credentials = credentials;
        this.cache = cache;
        this.log = log;
    }

    /** What is wrong before building: every source missing for a platform, a base that is no image reference, unset variables. */
    public List<String> problems(ImageConfig image, String key) {
        List<String> problems = new ArrayList<>();
        for (String platform : image.platforms()) {
            String[] p = platform.split("/", 2);
            for (ImageConfig.Layer layer : image.layers()) {
                String source = layer.from(p[0], p[1]);
                if (!Files.exists(root.resolve(source))) {
                    problems.add(key + ": " + source + " (for " + platform + ") does not exist; build it before the images, or fix the layer's"
                            + " from: " + layer.from());
                }
            }
        }
        if (!image.from().equals(ImageConfig.SCRATCH)) {
            credentials.problemsForImage(image.from()).forEach(p -> problems.add(key + ".from: " + p));
        }
        return problems;
    }

    /** Builds the image into {@code layout} (emptied first). */
    public Built build(ImageConfig image, Metadata metadata, Path layout) {
        try {
            deleteTree(layout);
            Path blobs = Files.createDirectories(layout.resolve("blobs/sha256"));
            Path work = Files.createDirectories(layout.resolveSibling(layout.getFileName() + ".platforms"));
            ImageIndex index = new ImageIndex();
            List<PlatformImage> platforms = new ArrayList<>();
            Map<String, String> annotations = metadata.annotations(image, baseDigest(image));
            for (String platform : image.platforms()) {
                String[] p = platform.split("/", 2);
                Path tar = work.resolve(p[0] + "-" + p[1] + ".tar");
                Files.deleteIfExists(tar);
                containerize(image, annotations, metadata, p[0], p[1], tar);
                PlatformImage built = gather(tar, blobs, platform, annotations);
                platforms.add(built);
                index.add(new ImageIndex.Entry(ImageIndex.MANIFEST_MEDIA_TYPE, built.digest(), built.size(), p[0], p[1]));
                log.info("[images] " + image.name() + " " + platform + ": " + built.digest());
            }
            deleteTree(work);
            index.annotate(annotations);
            byte[] bytes = JsonTemplateMapper.toByteArray(index);
            String digest = sha256(bytes);
            Files.write(blobs.resolve(digest.substring("sha256:".length())), bytes);
            Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.writeString(layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"" + ImageIndex.MEDIA_TYPE
                    + "\",\"digest\":\"" + digest + "\",\"size\":" + bytes.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
                    + metadata.version().replace('+', '_') + "\"}}]}");
            return new Built(image, layout, digest, List.copyOf(platforms), index);
        } catch (IOException e) {
            throw new ReleaseError("Cannot build the image " + image.name() + " in " + layout + ": " + e.getMessage(), e);
        }
    }

    /**
     * The digest of the base image: the one the reference pins ({@code name@sha256:…}), else what its
     * registry answers for it now (the image index of a multi-platform base). Scratch has none.
     */
    private String baseDigest(ImageConfig image) {
        if (image.from().equals(ImageConfig.SCRATCH)) {
            return null;
        }
        int at = image.from().indexOf('@');
        if (at >= 0) {
            return image.from().substring(at + 1);
        }
        return new RegistryPush(credentials, log).digest(image.from()).orElseThrow(() -> new ReleaseError("The base image " + image.from()
                + " of " + image.name() + " is not on its registry"));
    }

    private void containerize(ImageConfig image, Map<String, String> annotations, Metadata metadata, String os, String arch, Path tar)
            throws IOException {
        boolean insecureBase = false;
        JibContainerBuilder builder;
        try {
            if (image.from().equals(ImageConfig.SCRATCH)) {
                builder = Jib.fromScratch();
            } else {
                ImageReference base = ImageReference.parse(image.from());
                RegistryImage registryImage = RegistryImage.named(base);
                credentials.find(base).ifPresent(c -> registryImage.addCredential(c.getUsername(), c.getPassword()));
                insecureBase = credentials.settings(base.getRegistry()).insecure();
                builder = Jib.from(registryImage);
            }
            builder.setPlatforms(Set.of(new Platform(arch, os))).setFormat(ImageFormat.OCI).setCreationTime(metadata.created());
            for (ImageConfig.Layer layer : image.layers()) {
                builder.addFileEntriesLayer(layer(layer, os, arch));
            }
            if (!image.entrypoint().isEmpty()) {
                builder.setEntrypoint(image.entrypoint());
            }
            if (!image.arguments().isEmpty()) {
                builder.setProgramArguments(image.arguments());
            }
            if (image.user() != null) {
                builder.setUser(image.user());
            }
            if (image.workingDirectory() != null) {
                builder.setWorkingDirectory(AbsoluteUnixPath.get(image.workingDirectory()));
            }
            image.environment().forEach(builder::addEnvironmentVariable);
            for (String port : image.ports()) {
                String[] parts = port.split("/", 2);
                builder.addExposedPort(Port.parseProtocol(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "tcp"));
            }
            annotations.forEach(builder::addLabel);
            image.labels().forEach(builder::addLabel);
            Containerizer containerizer = Containerizer.to(TarImage.at(tar).named(ImageReference.parse(image.repositories().get(0) + ":"
                    + metadata.version().replace('+', '_')))).setAllowInsecureRegistries(insecureBase)
                    .setBaseImageLayersCache(cache.resolve("base")).setApplicationLayersCache(cache.resolve("application"))
                    .addEventHandler(LogEvent.class, JibLog.to(log));
            builder.containerize(containerizer);
        } catch (InvalidImageReferenceException e) {
            throw new ReleaseError("The image " + image.name() + " has a bad reference: " + e.getMessage(), e);
        } catch (InsecureRegistryException e) {
            throw new ReleaseError("The base image " + image.from() + " is on a registry reached only over plain HTTP or unverified TLS; allow it"
                    + " with registries: {<host>: {insecure: true}} in .brokle-release.yml (only on a trusted network)", e);
        } catch (RegistryUnauthorizedException e) {
            throw new ReleaseError("The registry refused access to the base image " + image.from() + "; give it a user name and password (settings.xml server, registries.<host>.usernameEnv/passwordEnv or docker login)", e);
        } catch (RegistryException | ExecutionException | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new ReleaseError("Jib could not build " + image.name() + " for " + os + "/" + arch + " from " + image.from() + ": "
                    + cause.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseError("Interrupted while building " + image.name(), e);
        }
    }

    private FileEntriesLayer layer(ImageConfig.Layer layer, String os, String arch) throws IOException {
        Path source = root.resolve(layer.from(os, arch));
        AbsoluteUnixPath target = AbsoluteUnixPath.get(layer.to());
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(layer.to());
        if (Files.isDirectory(source)) {
            builder.addEntryRecursive(source, target, (file, inImage) -> Files.isDirectory(file) ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS
                    : permissions(layer, file));
        } else {
            builder.addEntry(source, target, permissions(layer, source));
        }
        return builder.build();
    }

    /** The configured mode, else 755 for a file executable here and 644 for others. */
    private static FilePermissions permissions(ImageConfig.Layer layer, Path file) {
        if (layer.mode() != null) {
            String mode = layer.mode();
            return FilePermissions.fromOctalString(mode.length() == 4 ? mode.substring(1) : mode);
        }
        return Files.isExecutable(file) ? FilePermissions.fromOctalString("755") : FilePermissions.DEFAULT_FILE_PERMISSIONS;
    }

    /** Copies the blobs of Jib's OCI tarball into the layout and reads its one manifest. */
    private static PlatformImage gather(Path tar, Path blobs, String platform, Map<String, String> annotations) throws IOException {
        JsonNode tarIndex = null;
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("index.json")) {
                    tarIndex = JSON.readTree(in.readAllBytes());
                } else if (entry.getName().startsWith("blobs/sha256/") && entry.isFile()) {
                    Path target = blobs.resolve(entry.getName().substring("blobs/sha256/".length()));
                    if (!Files.exists(target)) {
                        copy(in, target);
                    }
                }
            }
        }
        if (tarIndex == null || tarIndex.path("manifests").size() != 1) {
            throw new ReleaseError("Jib's image tarball " + tar + " does not hold one image");
        }
        JsonNode descriptor = tarIndex.path("manifests").get(0);
        Path jibManifest = blobs.resolve(descriptor.path("digest").asText().substring("sha256:".length()));
        // the manifest again, with the release's annotations: a new manifest, under its own digest
        AnnotatedManifest annotated = JsonTemplateMapper.readJsonFromFile(jibManifest, AnnotatedManifest.class);
        annotated.annotate(annotations);
        byte[] bytes = JsonTemplateMapper.toByteArray(annotated);
        String digest = sha256(bytes);
        Files.write(blobs.resolve(digest.substring("sha256:".length())), bytes);
        Files.delete(jibManifest);
        JsonNode manifest = JSON.readTree(bytes);
        List<String> names = new ArrayList<>();
        names.add(manifest.path("config").path("digest").asText());
        manifest.path("layers").forEach(l -> names.add(l.path("digest").asText()));
        return new PlatformImage(platform, digest, bytes.length, List.copyOf(names));
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(byte[] bytes) throws IOException {
        return Digests.computeDigest(new ByteArrayInputStream(bytes)).getDigest().toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            PathUtils.deleteDirectory(dir);
        }
    }
}
