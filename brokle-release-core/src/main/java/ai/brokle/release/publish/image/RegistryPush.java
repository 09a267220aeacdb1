package ai.brokle.release.publish.image;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.ReleaseLog;
import ai.brokle.release.config.RegistryConfig;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.hash.Digests;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.image.json.ManifestTemplate;
import com.google.cloud.tools.jib.json.JsonTemplateMapper;
import com.google.cloud.tools.jib.registry.ManifestAndDigest;
import com.google.cloud.tools.jib.registry.RegistryClient;
import java.io.IOException;
import java.security.DigestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a built image (an OCI layout) to one repository under a set of tags, with Jib's registry
 * client (bearer or basic authentication as the registry asks). Asks before every upload: a blob or
 * manifest the registry has is not sent again, and when every tag already names the image's index
 * nothing is sent at all. The same build is pushed under every tag and to every repository. The
 * first tag is the release's own version: once it names an image, it is never moved to another
 * (only the floating tags after it move).
 */
public final class RegistryPush {
    private static final String USER_AGENT = "brokle-release";

    /** What a push did. */
    public record Result(String repository, List<String> tagsMoved, List<String> tagsCurrent, int blobsUploaded, int blobsPresent) {
        public boolean upToDate() {
            return tagsMoved.isEmpty();
        }
    }

    private final RegistryCredentials credentials;
    private final ReleaseLog log;
    /** Registries whose TLS was found to answer (or not to be reachable at all, which Jib then reports). */
    private final java.util.Set<String> tlsChecked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RegistryPush(RegistryCredentials credentials, ReleaseLog log) {
        this.credentials = credentials;
        this.log = log;
    }

    /** The tags of {@code tags} that do not name the image's index in {@code repository} yet. */
    public List<String> missingTags(ImageBuild.Built image, String repository, List<String> tags) {
        return session(repository, false, (client, where) -> {
            List<String> missing = new ArrayList<>();
            for (String tag : tags) {
                Optional<ManifestAndDigest<ManifestTemplate>> current = client.checkManifest(tag);
                if (current.isEmpty() || !current.get().getDigest().toString().equals(image.digest())) {
                    missing.add(tag);
                }
            }
            return missing;
        });
    }

    /** The digest the registry gives for an image reference (name:tag), or empty when it has no such image. */
    public Optional<String> digest(String reference) {
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/');
        String repository = tagged ? reference.substring(0, colon) : reference;
        String tag = tagged ? reference.substring(colon + 1) : "latest";
        return session(repository, false, (client, where) -> client.checkManifest(tag).map(m -> m.getDigest().toString()));
    }

