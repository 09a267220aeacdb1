package ai.brokle.release.git;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.brokle.release.ReleaseError;
import ai.brokle.release.testing.TestRepo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A remote that takes the connection and never answers (a git:// daemon that hangs, an HTTP
 * server that never sends a byte): every remote operation ends within its bound and says which
 * remote did not answer.
 */
class SilentRemoteTest {
    private static final int TIMEOUT_SECONDS = 1;

    @TempDir
    Path tmp;
    private ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket s = silent.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-remote");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        synchronized (held) {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    static Stream<Object[]> operations() {
        return Stream.of(
                new Object[] {"git", (Consumer<RemotePush>) RemotePush::refs},
                new Object[] {"git", (Consumer<RemotePush>) r -> r.fetch(List.of("refs/heads/main"))},
                new Object[] {"git", (Consumer<RemotePush>) r -> r.pushAtomically(List.of("refs/heads/main"))},
                new Object[] {"http", (Consumer<RemotePush>) RemotePush::refs},
                new Object[] {"http", (Consumer<RemotePush>) r -> r.pushFastForward("refs/heads/main")});
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("operations")
    void aRemoteThatNeverAnswersCostsAtMostItsBound(String scheme, Consumer<RemotePush> operation) throws Exception {
        Path dir = tmp.resolve("work");
        String url = scheme + "://127.0.0.1:" + silent.getLocalPort() + "/brokle.git";
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.commit("feat: one");
            repo.git().remoteAdd().setName("origin").setUri(new URIish(url)).call();
        }
        try (GitRepository git = GitRepository.open(dir)) {
            RemotePush remote = new RemotePush(git, "origin", null, TIMEOUT_SECONDS);
            long start = System.nanoTime();
            ReleaseError e = assertThrows(ReleaseError.class, () -> operation.accept(remote));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < (TIMEOUT_SECONDS * 4 + 3) * 1000L, scheme + " took " + millis + " ms: " + e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + silent.getLocalPort()), e.getMessage());
        }
    }
}
