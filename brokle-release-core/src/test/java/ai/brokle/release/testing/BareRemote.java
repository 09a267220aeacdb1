package ai.brokle.release.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;

/**
 * A bare repository in a temporary directory serving as a work repository's {@code origin}, served
 * on 127.0.0.1 by a real {@code git daemon}: pushes go through git's own receive-pack, so the bare
 * repository's hooks run (a {@code pre-receive} hook that refuses is how tests make a push fail).
 */
public final class BareRemote implements AutoCloseable {
    private static final int START_TIMEOUT_MILLIS = 10_000;
    private final Path dir;
    private final Process daemon;
    private final int port;

    private BareRemote(Path dir, Process daemon, int port) {
        this.dir = dir;
        this.daemon = daemon;
        this.port = port;
    }

    public static BareRemote create(Path dir) {
        try {
            Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call().close();
            int port;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Process daemon = new ProcessBuilder("git", "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1",
                    "--port=" + port, "--base-path=" + dir.getParent(), dir.getParent().toString())
                    .redirectErrorStream(true).redirectOutput(dir.getParent().resolve("git-daemon.log").toFile()).start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (true) {
                try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                    break;
                } catch (IOException notYet) {
                    if (!daemon.isAlive() || System.currentTimeMillis() > deadline) {
                        daemon.destroyForcibly();
                        throw new IllegalStateException("git daemon did not start on 127.0.0.1:" + port + " (install git: apt-get install git;"
                                + " see " + dir.getParent().resolve("git-daemon.log") + ")");
                    }
                    Thread.sleep(20);
                }
            }
            return new BareRemote(dir, daemon, port);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "git://127.0.0.1:" + port + "/" + dir.getFileName();
    }

    @Override
    public void close() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes this the repository's origin, pushes main and every tag, and makes main track origin/main. */
    public void connect(TestRepo repo) {
        try {
            repo.git().remoteAdd().setName("origin").setUri(new URIish(url())).call();
            StoredConfig config = repo.git().getRepository().getConfig();
            config.setString("branch", "main", "remote", "origin");
            config.setString("branch", "main", "merge", "refs/heads/main");
            config.save();
            repo.git().push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/main:refs/heads/main")).setPushTags().call();
            repo.git().fetch().setRemote("origin").call();
        } catch (GitAPIException | IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Installs a pre-receive hook that refuses every push, printing {@code reason}. */
    public void refusePushes(String reason) throws IOException {
        Path hook = dir.resolve("hooks/pre-receive");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho '" + reason + "' >&2\nexit 1\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    public void acceptPushes() throws IOException {
        Files.deleteIfExists(dir.resolve("hooks/pre-receive"));
    }

    /** The object a ref of the remote points at, or null. */
    public ObjectId ref(String name) {
        try (Repository r = Git.open(dir.toFile()).getRepository()) {
            Ref ref = r.exactRef(name);
            return ref == null ? null : ref.getObjectId();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another developer clones the remote, commits, optionally tags, and pushes everything. */
    public void pushFromAnotherClone(Path other, List<String> commits, String tag) {
        pushFromAnotherClone(url(), other, commits, tag);
    }

    /** Another developer clones the remote at {@code url} into {@code other}, commits, optionally tags, and pushes everything. */
    public static void pushFromAnotherClone(String url, Path other, List<String> commits, String tag) {
        try (Git clone = Git.cloneRepository().setURI(url).setDirectory(other.toFile()).call()) {
            TestRepo o = TestRepo.open(other);
            commits.forEach(o::commit);
            if (tag != null) {
                o.lightweightTag(tag);
            }
            clone.push().setPushAll().setPushTags().call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