    /**
     * Points {@code tag} of {@code repository} at the index {@code source} names (a release's own
     * version tag), by digest: the manifest's bytes are read and stored again as they are, so nothing
     * is built or uploaded and the digest stays. Returns that digest.
     */
    public String retag(String repository, String source, String tag) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(repository);
        } catch (InvalidImageReferenceException e) {
            throw new ReleaseError("'" + repository + "' is not an image repository", e);
        }
        RegistryConfig settings = credentials.settings(reference.getRegistry());
        RegistryManifests manifests = new RegistryManifests(reference.getRegistry(), settings.insecure(), reference.getRepository(),
                credentials.find(reference).orElse(null));
        RegistryManifests.Manifest index = manifests.get(source).orElseThrow(() -> new ReleaseError(repository + ":" + source
                + " does not exist: " + tag + " cannot be moved back to it"));
        manifests.put(tag, index);
        return index.digest();
    }

    public Result push(ImageBuild.Built image, String repository, List<String> tags) {
        return session(repository, true, (client, where) -> {
            List<String> moved = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String tag : tags) {
                Optional<ManifestAndDigest<ManifestTemplate>> now = client.checkManifest(tag);
                boolean same = now.isPresent() && now.get().getDigest().toString().equals(image.digest());
                if (now.isPresent() && !same && tag.equals(tags.get(0))) {
                    throw new ReleaseError(where + ":" + tag + " already holds another image (" + now.get().getDigest() + ", this build is "
                            + image.digest() + "); a released version is never overwritten. The same commit and the same files give the same"
                            + " image: build the release's files again as they were built, or release a new version");
                }
                (same ? current : moved).add(tag);
            }
            int uploaded = 0;
            int present = 0;
            if (moved.isEmpty()) {
                return new Result(repository, moved, current, 0, 0);
            }
            for (ImageBuild.PlatformImage platform : image.platforms()) {
                for (String blob : platform.blobs()) {
                    DescriptorDigest digest = DescriptorDigest.fromDigest(blob);
                    if (client.checkBlob(digest).isPresent()) {
                        present++;
                        continue;
                    }
                    boolean mounted = client.pushBlob(digest, Blobs.from(image.blob(blob)), null, n -> {
                    });
                    if (!mounted) {
                        uploaded++;
                    }
                    log.debug("[images] " + where + ": blob " + blob + (mounted ? " mounted" : " uploaded"));
                }
                if (client.checkManifest(platform.digest()).isEmpty()) {
                    AnnotatedManifest manifest = JsonTemplateMapper.readJsonFromFile(image.blob(platform.digest()), AnnotatedManifest.class);
                    if (!Digests.computeJsonDigest(manifest).toString().equals(platform.digest())) {
                        throw new ReleaseError("The manifest " + platform.digest() + " of " + image.image().name() + " does not keep its digest when"
                                + " read back from " + image.layout() + "; build the image again");
                    }
                    client.pushManifest(manifest, platform.digest());
                }
            }
            for (String tag : moved) {
                DescriptorDigest pushed = client.pushManifest(image.index(), tag);
                if (!pushed.toString().equals(image.digest())) {
                    throw new ReleaseError("The registry stored " + where + ":" + tag + " as " + pushed + ", not " + image.digest());
                }
            }
            return new Result(repository, moved, current, uploaded, present);
        });
    }

    /**
     * A registry that speaks plain HTTP (or TLS with a certificate this Java does not trust) is
     * reported at once: Jib's client would retry the failed handshake with backoff for about a minute
     * before giving up. One HTTPS request per registry; a registry that cannot be reached at all is
     * left to Jib's own error.
     */
    private void requireTls(String registry, String repository, RegistryConfig settings) {
        if (!tlsChecked.add(registry)) {
            return;
        }
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
        try {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://" + registry + "/v2/")).timeout(
                    java.time.Duration.ofSeconds(20)).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (javax.net.ssl.SSLException e) {
            tlsChecked.remove(registry);
            throw insecure(settings, repository, e);
        } catch (IOException e) {
            log.debug("[images] " + registry + " did not answer over HTTPS (" + e.getMessage() + "); Jib tries it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseError("Interrupted reaching " + registry);
        }
    }

    private static ReleaseError insecure(RegistryConfig settings, String repository, Exception cause) {
        return new ReleaseError("The registry " + settings.host() + " (for " + repository + ") is reached only over plain HTTP or unverified"
                + " TLS; allow it with registries: {" + settings.host() + ": {insecure: true}} in .brokle-release.yml (only on a trusted"
                + " network)", cause);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(RegistryClient client, String where) throws IOException, RegistryException, DigestException;
    }

    private <T> T session(String repository, boolean forPush, Work<T> work) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(repository);
        } catch (InvalidImageReferenceException e) {
            throw new ReleaseError("'" + repository + "' is not an image repository", e);
        }
        RegistryConfig settings = credentials.settings(reference.getRegistry());
        if (!settings.insecure()) {
            requireTls(reference.getRegistry(), repository, settings);
        }
        FailoverHttpClient http = new FailoverHttpClient(settings.insecure(), settings.insecure(), JibLog.to(log));
        Optional<Credential> credential = credentials.find(reference);
        RegistryClient client = RegistryClient.factory(EventHandlers.builder().add(LogEvent.class, JibLog.to(log)).build(), reference.getRegistry(),
                reference.getRepository(), http).setCredential(credential.orElse(null)).setUserAgent(USER_AGENT).newRegistryClient();
        try {
            boolean bearer = forPush ? client.doPushBearerAuth() : client.doPullBearerAuth();
            if (!bearer && credential.isPresent()) {
                client.configureBasicAuth();
            }
            return work.run(client, repository);
        } catch (InsecureRegistryException e) {
            throw insecure(settings, repository, e);
        } catch (RegistryUnauthorizedException e) {
            throw new ReleaseError("The registry " + settings.host() + " refused " + (credential.isPresent() ? "the credentials" : "anonymous access")
                    + " for " + repository + "; give a user name and token allowed to push there (settings.xml server " + settings.serverId()
                    + ", registries." + settings.host() + ".usernameEnv/passwordEnv, or docker login)", e);
        } catch (DigestException e) {
            throw new ReleaseError("The image " + repository + " names a bad digest: " + e.getMessage(), e);
        } catch (RegistryException | IOException e) {
            throw new ReleaseError("Cannot push to " + repository + ": " + e.getMessage(), e);
        } finally {
            try {
                http.shutDown();
            } catch (IOException e) {
                log.debug("[images] closing the connections to " + settings.host() + ": " + e.getMessage());
            }
        }
    }
}
